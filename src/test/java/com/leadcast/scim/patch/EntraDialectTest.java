package com.leadcast.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.schema.ResourceChecker;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link EntraDialect}: Entra ID's PATCH shapes rewritten to RFC 7644 ones, alone and through the engine. */
class EntraDialectTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final ResourceType USER = SchemaRegistry.standard().userType();
    private static final ResourceType GROUP = SchemaRegistry.standard().groupType();

    private static final String ALICE = "{'userName':'alice@contoso.com','displayName':'Alice','active':true,"
            + "'emails':[{'value':'alice@contoso.com','type':'work','primary':true},"
            + "{'value':'alice@home.example','type':'home'}],"
            + "'phoneNumbers':[{'value':'+1 425 555 0100','type':'work'}],"
            + "'" + ENTERPRISE + "':{'employeeNumber':'1','department':'Sales','manager':{'value':'boss-id'}}}";

    /** JSON written with single quotes for readability, and a backtick for a quote inside a string. */
    private static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"').replace("`", "\\\""));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static List<PatchOperation> normalised(ResourceType type, String operationsArray) {
        return EntraDialect.normalise(type, PatchRequest.parse((ObjectNode) tree(
                "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':" + operationsArray + "}")));
    }

    private static PatchOperation single(String operation) {
        List<PatchOperation> operations = normalised(USER, "[" + operation + "]");
        assertEquals(1, operations.size());
        return operations.get(0);
    }

    /** Alice after normalising, applying and checking the operations, as the endpoint stores her. */
    private static ObjectNode patched(String operationsArray) {
        ObjectNode document = (ObjectNode) tree(ALICE);
        PatchEngine.apply(USER, document, normalised(USER, operationsArray), Map.of());
        return ResourceChecker.check(USER, document);
    }

    @Nested
    class Rewrites {

        @Test
        void rfcShapedOperationsPassUnchanged() {
            PatchOperation op = single("{'op':'replace','path':'emails[type eq `work`].value','value':'x@y'}");
            assertEquals(new PatchOperation(PatchOperation.Op.REPLACE, "emails[type eq \"work\"].value",
                    tree("'x@y'")), op);
        }

        @Test
        void unqualifiedExtensionAttributePathGetsItsUrn() {
            assertEquals(ENTERPRISE + ":manager[value eq \"boss-id\"]",
                    single("{'op':'remove','path':'manager[value eq `boss-id`]'}").path());
            assertEquals(ENTERPRISE + ":department", single("{'op':'Replace','path':'department','value':'R&D'}").path());
        }

        @Test
        void coreAttributesAndUnknownNamesStayUnqualified() {
            assertEquals("displayName", single("{'op':'Replace','path':'displayName','value':'A'}").path());
            assertEquals("noSuchThing", single("{'op':'Replace','path':'noSuchThing','value':'A'}").path());
        }

        @Test
        void pathLessKeysOfExtensionAttributesGetTheirUrn() {
            PatchOperation op = single("{'op':'replace','value':{'displayName':'A','department':'R&D',"
                    + "'name.givenName':'G'}}");
            assertEquals(tree("{'displayName':'A','" + ENTERPRISE + ":department':'R&D','name.givenName':'G'}"),
                    op.value());
        }

        @Test
        void emptyStringBecomesNull() {
            assertTrue(single("{'op':'Replace','path':'" + ENTERPRISE + ":manager','value':''}").value().isNull());
            assertTrue(single("{'op':'replace','value':{'title':''}}").value().get("title").isNull());
        }

        @Test
        void wrappedValueOnASimpleAttributeIsUnwrapped() {
            assertEquals(tree("'x'"), single("{'op':'Replace','path':'nickName','value':[{'value':'x'}]}").value());
            assertEquals(tree("'x@y'"), single("{'op':'Replace','path':'emails[type eq `work`].value',"
                    + "'value':[{'$ref':null,'value':'x@y'}]}").value());
        }

        @Test
        void wrappedValuesOfMultiValuedAttributesAreKept() {
            assertEquals(tree("[{'value':'x@y'}]"),
                    single("{'op':'Add','path':'emails','value':[{'value':'x@y'}]}").value());
            List<PatchOperation> members = normalised(GROUP,
                    "[{'op':'Remove','path':'members','value':[{'$ref':null,'value':'u1'}]}]");
            assertEquals(tree("[{'$ref':null,'value':'u1'}]"), members.get(0).value());
        }

        @Test
        void stringifiedRoleBecomesTheRole() {
            PatchOperation op = single("{'op':'Add','path':'roles','value':[{'value':"
                    + "'{`id`:`06b07648-ecfe-589f-9d2f-6325724a46ee`,`value`:`Admin`,`displayName`:`Admin role`}'}]}");
            assertEquals(tree("[{'id':'06b07648-ecfe-589f-9d2f-6325724a46ee','value':'Admin','display':'Admin role'}]"),
                    op.value());
        }

        @Test
        void plainRolesAndRoleValuesThatAreNotJsonObjectsStay() {
            String plain = "[{'primary':true,'type':'WindowsAzureActiveDirectoryRole','value':'Agent'}]";
            assertEquals(tree(plain), single("{'op':'add','path':'roles','value':" + plain + "}").value());
            assertEquals(tree("[{'value':'{not json'}]"),
                    single("{'op':'add','path':'roles','value':[{'value':'{not json'}]}").value());
        }

        @Test
        void theInputIsNotChanged() {
            List<PatchOperation> input = PatchRequest.parse((ObjectNode) tree("{'Operations':"
                    + "[{'op':'replace','value':{'department':''}}]}"));
            JsonNode before = input.get(0).value().deepCopy();
            EntraDialect.normalise(USER, input);
            assertEquals(before, input.get(0).value());
        }
    }

    @Nested
    class ThroughTheEngine {

        @Test
        void managerRemovedByAnUnqualifiedValueFilter() {
            ObjectNode user = patched("[{'op':'remove','path':'manager[value eq `boss-id`]'}]");
            assertFalse(user.path(ENTERPRISE).has("manager"), user::toString);
            assertEquals("Sales", user.path(ENTERPRISE).path("department").asText());
        }

        @Test
        void managerFilterOnAnotherIdKeepsTheManager() {
            ObjectNode user = patched("[{'op':'remove','path':'manager[value eq `someone-else`]'}]");
            assertEquals(tree("{'value':'boss-id'}"), user.path(ENTERPRISE).path("manager"));
        }

        @Test
        void managerClearedByAnEmptyValueOrNull() {
            for (String value : List.of("''", "null")) {
                ObjectNode user = patched("[{'op':'Replace','path':'" + ENTERPRISE + ":manager','value':" + value + "}]");
                assertFalse(user.path(ENTERPRISE).has("manager"), user::toString);
            }
        }

        @Test
        void managerAsBareIdObjectOrOneElementListIsStoredAsAnObject() {
            for (String value : List.of("'m2'", "{'value':'m2'}", "[{'$ref':null,'value':'m2'}]")) {
                ObjectNode user = patched("[{'op':'add','path':'" + ENTERPRISE + ":manager','value':" + value + "}]");
                assertEquals(tree("{'value':'m2'}"), user.path(ENTERPRISE).path("manager"), value);
            }
        }

        @Test
        void emptyStringClearsASimpleAndABooleanAttribute() {
            ObjectNode user = patched("[{'op':'Replace','path':'displayName','value':''},"
                    + "{'op':'Replace','path':'active','value':''}]");
            assertFalse(user.has("displayName"), user::toString);
            assertFalse(user.has("active"), user::toString);
        }

        @Test
        void wrappedWorkEmailReplacesOnlyTheWorkEmail() {
            ObjectNode user = patched("[{'op':'Replace','path':'emails[type eq `work`].value','value':[{'value':'new@contoso.com'}]}]");
            assertEquals(tree("[{'value':'new@contoso.com','type':'work','primary':true},"
                    + "{'value':'alice@home.example','type':'home'}]"), user.path("emails"));
        }

        @Test
        void valuePathOpsOnAMissingTypedElementCreateOneMergedElement() {
            ObjectNode user = patched("[{'op':'Add','path':'addresses[type eq `work`].formatted','value':'Building 42'},"
                    + "{'op':'Add','path':'addresses[type eq `work`].locality','value':'Redmond'},"
                    + "{'op':'Replace','path':'addresses[type eq `work`].country','value':'US'},"
                    + "{'op':'Add','path':'phoneNumbers[type eq `mobile`].value','value':'+1 425 555 0101'}]");
            assertEquals(tree("[{'type':'work','formatted':'Building 42','locality':'Redmond','country':'US'}]"),
                    user.path("addresses"));
            assertEquals(tree("[{'value':'+1 425 555 0100','type':'work'},{'type':'mobile','value':'+1 425 555 0101'}]"),
                    user.path("phoneNumbers"));
        }

        @Test
        void stringifiedRoleIsStoredWithTheSchemasSubAttributes() {
            ObjectNode user = patched("[{'op':'Add','path':'roles','value':[{'value':"
                    + "'{`id`:`06b0`,`value`:`Admin`,`displayName`:`Admin role`}'}]}]");
            assertEquals(tree("[{'value':'Admin','display':'Admin role'}]"), user.path("roles"));
        }

        @Test
        void defaultDialectDisableWithStringFalse() {
            ObjectNode user = patched("[{'op':'Replace','path':'active','value':'False'}]");
            assertEquals(tree("false"), user.path("active"));
        }
    }
}
