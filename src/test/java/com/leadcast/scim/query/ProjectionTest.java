package com.leadcast.scim.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Projection}: {@code attributes} / {@code excludedAttributes} (RFC 7644 §3.4.2.5) and {@code returned}. */
class ProjectionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final ResourceType USER = SchemaRegistry.standard().userType();
    private static final ResourceType GROUP = SchemaRegistry.standard().groupType();

    /** A user as the service renders it (plus a password, which no rendering should ever let through). */
    private static final String ALICE = """
            {'schemas':['%s','%s'],'id':'2819c223','externalId':'ext-1','userName':'alice@contoso.com',
             'displayName':'Alice','password':'secret','active':true,
             'name':{'givenName':'Alice','familyName':'Moreau','formatted':'Alice Moreau'},
             'emails':[{'value':'alice@contoso.com','type':'work','primary':true},{'value':'a@home','type':'home'}],
             'groups':[{'value':'g1','display':'Sales','type':'direct'}],
             '%s':{'employeeNumber':'70412','department':'Sales','manager':{'value':'m1','$ref':'https://x/Users/m1'}},
             'meta':{'resourceType':'User','created':'2026-01-01T00:00:00Z','lastModified':'2026-01-02T00:00:00Z',
                     'location':'https://x/scim/v2/Users/2819c223','version':'W/\\"1\\"'}}
            """.formatted(CORE, ENTERPRISE, ENTERPRISE);

    private static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ObjectNode alice() {
        return (ObjectNode) tree(ALICE);
    }

    private static ObjectNode project(String attributes, String excludedAttributes) {
        return Projection.of(USER, attributes, excludedAttributes).apply(alice());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void withoutParametersEverythingDefaultIsReturnedButNeverTheReturnedNeverPassword() {
        ObjectNode expected = alice();
        expected.remove("password");
        assertEquals(expected, project(null, null));
        assertEquals(expected, project("", "  "));
    }

    @Test
    void applyDoesNotChangeItsInput() {
        ObjectNode input = alice();
        Projection.of(USER, "userName", null).apply(input);
        assertEquals(alice(), input);
    }

    @Test
    void attributesReturnsOnlyThoseAttributesPlusIdAndSchemas() {
        ObjectNode projected = project("userName", null);
        assertEquals(List.of("schemas", "id", "userName"), keys(projected));
        assertEquals("alice@contoso.com", projected.get("userName").asText());
        assertEquals(alice().get("schemas"), projected.get("schemas"));
    }

    @Test
    void attributeNamesAreCaseInsensitiveAndMayBeSpaced() {
        assertEquals(List.of("schemas", "id", "userName", "displayName"), keys(project(" USERNAME , displayname ", null)));
    }

    @Test
    void attributesMayBeQualifiedWithTheCoreSchemaUrn() {
        assertEquals(List.of("schemas", "id", "userName"), keys(project(CORE + ":userName", null)));
    }

    @Test
    void attributesWithSubAttributeReturnsOnlyThatSubAttribute() {
        ObjectNode projected = project("name.givenName,emails.value", null);
        assertEquals(tree("{'givenName':'Alice'}"), projected.get("name"));
        assertEquals(tree("[{'value':'alice@contoso.com'},{'value':'a@home'}]"), projected.get("emails"));
    }

    @Test
    void attributesNamingAnExtensionAttributeReturnsOnlyThatOfTheExtension() {
        ObjectNode projected = project(ENTERPRISE + ":department", null);
        assertEquals(List.of("schemas", "id", ENTERPRISE), keys(projected));
        assertEquals(tree("{'department':'Sales'}"), projected.get(ENTERPRISE));
    }

    @Test
    void attributesNamingAnExtensionSubAttribute() {
        assertEquals(tree("{'manager':{'value':'m1'}}"), project(ENTERPRISE + ":manager.value", null).get(ENTERPRISE));
    }

    @Test
    void attributesNamingTheExtensionUrnReturnsTheWholeBlock() {
        assertEquals(alice().get(ENTERPRISE), project(ENTERPRISE, null).get(ENTERPRISE));
    }

    @Test
    void attributesNeverReturnsReturnedNeverAttributes() {
        assertEquals(List.of("schemas", "id"), keys(project("password", null)));
    }

    @Test
    void unknownAttributeNamesAreIgnored() {
        assertEquals(List.of("schemas", "id", "userName"), keys(project("userName,shoeSize,name.nickname", null)));
    }

    @Test
    void excludedAttributesLeavesOutWholeAttributesAndSubAttributes() {
        ObjectNode projected = project(null, "emails,name.givenName");
        assertFalse(projected.has("emails"));
        assertEquals(tree("{'familyName':'Moreau','formatted':'Alice Moreau'}"), projected.get("name"));
        assertEquals("alice@contoso.com", projected.get("userName").asText());
        assertTrue(projected.has("meta"));
        assertTrue(projected.has(ENTERPRISE));
    }

    @Test
    void excludedAttributesCannotRemoveReturnedAlwaysId() {
        ObjectNode projected = project(null, "id,userName");
        assertEquals("2819c223", projected.get("id").asText());
        assertFalse(projected.has("userName"));
    }

    @Test
    void excludedExtensionAttributeIsLeftOutOfTheBlock() {
        assertEquals(tree("{'employeeNumber':'70412','manager':{'value':'m1','$ref':'https://x/Users/m1'}}"),
                project(null, ENTERPRISE + ":department").get(ENTERPRISE));
    }

    @Test
    void excludingEveryExtensionAttributeLeavesNoEmptyBlock() {
        assertFalse(project(null, ENTERPRISE).has(ENTERPRISE));
        assertFalse(project(null, ENTERPRISE + ":employeeNumber," + ENTERPRISE + ":department,"
                + ENTERPRISE + ":manager").has(ENTERPRISE));
    }

    @Test
    void excludedAttributesAreIgnoredWhenAttributesIsGiven() {
        assertEquals(List.of("schemas", "id", "userName"), keys(project("userName", "userName")));
    }

    @Test
    void excludedSubAttributesOfAMultiValuedAttribute() {
        assertEquals(tree("[{'value':'alice@contoso.com','primary':true},{'value':'a@home'}]"),
                project(null, "emails.type").get("emails"));
    }

    @Test
    void includesTellsWhetherADerivedAttributeIsNeeded() {
        assertTrue(Projection.of(USER, null, null).includes("groups"));
        assertTrue(Projection.of(USER, "groups", null).includes("groups"));
        assertTrue(Projection.of(USER, "groups.display", null).includes("groups"));
        assertFalse(Projection.of(USER, "userName", null).includes("groups"));
        assertFalse(Projection.of(USER, null, "groups").includes("groups"));
        assertTrue(Projection.of(USER, "userName", null).includes("id"));
        assertFalse(Projection.of(USER, null, null).includes("password"));
        assertFalse(Projection.of(USER, null, null).includes("noSuchAttribute"));
    }

    @Test
    void groupMembersCanBeExcluded() {
        ObjectNode group = (ObjectNode) tree("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g1',"
                + "'displayName':'Sales','members':[{'value':'u1'}],'meta':{'resourceType':'Group'}}");
        Projection projection = Projection.of(GROUP, null, "members");
        assertFalse(projection.includes("members"));
        assertEquals(List.of("schemas", "id", "displayName", "meta"), keys(projection.apply(group)));
    }

    @Test
    void metaSubAttributesCanBeRequested() {
        assertEquals(tree("{'lastModified':'2026-01-02T00:00:00Z'}"), project("meta.lastModified", null).get("meta"));
    }
}
