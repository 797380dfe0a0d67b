package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-tenant request rate limits (token buckets): a tenant's own limit set through the admin API, shown on the
 * tenant, reset with {@code null}; beyond it {@code 429} with {@code Retry-After} and a SCIM error (RFC 6585 §4),
 * while another tenant is served as before.
 */
class RateLimitIT extends ScimTestBase {

    private static final String TENANTS = "/admin/v1/tenants";
    private static final String CHEAP = USERS + "?count=1";

    private Reply setLimit(String tenant, String rateLimit) {
        return admin.patch(TENANTS + "/" + tenant, "{\"rateLimit\":" + rateLimit + "}");
    }

    @Test
    void aTenantOverItsOwnLimitGets429WithRetryAfterAndAScimErrorWhileAnotherIsServed() throws Exception {
        String slow = newTenant();
        Http limited = new Http(root(), newToken(slow));
        Http other = newTenantClient();
        Reply set = setLimit(slow, "{\"requestsPerSecond\":2,\"burst\":3}");
        assertEquals(200, set.status(), set::toString);

        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(limited.get(CHEAP));
        }
        long served = replies.stream().filter(r -> r.status() == 200).count();
        assertTrue(served >= 3 && served <= 5, () -> served + " of 8 served: the burst of 3 and at most a token or two "
                + "regained meanwhile");
        Reply refused = replies.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
        JsonNode error = assertScimError(refused, 429, null);
        assertFalse(error.has("scimType"), () -> "RFC 7644 defines no scimType for 429: " + refused);
        assertTrue(error.path("detail").asText().contains("limited to 2 requests per second (burst 3)"),
                refused::toString);
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, () -> "whole seconds, at least 1: " + retryAfter);

        for (int i = 0; i < 30; i++) {
            Reply reply = other.get(CHEAP);
            assertEquals(200, reply.status(), () -> "another tenant keeps its own limit: " + reply);
        }

        Thread.sleep(retryAfter * 1000);
        Reply afterWaiting = limited.get(CHEAP);
        assertEquals(200, afterWaiting.status(), () -> "served again after Retry-After: " + afterWaiting);
    }

    @Test
    void theLimitIsShownOnTheTenantAndNullReturnsItToTheServersDefault() {
        String name = "Limited " + java.util.UUID.randomUUID();
        Reply created = admin.post(TENANTS, "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.json().path("rateLimit").isMissingNode(), created::toString);
        JsonNode byDefault = created.json().path("effectiveRateLimit");
        assertTrue(byDefault.path("serverDefault").asBoolean(), created::toString);
        assertTrue(byDefault.path("requestsPerSecond").asInt() > 25, () -> "well above Entra's 25/s: " + created);
        assertTrue(byDefault.path("burst").asInt() >= byDefault.path("requestsPerSecond").asInt(), created::toString);
        String tenant = created.text("id");

        Reply set = setLimit(tenant, "{\"requestsPerSecond\":40,\"burst\":60}");
        assertEquals(200, set.status(), set::toString);
        assertLimit(set.json(), 40, 60);
        Reply read = admin.get(TENANTS + "/" + tenant);
        assertLimit(read.json(), 40, 60);
        JsonNode listed = null;
        for (JsonNode t : admin.get(TENANTS + "?name=" + name.replace(' ', '+')).json().path("tenants")) {
            if (t.path("id").asText().equals(tenant)) {
                listed = t;
            }
        }
        assertNotNull(listed);
        assertLimit(listed, 40, 60);

        Reply roleOnly = admin.patch(TENANTS + "/" + tenant, "{\"roleMapping\":\"multiple\"}");
        assertEquals(200, roleOnly.status(), roleOnly::toString);
        assertLimit(roleOnly.json(), 40, 60);
        assertEquals("multiple", roleOnly.text("roleMapping"), "an absent rateLimit is kept, the role mapping changes");

        Reply reset = setLimit(tenant, "null");
        assertEquals(200, reset.status(), reset::toString);
        assertTrue(reset.json().path("rateLimit").isMissingNode(), reset::toString);
        assertEquals(byDefault, reset.json().path("effectiveRateLimit"), reset::toString);
        assertEquals(byDefault, admin.get(TENANTS + "/" + tenant).json().path("effectiveRateLimit"));
        assertEquals("multiple", reset.text("roleMapping"));
    }

    @Test
    void aTenantBackOnTheDefaultIsServedItsBurstAtOnce() {
        String tenant = newTenant();
        Http scim = new Http(root(), newToken(tenant));
        assertEquals(200, setLimit(tenant, "{\"requestsPerSecond\":1,\"burst\":1}").status());
        assertEquals(200, scim.get(CHEAP).status());
        assertScimError(scim.get(CHEAP), 429, null);

        assertEquals(200, setLimit(tenant, "null").status());
        for (int i = 0; i < 20; i++) {
            Reply reply = scim.get(CHEAP);
            assertEquals(200, reply.status(), () -> "the change applies at once on this server: " + reply);
        }
    }

    @Test
    void invalidLimitsAre400InvalidValueNamingTheProperty() {
        String tenant = newTenant();
        String[][] cases = {
                {"{\"requestsPerSecond\":10,\"burst\":5}", "rateLimit.burst is 5"},
                {"{\"requestsPerSecond\":0,\"burst\":5}", "rateLimit.requestsPerSecond is 0"},
                {"{\"requestsPerSecond\":10001,\"burst\":20000}", "from 1 to 10000"},
                {"{\"requestsPerSecond\":10,\"burst\":100001}", "to 100000"},
                {"{\"requestsPerSecond\":-3,\"burst\":5}", "rateLimit.requestsPerSecond is -3"},
                {"{\"requestsPerSecond\":2.5,\"burst\":5}", "must be a whole number"},
                {"{\"requestsPerSecond\":\"10\",\"burst\":20}", "must be a whole number"},
                {"{\"burst\":20}", "\"rateLimit.requestsPerSecond\" is required"},
                {"{\"requestsPerSecond\":10}", "\"rateLimit.burst\" is required"},
                {"25", "\"rateLimit\" must be an object"},
                {"[]", "\"rateLimit\" must be an object"}};
        for (String[] c : cases) {
            Reply reply = setLimit(tenant, c[0]);
            JsonNode error = assertScimError(reply, 400, "invalidValue");
            assertTrue(error.path("detail").asText().contains(c[1]), () -> c[0] + " -> " + reply);
        }
        Reply unchanged = admin.get(TENANTS + "/" + tenant);
        assertTrue(unchanged.json().path("rateLimit").isMissingNode(), () -> "nothing was changed: " + unchanged);
        assertScimError(admin.patch(TENANTS + "/no-such-tenant", "{\"rateLimit\":null}"), 404, null);
    }

    private static void assertLimit(JsonNode tenant, int rate, int burst) {
        assertEquals(rate, tenant.path("rateLimit").path("requestsPerSecond").asInt(), tenant::toString);
        assertEquals(burst, tenant.path("rateLimit").path("burst").asInt(), tenant::toString);
        JsonNode effective = tenant.path("effectiveRateLimit");
        assertEquals(rate, effective.path("requestsPerSecond").asInt(), tenant::toString);
        assertEquals(burst, effective.path("burst").asInt(), tenant::toString);
        assertFalse(effective.path("serverDefault").asBoolean(true), tenant::toString);
    }
}
