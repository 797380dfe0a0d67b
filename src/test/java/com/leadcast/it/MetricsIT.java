package com.leadcast.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prometheus text at {@code GET /metrics} of the management interface, without credentials: the service's request
 * counter and duration with their fixed labels, authentication failures by reason, the connection pool and
 * the JVM; never a tenant id.
 */
class MetricsIT extends ScimTestBase {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-z_]+)\\{([^}]*)\\} ([0-9.eE+-]+)$");

    @Test
    void requestsAreCountedByMethodResourceAndStatus() throws Exception {
        String tenant = newTenant();
        Http scim = new Http(root(), newToken(tenant));
        String start = metrics();
        double before = sample(start, "leadcast_scim_requests_total",
                List.of("method=\"GET\"", "resource=\"Users\"", "status=\"200\""));
        double countBefore = sample(start, "leadcast_scim_request_duration_seconds_count",
                List.of("method=\"GET\"", "resource=\"Users\""));
        double allBefore = sample(start, "leadcast_scim_request_duration_buckets_total",
                List.of("method=\"GET\"", "resource=\"Users\"", "le=\"+Inf\""));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, scim.get(USERS).status());
        }
        assertEquals(404, scim.get(USERS + "/no-such-user").status());

        String text = metrics();
        assertEquals(before + 3, sample(text, "leadcast_scim_requests_total",
                List.of("method=\"GET\"", "resource=\"Users\"", "status=\"200\"")));
        assertTrue(sample(text, "leadcast_scim_requests_total",
                List.of("method=\"GET\"", "resource=\"Users\"", "status=\"404\"")) >= 1, text);
        assertTrue(sample(text, "leadcast_scim_request_duration_seconds_sum",
                List.of("method=\"GET\"", "resource=\"Users\"")) > 0, text);
        assertTrue(sample(text, "leadcast_scim_request_duration_seconds_count",
                List.of("method=\"GET\"", "resource=\"Users\"")) >= 4, text);
        double all = sample(text, "leadcast_scim_request_duration_buckets_total",
                List.of("method=\"GET\"", "resource=\"Users\"", "le=\"+Inf\""));
        // the summary's count lives as long as the server, the buckets as long as the deployment: compare the growth
        assertEquals(sample(text, "leadcast_scim_request_duration_seconds_count",
                List.of("method=\"GET\"", "resource=\"Users\"")) - countBefore, all - allBefore,
                "every request is in the +Inf bucket");
        double previous = 0;
        for (String le : new String[]{"0.005", "0.05", "0.5", "5.0", "+Inf"}) {
            double bucket = sample(text, "leadcast_scim_request_duration_buckets_total",
                    List.of("method=\"GET\"", "resource=\"Users\"", "le=\"" + le + "\""));
            assertTrue(bucket >= previous, () -> "the buckets are cumulative: " + text);
            previous = bucket;
        }
        assertFalse(text.contains(tenant), "a tenant id is a label");
    }

    @Test
    void authenticationFailuresAreCountedByReason() throws Exception {
        double missing = sample(metrics(), "leadcast_scim_authentication_failures_total", List.of("reason=\"missing\""));
        double invalid = sample(metrics(), "leadcast_scim_authentication_failures_total", List.of("reason=\"invalid\""));
        assertEquals(401, new Http(root(), null).get(USERS).status());
        assertEquals(401, new Http(root(), "scim_not-a-valid-token").get(USERS).status());
        String text = metrics();
        assertEquals(missing + 1, sample(text, "leadcast_scim_authentication_failures_total",
                List.of("reason=\"missing\"")));
        assertEquals(invalid + 1, sample(text, "leadcast_scim_authentication_failures_total",
                List.of("reason=\"invalid\"")));
        assertTrue(sample(text, "leadcast_scim_requests_total", List.of("status=\"401\"")) >= 2, text);
    }

    @Test
    void theConnectionPoolAndTheJvmAreThere() throws Exception {
        newTenantClient().get(USERS);
        String text = metrics();
        assertTrue(text.lines().anyMatch(l -> l.startsWith("jvm_memory_used_bytes")), "no JVM memory");
        assertTrue(text.lines().anyMatch(l -> l.contains("datasources") && l.contains("ScimDS")
                && l.contains("active_count")), () -> "no connection pool figures in\n" + text);
    }

    private static String metrics() throws Exception {
        HttpResponse<String> response = HealthIT.management("/metrics");
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    /** The sum of the samples of {@code name} whose labels include all of {@code labels}; 0 when there are none. */
    private static double sample(String text, String name, List<String> labels) {
        double sum = 0;
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(name) && labels.stream().allMatch(l -> m.group(2).contains(l))) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }
}
