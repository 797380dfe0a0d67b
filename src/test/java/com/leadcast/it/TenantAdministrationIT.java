package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenant administration: renaming, the operator's external id, suspension (403 on SCIM, data and tokens kept), the
 * paged and filtered tenant list, one token, and unknown properties refused.
 */
class TenantAdministrationIT extends ScimTestBase {

    private static final String TENANTS = "/admin/v1/tenants";

    @Test
    void patchRenamesSetsAndRemovesTheExternalIdAndLeavesTheRestAlone() {
        String id = admin.post(TENANTS, "{\"name\":\"Before\",\"roleMapping\":\"multiple\"}").text("id");
        String externalId = "crm-" + UUID.randomUUID();

        Reply renamed = admin.patch(TENANTS + "/" + id, j("{'name':' Contoso EU ','externalId':'" + externalId + "'}"));

        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Contoso EU", renamed.text("name"));
        assertEquals(externalId, renamed.text("externalId"));
        assertEquals("active", renamed.text("status"));
        assertEquals("multiple", renamed.text("roleMapping"), "what the body does not name stays");
        assertEquals(renamed.json(), admin.get(TENANTS + "/" + id).json());

        Reply removed = admin.patch(TENANTS + "/" + id, "{\"externalId\":null}");
        assertEquals(200, removed.status(), removed::toString);
        assertFalse(removed.json().has("externalId"), removed::toString);
        assertEquals("Contoso EU", removed.text("name"));
    }

    @Test
    void anUnknownOrWrongPropertyIsRefusedAndChangesNothing() {
        String id = admin.post(TENANTS, "{\"name\":\"Typo\"}").text("id");

        JsonNode error = assertScimError(admin.patch(TENANTS + "/" + id, "{\"name\":\"Other\",\"nmae\":\"x\"}"), 400,
                "invalidSyntax");
        assertTrue(error.path("detail").asText().startsWith("Unknown property \"nmae\""), error::toString);
        assertScimError(admin.patch(TENANTS + "/" + id, "{\"status\":\"paused\"}"), 400, "invalidValue");
        assertScimError(admin.patch(TENANTS + "/" + id, "{\"name\":\"\"}"), 400, "invalidValue");
        assertScimError(admin.patch(TENANTS + "/" + id, "{\"name\":\"" + "n".repeat(201) + "\"}"), 400,
                "invalidValue");
        assertEquals("Typo", admin.get(TENANTS + "/" + id).text("name"));
    }

    @Test
    void anExternalIdNamesOneTenantAndFindsIt() {
        String externalId = "crm-" + UUID.randomUUID();
        Reply first = admin.post(TENANTS, j("{'name':'First','externalId':'" + externalId + "'}"));
        assertEquals(201, first.status(), first::toString);
        assertEquals(externalId, first.text("externalId"));
        String second = newTenant();

        assertScimError(admin.patch(TENANTS + "/" + second, j("{'externalId':'" + externalId + "'}")), 409,
                "uniqueness");
        assertScimError(admin.post(TENANTS, j("{'name':'Third','externalId':'" + externalId + "'}")), 409,
                "uniqueness");
        assertEquals(200, admin.patch(TENANTS + "/" + first.text("id"), j("{'externalId':'" + externalId + "'}"))
                .status(), "a tenant may be given its own external id again");

        JsonNode found = admin.get(TENANTS + "?externalId=" + enc(externalId)).json().path("tenants");
        assertEquals(1, found.size(), found::toString);
        assertEquals(first.text("id"), found.path(0).path("id").asText());
    }

    @Test
    void aSuspendedTenantIsRefused403ButKeepsItsDataAndTokens() {
        String tenant = newTenant();
        Http scim = new Http(root(), newToken(tenant));
        Reply user = scim.post(USERS, j("{'userName':'" + uniqueName("kept") + "'}"));
        assertEquals(201, user.status(), user::toString);
        Http other = newTenantClient();

        Reply suspended = admin.patch(TENANTS + "/" + tenant, "{\"status\":\"suspended\"}");
        assertEquals("suspended", suspended.text("status"), suspended::toString);

        for (Reply refused : List.of(scim.get(USERS + "/" + user.text("id")), scim.post(USERS,
                j("{'userName':'" + uniqueName("new") + "'}")), scim.get("/scim/v2/ServiceProviderConfig"))) {
            JsonNode error = assertScimError(refused, 403, null);
            assertTrue(error.path("detail").asText().contains("suspended by the service operator"), error::toString);
            assertTrue(refused.header("X-Request-Id").isPresent(), refused::toString);
        }
        assertEquals(200, other.get(USERS).status(), "other tenants are served");

        admin.patch(TENANTS + "/" + tenant, "{\"status\":\"active\"}");
        Reply back = scim.get(USERS + "/" + user.text("id"));
        assertEquals(200, back.status(), back::toString);
    }

    @Test
    void theListIsPagedOldestFirstAndNarrowedByName() {
        String marker = "Paged " + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(admin.post(TENANTS, j("{'name':'" + marker + " " + i + "'}")).text("id"));
        }
        List<String> listed = new ArrayList<>();
        String query = TENANTS + "?count=2&name=" + enc(marker.toLowerCase());
        Reply page = admin.get(query);
        int pages = 1;
        while (true) {
            assertEquals(200, page.status(), page::toString);
            page.json().path("tenants").forEach(t -> listed.add(t.path("id").asText()));
            if (!page.json().has("nextCursor")) {
                break;
            }
            assertEquals(2, page.json().path("tenants").size(), page::toString);
            page = admin.get(query + "&cursor=" + enc(page.text("nextCursor")));
            pages++;
        }
        assertEquals(created, listed);
        assertEquals(3, pages);

        assertScimError(admin.get(TENANTS + "?cursor=garbage"), 400, "invalidValue");
        assertScimError(admin.get(TENANTS + "?count=0"), 400, "invalidValue");
        assertScimError(admin.get(TENANTS + "?count=ten"), 400, "invalidValue");
        assertEquals(0, admin.get(TENANTS + "?name=" + enc(marker + "_")).json().path("tenants").size(),
                "_ and % are matched literally");
    }

    @Test
    void oneTokenIsReadWithoutItsSecretAndOnlyUnderItsTenant() {
        String tenant = newTenant();
        Reply issued = admin.post(TENANTS + "/" + tenant + "/tokens", "{\"label\":\"Entra production\"}");
        String tokenId = issued.text("id");

        Reply token = admin.get(TENANTS + "/" + tenant + "/tokens/" + tokenId);

        assertEquals(200, token.status(), token::toString);
        assertEquals("Entra production", token.text("label"));
        assertEquals(issued.text("token").substring(0, token.text("prefix").length()), token.text("prefix"));
        assertFalse(token.body().contains(issued.text("token")), "never the secret");
        assertScimError(admin.get(TENANTS + "/" + newTenant() + "/tokens/" + tokenId), 404, null);
        assertScimError(admin.get(TENANTS + "/" + tenant + "/tokens/" + UUID.randomUUID()), 404, null);
    }

    @Test
    void activityCountsWhatTheTenantHoldsAndItsRequestsAndErrorsHourByHour() throws InterruptedException {
        String tenant = newTenant();
        Http scim = new Http(root(), newToken(tenant));
        String user = scim.post(USERS, j("{'userName':'" + uniqueName("active") + "'}")).text("id");
        assertEquals(201, scim.post(GROUPS, j("{'displayName':'Team " + UUID.randomUUID() + "','members':[{'value':'"
                + user + "'}]}")).status());
        assertEquals(404, scim.get(USERS + "/" + UUID.randomUUID()).status());

        JsonNode activity = admin.get(TENANTS + "/" + tenant + "/activity").json();
        for (int wait = 0; activity.path("requests24h").asLong() < 3 && wait < 50; wait++) {
            Thread.sleep(100); // a request is counted when its exchange completes, just after its answer
            activity = admin.get(TENANTS + "/" + tenant + "/activity").json();
        }
        assertEquals(tenant, activity.path("tenantId").asText());
        assertEquals(1, activity.path("users").asLong(), activity::toString);
        assertEquals(1, activity.path("groups").asLong(), activity::toString);
        assertEquals(1, activity.path("memberships").asLong(), activity::toString);
        assertEquals(3, activity.path("requests24h").asLong(), activity::toString);
        assertEquals(1, activity.path("errors24h").asLong(), activity::toString);
        JsonNode hourly = activity.path("hourly");
        assertEquals(24, hourly.size());
        assertEquals(3, hourly.path(23).path("requests").asLong(), "the current hour is the last");
        Instant hour = Instant.parse(hourly.path(23).path("hour").asText());
        assertTrue(hour.isAfter(Instant.now().minusSeconds(3601)) && hour.getEpochSecond() % 3600 == 0, hourly::toString);
        Instant last = Instant.parse(activity.path("lastRequestAt").asText());
        assertTrue(last.isAfter(Instant.now().minusSeconds(120)), activity::toString);

        JsonNode quiet = admin.get(TENANTS + "/" + newTenant() + "/activity").json();
        assertEquals(0, quiet.path("requests24h").asLong(), quiet::toString);
        assertFalse(quiet.has("lastRequestAt"), quiet::toString);
        assertScimError(admin.get(TENANTS + "/" + UUID.randomUUID() + "/activity"), 404, null);
    }

    @Test
    void forwardedHeadersOfAnUntrustedClientDoNotMakeTheUrls() {
        Reply created = admin.send(admin.request(TENANTS).header("Content-Type", "application/json")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\"}")));
        assertEquals(201, created.status(), created::toString);
        assertEquals(root() + "/scim/v2", created.text("scimBaseUrl"));
        assertTrue(created.header("Location").orElse("").startsWith(root() + TENANTS + "/"), created::toString);
    }

    @Test
    void aDeletionConfirmedWithAnotherIdDeletesNothing() {
        String tenant = newTenant();
        assertScimError(admin.delete(TENANTS + "/" + tenant + "?confirm=" + newTenant()), 400, "invalidValue");
        assertEquals(200, admin.get(TENANTS + "/" + tenant).status());
    }
}
