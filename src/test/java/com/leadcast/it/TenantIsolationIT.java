package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants share one SCIM base URL and are told apart by their token alone: nothing of one tenant is visible to,
 * changeable by or referable from another, and deleting a tenant takes its data and tokens with it.
 */
class TenantIsolationIT extends ScimTestBase {

    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[%s]}";

    @Test
    void sameUserNameAndGroupDisplayNameMayExistInBothTenants() {
        Http a = newTenantClient();
        Http b = newTenantClient();
        String userName = uniqueName("shared");
        String displayName = "Shared " + UUID.randomUUID();

        String userA = createUser(a, userName);
        String userB = createUser(b, userName);
        String groupA = createGroup(a, displayName, userA);
        String groupB = createGroup(b, displayName, userB);

        assertFalse(userA.equals(userB));
        assertFalse(groupA.equals(groupB));
        Reply foundInA = a.get(USERS + "?filter=" + enc("userName eq \"" + userName + "\""));
        assertEquals(1, foundInA.json().path("totalResults").asInt(), foundInA::toString);
        assertEquals(userA, foundInA.json().path("Resources").path(0).path("id").asText());
        Reply foundInB = b.get(GROUPS + "?filter=" + enc("displayName eq \"" + displayName + "\""));
        assertEquals(1, foundInB.json().path("totalResults").asInt(), foundInB::toString);
        assertEquals(groupB, foundInB.json().path("Resources").path(0).path("id").asText());
        assertEquals(userB, foundInB.json().path("Resources").path(0).path("members").path(0).path("value").asText());
    }

    @Test
    void anotherTenantsUserIsNotFoundForEveryMethodAndStaysUnchanged() {
        Http a = newTenantClient();
        Http b = newTenantClient();
        String userName = uniqueName("victim");
        String user = createUser(a, userName);
        JsonNode before = a.get(USERS + "/" + user).json();

        assertScimError(b.get(USERS + "/" + user), 404, null);
        assertScimError(b.put(USERS + "/" + user, "{\"userName\":\"" + uniqueName("taken") + "\",\"active\":false}"),
                404, null);
        assertScimError(b.patch(USERS + "/" + user, op("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")),
                404, null);
        assertScimError(b.delete(USERS + "/" + user), 404, null);

        Reply after = a.get(USERS + "/" + user);
        assertEquals(200, after.status(), after::toString);
        assertEquals(before, after.json());
        assertEquals(userName, after.text("userName"));
    }

    @Test
    void anotherTenantsGroupIsNotFoundForEveryMethodAndStaysUnchanged() {
        Http a = newTenantClient();
        Http b = newTenantClient();
        String member = createUser(a, uniqueName("member"));
        String name = "Private " + UUID.randomUUID();
        String group = createGroup(a, name, member);
        JsonNode before = a.get(GROUPS + "/" + group).json();
        String userOfB = createUser(b, uniqueName("b"));

        assertScimError(b.get(GROUPS + "/" + group), 404, null);
        assertScimError(b.get(GROUPS + "/" + group + "?excludedAttributes=members"), 404, null);
        assertScimError(b.put(GROUPS + "/" + group, "{\"displayName\":\"Hijacked\",\"members\":[]}"), 404, null);
        assertScimError(b.patch(GROUPS + "/" + group, op("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                + member + "\"}]}")), 404, null);
        assertScimError(b.patch(GROUPS + "/" + group, op("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + userOfB + "\"}]}")), 404, null);
        assertScimError(b.patch(GROUPS + "/" + group, op("{\"op\":\"remove\",\"path\":\"members\"}")), 404, null);
        assertScimError(b.delete(GROUPS + "/" + group), 404, null);

        Reply after = a.get(GROUPS + "/" + group);
        assertEquals(200, after.status(), after::toString);
        assertEquals(before, after.json());
        assertEquals(name, after.text("displayName"));
        assertEquals(member, after.json().path("members").path(0).path("value").asText());
        assertEquals(1, after.json().path("members").size());
    }

    @Test
    void listsAndFiltersNeverShowAnotherTenantsResources() {
        Http a = newTenantClient();
        Http b = newTenantClient();
        String userName = uniqueName("only-a");
        String user = a.post(USERS, "{\"userName\":\"" + userName + "\",\"externalId\":\"ext-" + userName + "\","
                + "\"displayName\":\"Only A\"}").text("id");
        String name = "Only A " + UUID.randomUUID();
        String group = a.post(GROUPS, "{\"displayName\":\"" + name + "\",\"externalId\":\"gext-" + name + "\","
                + "\"members\":[{\"value\":\"" + user + "\"}]}").text("id");
        String ownUser = createUser(b, uniqueName("own-b"));

        Reply users = b.get(USERS);
        assertEquals(1, users.json().path("totalResults").asInt(), users::toString);
        assertEquals(ownUser, users.json().path("Resources").path(0).path("id").asText());
        assertEquals(0, b.get(GROUPS).json().path("totalResults").asInt());

        for (String filter : new String[]{"userName eq \"" + userName + "\"", "id eq \"" + user + "\"",
                "externalId eq \"ext-" + userName + "\"", "displayName eq \"Only A\""}) {
            Reply reply = b.get(USERS + "?filter=" + enc(filter));
            assertEquals(200, reply.status(), reply::toString);
            assertEquals(0, reply.json().path("totalResults").asInt(), () -> filter + ": " + reply);
            assertEquals(0, reply.json().path("Resources").size(), () -> filter + ": " + reply);
        }
        for (String filter : new String[]{"displayName eq \"" + name + "\"", "id eq \"" + group + "\"",
                "externalId eq \"gext-" + name + "\""}) {
            Reply reply = b.get(GROUPS + "?excludedAttributes=members&filter=" + enc(filter));
            assertEquals(200, reply.status(), reply::toString);
            assertEquals(0, reply.json().path("totalResults").asInt(), () -> filter + ": " + reply);
        }
        Reply search = b.post(USERS + "/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":" + jsonString("userName eq \"" + userName + "\"") + "}");
        assertEquals(200, search.status(), search::toString);
        assertEquals(0, search.json().path("totalResults").asInt(), search::toString);

        // and the owner still sees them
        assertEquals(1, a.get(USERS + "?filter=" + enc("userName eq \"" + userName + "\"")).json()
                .path("totalResults").asInt());
    }

    @Test
    void anotherTenantsUserOrGroupCannotBecomeAMember() {
        Http a = newTenantClient();
        Http b = newTenantClient();
        String userOfA = createUser(a, uniqueName("a"));
        String groupOfA = createGroup(a, "A " + UUID.randomUUID());
        String userOfB = createUser(b, uniqueName("b"));
        String name = "B " + UUID.randomUUID();
        String groupOfB = createGroup(b, name, userOfB);

        assertScimError(b.patch(GROUPS + "/" + groupOfB, op("{\"op\":\"Add\",\"path\":\"members\",\"value\":["
                + "{\"value\":\"" + userOfA + "\"}]}")), 400, "invalidValue");
        assertScimError(b.patch(GROUPS + "/" + groupOfB, op("{\"op\":\"add\",\"path\":\"members\",\"value\":["
                + "{\"value\":\"" + groupOfA + "\"}]}")), 400, "invalidValue");
        assertScimError(b.patch(GROUPS + "/" + groupOfB, op("{\"op\":\"replace\",\"path\":\"members\",\"value\":["
                + "{\"value\":\"" + userOfA + "\"}]}")), 400, "invalidValue");
        assertScimError(b.put(GROUPS + "/" + groupOfB, "{\"displayName\":\"" + name + "\",\"members\":[{\"value\":\""
                + userOfA + "\"}]}"), 400, "invalidValue");
        String newName = "B2 " + UUID.randomUUID();
        assertScimError(b.post(GROUPS, "{\"displayName\":\"" + newName + "\",\"members\":[{\"value\":\"" + userOfA
                + "\"}]}"), 400, "invalidValue");

        JsonNode groupB = b.get(GROUPS + "/" + groupOfB).json();
        assertEquals(1, groupB.path("members").size(), groupB::toString);
        assertEquals(userOfB, groupB.path("members").path(0).path("value").asText());
        assertEquals(0, b.get(GROUPS + "?filter=" + enc("displayName eq \"" + newName + "\"")).json()
                .path("totalResults").asInt());
        assertFalse(a.get(USERS + "/" + userOfA).json().has("groups"));
    }

    @Test
    void deletingATenantDeletesItsDataAndItsTokensStopWorking() {
        String tenantA = newTenant();
        String tokenA1 = newToken(tenantA);
        String tokenA2 = newToken(tenantA);
        Http a = new Http(root(), tokenA1);
        String userName = uniqueName("gone");
        String user = createUser(a, userName);
        String group = createGroup(a, "Gone " + UUID.randomUUID(), user);
        createGroup(a, "Parent " + UUID.randomUUID(), group, user);
        Http b = newTenantClient();
        String userOfB = createUser(b, userName);

        Reply unconfirmed = admin.delete("/admin/v1/tenants/" + tenantA);
        assertScimError(unconfirmed, 400, "invalidValue");
        assertTrue(unconfirmed.text("detail").contains("deletes its 1 user(s), 2 group(s), 3 membership(s) and 2 "
                + "token(s), and cannot be undone; to confirm, repeat the request with ?confirm=" + tenantA),
                unconfirmed::toString);
        assertEquals(200, a.get(USERS + "/" + user).status(), "an unconfirmed deletion deletes nothing");

        Reply deleted = admin.delete("/admin/v1/tenants/" + tenantA + "?confirm=" + tenantA);
        assertEquals(204, deleted.status(), deleted::toString);

        for (String token : new String[]{tokenA1, tokenA2}) {
            Reply reply = new Http(root(), token).get(USERS);
            assertScimError(reply, 401, null);
            assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith("Bearer"), reply::toString);
            assertScimError(new Http(root(), token).get(GROUPS + "/" + group), 401, null);
        }
        assertEquals(404, admin.get("/admin/v1/tenants/" + tenantA).status());
        assertEquals(404, admin.get("/admin/v1/tenants/" + tenantA + "/tokens").status());

        // the other tenant keeps its user of the same name, and A's ids mean nothing to it
        Reply stillThere = b.get(USERS + "/" + userOfB);
        assertEquals(200, stillThere.status(), stillThere::toString);
        assertEquals(userName, stillThere.text("userName"));
        assertScimError(b.get(USERS + "/" + user), 404, null);
    }

    @Test
    void tokensAreListedAndRevocableUnderTheirOwnTenantOnly() {
        String tenantA = newTenant();
        String tenantB = newTenant();
        Reply issuedA = admin.post("/admin/v1/tenants/" + tenantA + "/tokens", "{\"label\":\"A token\"}");
        Reply issuedB = admin.post("/admin/v1/tenants/" + tenantB + "/tokens", "{\"label\":\"B token\"}");
        assertEquals(201, issuedA.status(), issuedA::toString);
        assertEquals(201, issuedB.status(), issuedB::toString);

        assertEquals(Set.of(issuedA.text("id")), tokenIds(tenantA));
        assertEquals(Set.of(issuedB.text("id")), tokenIds(tenantB));

        assertEquals(404, admin.delete("/admin/v1/tenants/" + tenantA + "/tokens/" + issuedB.text("id")).status());
        Http b = new Http(root(), issuedB.text("token"));
        assertEquals(200, b.get(USERS).status(), "B's token still works");
        assertFalse(admin.get("/admin/v1/tenants/" + tenantB + "/tokens").json().path(0).has("revokedAt"));

        // each token selects its own tenant
        String userOfB = createUser(b, uniqueName("b"));
        Http a = new Http(root(), issuedA.text("token"));
        assertScimError(a.get(USERS + "/" + userOfB), 404, null);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private Set<String> tokenIds(String tenant) {
        Reply reply = admin.get("/admin/v1/tenants/" + tenant + "/tokens");
        assertEquals(200, reply.status(), reply::toString);
        Set<String> ids = new HashSet<>();
        reply.json().forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    private static String createUser(Http scim, String userName) {
        Reply reply = scim.post(USERS, "{\"userName\":\"" + userName + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }

    private static String createGroup(Http scim, String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        Reply reply = scim.post(GROUPS, "{\"displayName\":\"" + displayName + "\",\"members\":[" + members + "]}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }

    private static String op(String operations) {
        return String.format(PATCH_OP, operations);
    }


    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
