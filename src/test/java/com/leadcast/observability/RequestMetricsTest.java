package com.leadcast.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link RequestMetrics}: every label takes a few fixed values, whatever the client sends. */
class RequestMetricsTest {

    @Test
    void aPathBecomesItsResource() {
        assertEquals("Users", RequestMetrics.resourceOf("/scim/v2/Users"));
        assertEquals("Users", RequestMetrics.resourceOf("/scim/v2/Users/2819c223-7f76-453a-919d-413861904646"));
        assertEquals("Groups", RequestMetrics.resourceOf("/scim/v2/Groups/.search"));
        assertEquals(".search", RequestMetrics.resourceOf("/scim/v2/.search"));
        assertEquals("ServiceProviderConfig", RequestMetrics.resourceOf("/scim/v2/ServiceProviderConfig"));
        assertEquals("admin", RequestMetrics.resourceOf("/admin/v1/tenants/t1/tokens"));
        assertEquals("openapi", RequestMetrics.resourceOf("/openapi.yaml"));
        for (String other : new String[]{null, "", "/", "/scim/v2", "/scim/v2/", "/scim/v2/jane@example.com",
                "/scim/v2/users", "/../etc/passwd", "/scim/v1/Users"}) {
            assertEquals("other", RequestMetrics.resourceOf(other), other);
        }
    }

    @Test
    void requestsAreCountedUnderBoundedLabels() {
        RequestMetrics metrics = new RequestMetrics();
        metrics.registry = new SimpleMeterRegistry();
        metrics.activity = new ActivityCounters();
        metrics.request("GET", "/scim/v2/Users/1", 200, 3_000_000, null, "t1");
        metrics.request("GET", "/scim/v2/Users/2", 200, 5_000_000, null, "t1");
        metrics.request("BREW", "/scim/v2/Users", 405, 1_000_000, null, "t1");
        metrics.request("GET", "/scim/v2/Users", 401, 1_000_000, RequestRecord.Refusal.MISSING_CREDENTIAL, null);
        metrics.request("POST", "/scim/v2/Users", 429, 1_000_000, RequestRecord.Refusal.ADMISSION, "t2");
        metrics.request("GET", "/scim/v2/Users", 403, 1_000_000, RequestRecord.Refusal.SUSPENDED, "t3");

        assertEquals(2, metrics.registry.get("leadcast.scim.requests")
                .tags("method", "GET", "resource", "Users", "status", "200").counter().count());
        assertEquals(1, metrics.registry.get("leadcast.scim.requests").tags("method", "other").counter().count());
        assertEquals(4, metrics.registry.get("leadcast.scim.request.duration").tags("method", "GET").timer().count());
        assertEquals(1, metrics.registry.get("leadcast.scim.authentication.failures").tags("reason", "missing")
                .counter().count());
        assertEquals(1, metrics.registry.get("leadcast.scim.admission.refusals").counter().count());
        assertEquals(1, metrics.registry.get("leadcast.scim.authentication.failures").tags("reason", "suspended")
                .counter().count());
        assertEquals(3, metrics.activity.pending("t1").get(0).requests(), "a tenant's requests count in its activity");
        assertEquals(1, metrics.activity.pending("t1").get(0).errors());
        assertEquals(1, metrics.activity.pending("t2").get(0).errors());
    }
}
