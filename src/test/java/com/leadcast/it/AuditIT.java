package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail: every SCIM write that reached a tenant and every admin action, successful or refused, newest
 * first, with actor, request id and the attribute paths written but never a value; paged and filtered.
 */
class AuditIT extends ScimTestBase {

    private static final String TENANTS = "/admin/v1/tenants";
    private static final String BULK_HEAD = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],";

    private String tenant;
    private String tokenId;
    private Http scim;

    private void newAuditedTenant() {
        tenant = newTenant();
        Reply issued = admin.post(TENANTS + "/" + tenant + "/tokens", "{\"label\":\"Entra production\"}");
        tokenId = issued.text("id");
        scim = new Http(root(), issued.text("token"));
    }

    /** The entries of the tenant's trail that its token made (not the admin's creating the tenant and token). */
    private List<JsonNode> scimTrail(String query) {
        return trail(query).stream().filter(e -> e.path("actor").path("type").asText().equals("token")).toList();
    }

    private List<JsonNode> trail(String query) {
        Reply reply = admin.get(TENANTS + "/" + tenant + "/audit" + query);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply::contentType);
        List<JsonNode> entries = new ArrayList<>();
        reply.json().path("entries").forEach(entries::add);
        return entries;
    }

    @Test
    void everyScimWriteIsRecordedNewestFirstWithItsActorAndPathsButNoValue() {
        newAuditedTenant();
        String secretMail = "alice-" + UUID.randomUUID() + "@contoso.com";
        Reply created = scim.send(scim.request(USERS).header("Content-Type", Http.SCIM_JSON)
                .header("X-Request-Id", "audit-create-1")
                .POST(HttpRequest.BodyPublishers.ofString(j("{'userName':'" + secretMail + "','emails':[{'value':'"
                        + secretMail + "','type':'work'}],'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':"
                        + "{'employeeNumber':'4711'}}"))));
        assertEquals(201, created.status(), created::toString);
        String user = created.text("id");
        assertEquals(200, scim.patch(USERS + "/" + user, j("{'schemas':['urn:ietf:params:scim:api:messages:2.0:"
                + "PatchOp'],'Operations':[{'op':'Replace','path':'emails[type eq `work`].value','value':'"
                + "bob-secret@contoso.com'},{'op':'replace','value':{'active':false}}]}")).status());
        assertEquals(200, scim.put(USERS + "/" + user, j("{'userName':'" + secretMail + "','displayName':'A'}"))
                .status());
        assertEquals(200, scim.get(USERS + "/" + user).status());
        assertScimError(scim.post(USERS, j("{'userName':'" + secretMail + "'}")), 409, "uniqueness");
        String unknown = UUID.randomUUID().toString();
        assertScimError(scim.patch(USERS + "/" + unknown, j("{'schemas':['urn:ietf:params:scim:api:messages:2.0:"
                + "PatchOp'],'Operations':[{'op':'replace','path':'title','value':'x'}]}")), 404, null);
        assertEquals(204, scim.delete(USERS + "/" + user).status());

        Reply page = admin.get(TENANTS + "/" + tenant + "/audit");
        List<JsonNode> entries = scimTrail("");
        assertEquals(List.of("delete 204", "patch 404", "create 409", "replace 200", "patch 200", "create 201"),
                entries.stream().map(e -> e.path("action").asText() + " " + e.path("status").asInt()).toList(),
                "the GET is not recorded; the refusals are");
        JsonNode create = entries.get(5);
        assertEquals("User", create.path("resourceType").asText());
        assertEquals(user, create.path("resourceId").asText());
        assertEquals(tenant, create.path("tenantId").asText());
        assertEquals("audit-create-1", create.path("requestId").asText());
        assertEquals("token", create.path("actor").path("type").asText());
        assertEquals(tokenId, create.path("actor").path("id").asText());
        assertEquals("Entra production", create.path("actor").path("label").asText());
        assertEquals(List.of("userName", "emails", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:"
                + "employeeNumber"), texts(create.path("attributes")));
        assertFalse(create.has("scimType"), create::toString);
        assertEquals(List.of("emails.value", "active"), texts(entries.get(4).path("attributes")));
        assertEquals("uniqueness", entries.get(2).path("scimType").asText());
        assertFalse(entries.get(2).has("resourceId"), "a refused create has no resource");
        assertEquals(unknown, entries.get(1).path("resourceId").asText());
        for (String value : new String[]{secretMail, "bob-secret", "4711", "work"}) {
            assertFalse(page.body().contains(value), () -> "the trail names no value: " + value + " in " + page);
        }
        Instant newest = Instant.parse(entries.get(0).path("at").asText());
        Instant oldest = Instant.parse(entries.get(5).path("at").asText());
        assertFalse(newest.isBefore(oldest));
    }

    @Test
    void eachOperationOfABulkIsRecordedWithTheBulksRequestId() {
        newAuditedTenant();
        Reply bulk = scim.send(scim.request("/scim/v2/Bulk").header("Content-Type", Http.SCIM_JSON)
                .header("X-Request-Id", "audit-bulk-1")
                .POST(HttpRequest.BodyPublishers.ofString(BULK_HEAD + "\"Operations\":["
                        + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{\"userName\":\""
                        + uniqueName("bulk") + "\"}},"
                        + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g\",\"data\":{\"displayName\":\"T "
                        + UUID.randomUUID() + "\",\"members\":[{\"value\":\"bulkId:a\"}]}},"
                        + "{\"method\":\"DELETE\",\"path\":\"/Users/" + UUID.randomUUID() + "\"}]}")));
        assertEquals(200, bulk.status(), bulk::toString);

        List<JsonNode> entries = scimTrail("");
        assertEquals(List.of("delete User 404", "create Group 201", "create User 201"), entries.stream()
                .map(e -> e.path("action").asText() + " " + e.path("resourceType").asText() + " "
                        + e.path("status").asInt()).toList());
        entries.forEach(e -> assertEquals("audit-bulk-1", e.path("requestId").asText(), e::toString));
        assertEquals(List.of("displayName", "members"), texts(entries.get(1).path("attributes")));
    }

    @Test
    void theTrailIsPagedAndFilteredByResourceActionAndTime() {
        newAuditedTenant();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(scim.post(USERS, j("{'userName':'" + uniqueName("paged") + "'}")).text("id"));
        }
        scim.patch(USERS + "/" + users.get(0), j("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':[{'op':'replace','path':'displayName','value':'x'}]}"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = admin.get(TENANTS + "/" + tenant + "/audit?action=create&count=2"
                    + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            assertEquals(200, page.status(), page::toString);
            page.json().path("entries").forEach(e -> seen.add(e.path("resourceId").asText()));
            cursor = page.json().path("nextCursor").textValue();
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        List<String> newestFirst = new ArrayList<>(users);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);

        List<JsonNode> ofFirst = trail("?resourceId=" + users.get(0));
        assertEquals(List.of("patch", "create"), ofFirst.stream().map(e -> e.path("action").asText()).toList());
        assertEquals(0, trail("?since=" + enc(Instant.now().plusSeconds(3600).toString())).size());
        assertEquals(8, trail("?since=2000-01-01T00:00:00Z").size(), "5 creates, a patch, the tenant's and token's");
        assertScimError(admin.get(TENANTS + "/" + tenant + "/audit?action=read"), 400, "invalidValue");
        assertScimError(admin.get(TENANTS + "/" + tenant + "/audit?since=yesterday"), 400, "invalidValue");
        assertScimError(admin.get(TENANTS + "/" + tenant + "/audit?cursor=bogus"), 400, "invalidValue");
        assertScimError(scim.get(TENANTS + "/" + tenant + "/audit"), 401, null);
    }

    @Test
    void adminActionsAreRecordedAndOutliveTheTenant() {
        String since = Instant.now().minusSeconds(1).toString();
        String id = admin.post(TENANTS, "{\"name\":\"Audited admin\"}").text("id");
        admin.patch(TENANTS + "/" + id, "{\"name\":\"Renamed\",\"status\":\"suspended\"}");
        assertScimError(admin.patch(TENANTS + "/" + id, "{\"colour\":\"red\"}"), 400, "invalidSyntax");
        String token = admin.post(TENANTS + "/" + id + "/tokens", "{\"label\":\"x\"}").text("id");
        admin.delete(TENANTS + "/" + id + "/tokens/" + token);
        admin.delete(TENANTS + "/" + id);
        assertEquals(204, admin.delete(TENANTS + "/" + id + "?confirm=" + id).status());

        tenant = id;
        List<JsonNode> ofTenant = trail("");
        assertEquals(List.of("tenant.delete 204", "tenant.delete 400", "token.revoke 204", "token.create 201",
                "tenant.update 400", "tenant.update 200", "tenant.create 201"), ofTenant.stream()
                .map(e -> e.path("action").asText() + " " + e.path("status").asInt()).toList());
        assertEquals(List.of("name", "status"), texts(ofTenant.get(5).path("attributes")));
        assertEquals(List.of("colour"), texts(ofTenant.get(4).path("attributes")));
        assertEquals(token, ofTenant.get(2).path("resourceId").asText());
        JsonNode actor = ofTenant.get(0).path("actor");
        assertEquals("admin", actor.path("type").asText());
        assertEquals("bootstrap", actor.path("id").asText());
        assertEquals("LEADCAST_ADMIN_TOKEN", actor.path("label").asText());

        Reply adminTrail = admin.get("/admin/v1/audit?count=1000&since=" + enc(since));
        assertEquals(200, adminTrail.status(), adminTrail::toString);
        List<String> ours = new ArrayList<>();
        adminTrail.json().path("entries").forEach(e -> {
            if (id.equals(e.path("tenantId").asText())) {
                ours.add(e.path("action").asText());
            }
        });
        assertEquals(7, ours.size(), adminTrail::toString);
        JsonNode updates = admin.get("/admin/v1/audit?action=tenant.update&count=5").json().path("entries");
        updates.forEach(e -> assertEquals("tenant.update", e.path("action").asText()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
