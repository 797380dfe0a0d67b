package com.leadcast.scim.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.patch.EntraDialect;
import com.leadcast.scim.patch.PatchEngine;
import com.leadcast.scim.patch.PatchOperation;
import com.leadcast.scim.patch.PatchRequest;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@link RoleAssignment}: the single-role mapping rewrites every add or replace of roles to "the role is now X",
 * shown through {@link EntraDialect} and the {@link PatchEngine} as a PATCH runs.
 */
class RoleAssignmentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ResourceType USER = SchemaRegistry.standard().userType();
    private static final String AGENT = "{'userName':'u','displayName':'U','roles':[{'value':'Agent','primary':true},"
            + "{'value':'Viewer'}]}";

    private static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"').replace("`", "\\\""));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static List<PatchOperation> operations(String array) {
        return EntraDialect.normalise(USER, PatchRequest.parse((ObjectNode) tree(
                "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':" + array + "}")));
    }

    private static JsonNode patched(RoleMapping mapping, String document, String array) {
        ObjectNode user = (ObjectNode) tree(document);
        PatchEngine.apply(USER, user, RoleAssignment.apply(mapping, operations(array)), Map.of());
        return user;
    }

    @Test
    void singleDefaultDialectAddOfASerialisedRoleMakesItTheOneRole() {
        JsonNode user = patched(RoleMapping.SINGLE, AGENT, "[{'op':'Add','path':'roles','value':[{'value':"
                + "'{`id`:`06b0`,`value`:`Admin`,`displayName`:`Admin role`}'}]}]");

        assertEquals(tree("[{'id':'06b0','value':'Admin','display':'Admin role','primary':true}]"), user.path("roles"),
                "the role alone, marked primary (the schema checker drops the id later)");
    }

    @Test
    void singleTakesTheLastRoleAssertedAcrossOperations() {
        JsonNode user = patched(RoleMapping.SINGLE, AGENT, "[{'op':'add','path':'roles','value':[{'value':'Admin'}]},"
                + "{'op':'add','path':'roles','value':[{'value':'Owner'},{'value':'Reader'}]}]");

        assertEquals(tree("[{'value':'Reader','primary':true}]"), user.path("roles"));
    }

    @Test
    void singleFlagDialectPrimaryValuePathSetsTheOneRole() {
        JsonNode user = patched(RoleMapping.SINGLE, AGENT,
                "[{'op':'replace','path':'roles[primary eq `True`].value','value':'Admin'}]");

        assertEquals(tree("[{'value':'Admin','primary':true}]"), user.path("roles"));
    }

    @Test
    void singlePathLessRolesBecomeTheOneRoleAndTheOtherKeysStillApply() {
        JsonNode user = patched(RoleMapping.SINGLE, AGENT,
                "[{'op':'replace','value':{'displayName':'New','roles':[{'value':'Admin'}]}}]");

        assertEquals("New", user.path("displayName").asText());
        assertEquals(tree("[{'value':'Admin','primary':true}]"), user.path("roles"));
    }

    @Test
    void singleEmptyValueOnThePrimaryValuePathLeavesNoRole() {
        JsonNode user = patched(RoleMapping.SINGLE, AGENT,
                "[{'op':'Replace','path':'roles[primary eq `True`].value','value':''}]");

        assertEquals(false, user.has("roles") && !user.path("roles").isEmpty(), user::toString);
    }

    @Test
    void singleLeavesRemoveAndOtherAttributesAlone() {
        JsonNode user = patched(RoleMapping.SINGLE, AGENT, "[{'op':'remove','path':'roles[value eq `Viewer`]'},"
                + "{'op':'replace','path':'displayName','value':'V'}]");

        assertEquals(tree("[{'value':'Agent','primary':true}]"), user.path("roles"));
        assertEquals("V", user.path("displayName").asText());
    }

    @Test
    void multipleKeepsRfcSemantics() {
        List<PatchOperation> operations = operations("[{'op':'add','path':'roles','value':[{'value':'Admin'}]}]");
        assertSame(operations, RoleAssignment.apply(RoleMapping.MULTIPLE, operations));

        JsonNode user = patched(RoleMapping.MULTIPLE, AGENT, "[{'op':'add','path':'roles','value':[{'value':'Admin'}]}]");
        assertEquals(tree("[{'value':'Agent','primary':true},{'value':'Viewer'},{'value':'Admin'}]"), user.path("roles"));
    }

    @Test
    void singleKeepsThePrimaryOfSeveralRolesInACreatedOrReplacedUser() {
        ObjectNode user = (ObjectNode) tree("{'userName':'u','roles':[{'value':'Viewer'},"
                + "{'value':'Agent','primary':'True','type':'WindowsAzureActiveDirectoryRole'},{'value':'Owner'}]}");

        RoleAssignment.applyTo(RoleMapping.SINGLE, user);

        assertEquals(tree("[{'value':'Agent','primary':true,'type':'WindowsAzureActiveDirectoryRole'}]"),
                user.path("roles"));
    }

    @Test
    void singleKeepsTheLastOfSeveralRolesNoneOfThemPrimary() {
        ObjectNode user = (ObjectNode) tree("{'userName':'u','roles':[{'value':'Viewer','primary':false},"
                + "{'value':'Owner','primary':false}]}");

        RoleAssignment.applyTo(RoleMapping.SINGLE, user);

        assertEquals(tree("[{'value':'Owner','primary':true}]"), user.path("roles"));
    }

    @Test
    void singleLeavesOneRoleExactlyAsSentAndMultipleLeavesEverything() {
        String one = "{'userName':'u','roles':[{'value':'Agent','type':'WindowsAzureActiveDirectoryRole'}]}";
        assertEquals(tree(one), RoleAssignment.applyTo(RoleMapping.SINGLE, (ObjectNode) tree(one)));
        String several = "{'userName':'u','roles':[{'value':'Agent'},{'value':'Owner'}]}";
        assertEquals(tree(several), RoleAssignment.applyTo(RoleMapping.MULTIPLE, (ObjectNode) tree(several)));
    }

    @Test
    void singlePatchAssertingSeveralRolesOneOfThemPrimaryKeepsThePrimary() {
        JsonNode user = patched(RoleMapping.SINGLE, AGENT, "[{'op':'add','path':'roles','value':"
                + "[{'value':'Owner','primary':true},{'value':'Reader'}]}]");

        assertEquals(tree("[{'value':'Owner','primary':true}]"), user.path("roles"));
    }
}
