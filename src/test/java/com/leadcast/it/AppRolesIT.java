package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * App roles (issue 4): the app-wide catalog of {@code /admin/v1/app-roles}, its values as the canonicalValues of
 * {@code roles.value} in {@code /Schemas}, role values checked against it on every write of a user, and each
 * tenant's role mapping ({@code single} or {@code multiple}) applied to PATCH. The catalog is shared by every suite
 * on the server, so each test leaves it empty again.
 */
class AppRolesIT extends ScimTestBase {

    private static final String APP_ROLES = "/admin/v1/app-roles";
    private static final String TENANTS = "/admin/v1/tenants";
    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String CATALOG = j("[{'value':'Admin','displayName':'Administrator','description':'Everything'},"
            + "{'value':'Reader','displayName':'Reader'}]");

    private Http scim;

    @BeforeEach
    void catalog() {
        Reply reply = admin.put(APP_ROLES, CATALOG);
        assertEquals(200, reply.status(), reply::toString);
        scim = newTenantClient();
    }

    @AfterEach
    void emptyCatalog() {
        Reply reply = admin.put(APP_ROLES, "[]");
        assertEquals(200, reply.status(), reply::toString);
    }

    // --- the catalog ------------------------------------------------------------------------------------------------

    @Test
    void putReplacesTheCatalogAndGetReturnsItInOrder() {
        Reply put = admin.put(APP_ROLES, j("[{'value':'Reader'},{'value':'Owner','displayName':'Owner',"
                + "'description':'Owns the account'}]"));

        assertEquals(200, put.status(), put::toString);
        assertTrue(put.contentType().startsWith("application/json"), put::contentType);
        JsonNode expected = tree("[{'value':'Reader'},{'value':'Owner','displayName':'Owner',"
                + "'description':'Owns the account'}]");
        assertEquals(expected, put.json());
        Reply get = admin.get(APP_ROLES);
        assertEquals(200, get.status(), get::toString);
        assertEquals(expected, get.json());
    }

    @Test
    void putOfAnEmptyArrayEmptiesTheCatalog() {
        assertEquals(200, admin.put(APP_ROLES, "[]").status());

        assertEquals(tree("[]"), admin.get(APP_ROLES).json());
    }

    @Test
    void valuesDifferingOnlyInCaseAreRefusedAndTheCatalogIsKept() {
        Reply reply = admin.put(APP_ROLES, j("[{'value':'Admin'},{'value':'admin'}]"));

        JsonNode error = assertScimError(reply, 400, "invalidValue");
        assertTrue(error.path("detail").asText().contains("admin"), error::toString);
        assertEquals(tree(CATALOG), admin.get(APP_ROLES).json());
    }

    @Test
    void aRoleWithoutValueIsRefused() {
        Reply missing = admin.put(APP_ROLES, j("[{'value':'Admin'},{'displayName':'Nameless'}]"));
        assertTrue(assertScimError(missing, 400, null).path("detail").asText().contains("value"), missing::toString);
        assertScimError(admin.put(APP_ROLES, j("[{'value':'  '}]")), 400, "invalidValue");
        assertEquals(tree(CATALOG), admin.get(APP_ROLES).json());
    }

    @Test
    void theCatalogNeedsTheAdminToken() {
        Reply reply = scim.json().get(APP_ROLES);

        assertEquals(401, reply.status(), reply::toString);
    }

    @Test
    void schemasPublishTheCatalogAsCanonicalValuesOfRolesValue() {
        assertEquals(List.of("Admin", "Reader"), canonicalValues(scim.get("/scim/v2/Schemas/" + CORE).json()));
        JsonNode list = scim.get("/scim/v2/Schemas").json();
        for (JsonNode schema : list.path("Resources")) {
            if (schema.path("id").asText().equals(CORE)) {
                assertEquals(List.of("Admin", "Reader"), canonicalValues(schema));
            }
        }

        admin.put(APP_ROLES, "[]");
        assertEquals(List.of(), canonicalValues(scim.get("/scim/v2/Schemas/" + CORE).json()));
    }

    // --- role values checked ----------------------------------------------------------------------------------------

    @Test
    void aKnownRoleInAnotherCaseIsStoredAsTheCatalogSpellsIt() {
        Reply created = createUser("[{'value':'aDMIN','primary':true}]");

        assertEquals(201, created.status(), created::toString);
        assertEquals("Admin", created.json().path("roles").path(0).path("value").asText(), created::toString);
        Reply patched = scim.patch(USERS + "/" + created.text("id"),
                patchOp("[{'op':'add','path':'roles','value':[{'value':'reader'}]}]"));
        assertEquals(200, patched.status(), patched::toString);
        assertEquals(List.of("Reader"), roleValues(patched.json()), "single mapping: Reader is now the one role");
    }

    @Test
    void anUnknownRoleOnCreateIs400NamingTheValueTheAllowedValuesAndTheFix() {
        String userName = uniqueName("unknown");
        Reply reply = scim.post(USERS, j("{'schemas':['" + CORE + "'],'userName':'" + userName
                + "','roles':[{'value':'Superuser'}]}"));

        String detail = assertScimError(reply, 400, "invalidValue").path("detail").asText();
        assertTrue(detail.contains("Superuser"), detail);
        assertTrue(detail.contains("\"Admin\", \"Reader\""), detail);
        assertTrue(detail.contains("SingleAppRoleAssignment([appRoleAssignments])"), detail);
        assertEquals(0, scim.get(USERS + "?filter=" + enc("userName eq \"" + userName + "\"")).json()
                .path("totalResults").asInt(), "no user was created");
    }

    @Test
    void anUnknownRoleInAPatchAppliesNothingOfThePatch() {
        Reply created = createUser("[{'value':'Reader'}]");
        String location = USERS + "/" + created.text("id");

        Reply reply = scim.patch(location, patchOp("[{'op':'replace','path':'displayName','value':'Renamed'},"
                + "{'op':'add','path':'roles','value':[{'value':'Superuser'}]}]"));

        assertScimError(reply, 400, "invalidValue");
        JsonNode user = scim.get(location).json();
        assertEquals("Someone", user.path("displayName").asText(), user::toString);
        assertEquals(List.of("Reader"), roleValues(user));
    }

    @Test
    void anUnknownRoleOnReplaceIs400() {
        Reply created = createUser("[{'value':'Reader'}]");

        Reply reply = scim.put(USERS + "/" + created.text("id"), j("{'schemas':['" + CORE + "'],'userName':'"
                + created.text("userName") + "','roles':[{'value':'Reader'},{'value':'Owner'}]}"));

        assertTrue(assertScimError(reply, 400, "invalidValue").path("detail").asText().contains("Owner"));
    }

    @Test
    void aSerialisedObjectOrXmlFromADirectMappingIsRefused() {
        Reply json = createUser("[{'value':'{`id`:`06b07648-ecfe-589f-9d2f-6325724a46ee`,`value`:`Admin`}'}]");
        String detail = assertScimError(json, 400, "invalidValue").path("detail").asText();
        assertTrue(detail.contains("serialised JSON object"), detail);
        assertTrue(detail.contains("SingleAppRoleAssignment([appRoleAssignments])"), detail);

        Reply created = createUser("[{'value':'Reader'}]");
        Reply xml = scim.patch(USERS + "/" + created.text("id"), patchOp("[{'op':'Add','path':'roles','value':"
                + "[{'value':'<AppRoleAssignment><Id>06b0</Id><Value>Admin</Value></AppRoleAssignment>'}]}]"));
        assertTrue(assertScimError(xml, 400, "invalidValue").path("detail").asText().contains("XML"));
    }

    @Test
    void anEmptyCatalogAcceptsAnyRole() {
        admin.put(APP_ROLES, "[]");

        Reply created = createUser("[{'value':'Agent','primary':true}]");

        assertEquals(201, created.status(), created::toString);
        assertEquals(List.of("Agent"), roleValues(created.json()));
    }

    @Test
    void bulkOperationsAreCheckedLikeSingleRequests() {
        Reply reply = scim.post("/scim/v2/Bulk", j("{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],"
                + "'Operations':[{'method':'POST','path':'/Users','bulkId':'a','data':{'schemas':['" + CORE + "'],"
                + "'userName':'" + uniqueName("bulk") + "','roles':[{'value':'Superuser'}]}}]}"));

        assertEquals(200, reply.status(), reply::toString);
        JsonNode operation = reply.json().path("Operations").path(0);
        assertEquals("400", operation.path("status").asText(), reply::toString);
        assertEquals("invalidValue", operation.path("response").path("scimType").asText(), reply::toString);
    }

    // --- role mapping -----------------------------------------------------------------------------------------------

    @Test
    void singleMappingDefaultDialectEachAddLeavesExactlyTheLastRoleAsPrimary() {
        String location = USERS + "/" + createUser("[{'value':'Reader','primary':true}]").text("id");

        JsonNode user = patched(location, "[{'op':'Add','path':'roles','value':[{'value':'{`id`:`"
                + UUID.randomUUID() + "`,`value`:`Admin`,`displayName`:`Admin`}'}]}]");
        assertEquals(tree("[{'value':'Admin','display':'Admin','primary':true}]"), user.path("roles"));

        user = patched(location, "[{'op':'Add','path':'roles','value':[{'value':'{`id`:`"
                + UUID.randomUUID() + "`,`value`:`Reader`,`displayName`:`Reader`}'}]}]");
        assertEquals(tree("[{'value':'Reader','display':'Reader','primary':true}]"), user.path("roles"));
    }

    @Test
    void singleMappingFlagDialectPrimaryValuePathSetsTheOneRole() {
        String location = USERS + "/" + createUser("[{'value':'Reader','primary':true}]").text("id");

        JsonNode user = patched(location, "[{'op':'replace','path':'roles[primary eq `True`].value','value':'Admin'}]");

        assertEquals(tree("[{'value':'Admin','primary':true}]"), user.path("roles"));
    }

    @Test
    void multipleMappingAddAppendsAndReplaceReplacesTheSet() {
        scim = clientOf(tenant("{'name':'Multi " + UUID.randomUUID() + "','roleMapping':'multiple'}"));
        String location = USERS + "/" + createUser("[{'value':'Reader'}]").text("id");

        JsonNode user = patched(location, "[{'op':'Add','path':'roles','value':[{'value':'admin'}]}]");
        assertEquals(List.of("Reader", "Admin"), roleValues(user));

        user = patched(location, "[{'op':'replace','path':'roles','value':[{'value':'Admin','primary':true}]}]");
        assertEquals(tree("[{'value':'Admin','primary':true}]"), user.path("roles"));
    }

    @Test
    void singleMappingCreateOrReplaceWithSeveralRolesKeepsThePrimaryOrTheLast() {
        Reply created = createUser("[{'value':'Reader','primary':false},{'value':'Admin','primary':true}]");
        assertEquals(201, created.status(), created::toString);
        assertEquals(tree("[{'value':'Admin','primary':true}]"), created.json().path("roles"));
        String location = USERS + "/" + created.text("id");
        assertEquals(tree("[{'value':'Admin','primary':true}]"), scim.get(location).json().path("roles"));

        Reply replaced = scim.put(location, j("{'schemas':['" + CORE + "'],'userName':'"
                + created.text("userName") + "','roles':[{'value':'Admin'},{'value':'Reader'}]}"));

        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals(tree("[{'value':'Reader','primary':true}]"), replaced.json().path("roles"));
    }

    @Test
    void multipleMappingCreateKeepsEveryRoleAsSent() {
        scim = clientOf(tenant("{'name':'Multi " + UUID.randomUUID() + "','roleMapping':'multiple'}"));

        Reply created = createUser("[{'value':'Reader','primary':false,'display':'Reader'},"
                + "{'value':'Admin','primary':false,'display':'Admin'}]");

        assertEquals(201, created.status(), created::toString);
        assertEquals(tree("[{'value':'Reader','primary':false,'display':'Reader'},"
                + "{'value':'Admin','primary':false,'display':'Admin'}]"), created.json().path("roles"));
    }

    @Test
    void patchOfATenantSwitchesItsRoleMapping() {
        JsonNode tenant = tenant("{'name':'Switch " + UUID.randomUUID() + "'}");
        assertEquals("single", tenant.path("roleMapping").asText(), tenant::toString);
        String id = tenant.path("id").asText();
        scim = clientOf(tenant);
        String location = USERS + "/" + createUser("[{'value':'Reader'}]").text("id");

        Reply switched = admin.patch(TENANTS + "/" + id, j("{'roleMapping':'multiple'}"));

        assertEquals(200, switched.status(), switched::toString);
        assertEquals("multiple", switched.json().path("roleMapping").asText(), switched::toString);
        assertEquals("multiple", admin.get(TENANTS + "/" + id).json().path("roleMapping").asText());
        assertEquals(List.of("Reader", "Admin"),
                roleValues(patched(location, "[{'op':'Add','path':'roles','value':[{'value':'Admin'}]}]")));
        assertEquals(200, admin.patch(TENANTS + "/" + id, j("{'roleMapping':'single'}")).status());
        assertEquals(List.of("Reader"),
                roleValues(patched(location, "[{'op':'Add','path':'roles','value':[{'value':'Reader'}]}]")));
    }

    @Test
    void anUnknownRoleMappingIsRefused() {
        String id = tenant("{'name':'Bad " + UUID.randomUUID() + "'}").path("id").asText();

        Reply patch = admin.patch(TENANTS + "/" + id, j("{'roleMapping':'several'}"));
        assertTrue(assertScimError(patch, 400, "invalidValue").path("detail").asText().contains("several"));
        assertEquals("single", admin.get(TENANTS + "/" + id).json().path("roleMapping").asText());
        assertScimError(admin.post(TENANTS, j("{'name':'Bad','roleMapping':'several'}")), 400, "invalidValue");
        assertScimError(admin.patch(TENANTS + "/" + UUID.randomUUID(), j("{'roleMapping':'single'}")), 404, null);
    }

    // --- reading roles ----------------------------------------------------------------------------------------------

    @Test
    void usersAreFilterableByRoleValue() {
        String admin1 = createUser("[{'value':'Admin','primary':true}]").text("id");
        createUser("[{'value':'Reader','primary':true}]");

        JsonNode list = scim.get(USERS + "?filter=" + enc("roles.value eq \"Admin\"")).json();

        assertEquals(1, list.path("totalResults").asInt(), list::toString);
        assertEquals(admin1, list.path("Resources").path(0).path("id").asText());
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private Reply createUser(String roles) {
        return scim.post(USERS, j("{'schemas':['" + CORE + "'],'userName':'" + uniqueName("role")
                + "','displayName':'Someone','roles':" + roles + "}"));
    }

    private JsonNode patched(String location, String operations) {
        Reply reply = scim.patch(location, patchOp(operations));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private JsonNode tenant(String body) {
        Reply reply = admin.post(TENANTS, j(body));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    private Http clientOf(JsonNode tenant) {
        return new Http(root(), newToken(tenant.path("id").asText()));
    }

    private static String patchOp(String operations) {
        return j("{'schemas':['" + PATCH_OP + "'],'Operations':" + operations + "}");
    }

    private static List<String> roleValues(JsonNode user) {
        List<String> values = new ArrayList<>();
        user.path("roles").forEach(role -> values.add(role.path("value").asText()));
        return values;
    }

    private static List<String> canonicalValues(JsonNode userSchema) {
        List<String> values = new ArrayList<>();
        for (JsonNode attribute : userSchema.path("attributes")) {
            if (attribute.path("name").asText().equals("roles")) {
                for (JsonNode sub : attribute.path("subAttributes")) {
                    if (sub.path("name").asText().equals("value")) {
                        sub.path("canonicalValues").forEach(v -> values.add(v.asText()));
                    }
                }
            }
        }
        return values;
    }
}
