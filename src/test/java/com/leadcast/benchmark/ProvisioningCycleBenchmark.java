package com.leadcast.benchmark;

import com.leadcast.it.Http;
import com.leadcast.it.Reply;
import com.leadcast.it.ScimTestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One tenant's Entra-like provisioning cycle, as fast as {@value #CLIENTS} concurrent clients can drive it: for each
 * user the match query, the create, an update PATCH in Entra's default dialect, then the user joins a group; then
 * filtered look-ups against the populated tenant. Prints requests per second and latency percentiles. Sizes:
 * {@code -Dbenchmark.users=N} (default 2000).
 */
class ProvisioningCycleBenchmark extends ScimTestBase {

    private static final int CLIENTS = 8;
    private static final int USER_COUNT = Integer.getInteger("benchmark.users", 2000);

    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger errors = new AtomicInteger();

    @Test
    void provisioningCycle() throws Exception {
        Http scim = newTenantClient();
        String group = scim.post(GROUPS, "{\"displayName\":\"Everyone\"}").text("id");

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < USER_COUNT; i++) {
            int n = i;
            work.add(pool.submit(() -> cycle(scim, group, n)));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report("provisioning cycle (match, create, patch, group add)", seconds);

        latencies.clear();
        started = System.nanoTime();
        List<Future<?>> lookups = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int n = (i * 7919) % USER_COUNT;
            lookups.add(pool.submit(() -> {
                timed(() -> scim.get(USERS + "?filter=" + enc("emails[type eq \"work\"].value eq \"bench" + n
                        + "@example.com\"")), 200);
                timed(() -> scim.get(USERS + "?filter=" + enc("title co \"ngineer " + n + "\" and active eq true")
                        + "&count=10"), 200);
            }));
        }
        for (Future<?> f : lookups) {
            f.get();
        }
        report("filtered look-ups in a tenant of " + USER_COUNT + " users (index and co scans)",
                (System.nanoTime() - started) / 1e9);
        pool.shutdown();
        assertEquals(0, errors.get(), "requests that failed");
    }

    private void cycle(Http scim, String group, int n) {
        String userName = "bench" + n + "@example.com";
        timed(() -> scim.get(USERS + "?filter=" + enc("userName eq \"" + userName + "\"")), 200);
        Reply created = timed(() -> scim.post(USERS, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"userName\":\"" + userName + "\","
                + "\"externalId\":\"ext-" + n + "\",\"active\":true,\"displayName\":\"Bench " + n + "\","
                + "\"title\":\"Engineer " + n + "\",\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\""
                + userName + "\"}],\"name\":{\"givenName\":\"B\",\"familyName\":\"N" + n + "\"},"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"D" + (n % 20)
                + "\"}}"), 201);
        if (created.status() != 201) {
            return;
        }
        String id = created.text("id");
        timed(() -> scim.patch(USERS + "/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Bench N" + n + "\"},"
                + "{\"op\":\"Add\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\",\"value\":\"+1 555 " + n + "\"},"
                + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]}"), 200);
        timed(() -> scim.patch(GROUPS + "/" + group, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}"), 204);
    }

    private Reply timed(java.util.function.Supplier<Reply> request, int expected) {
        long start = System.nanoTime();
        Reply reply = request.get();
        latencies.add(System.nanoTime() - start);
        if (reply.status() != expected) {
            errors.incrementAndGet();
            System.out.println("[benchmark] unexpected " + reply);
        }
        return reply;
    }

    private void report(String what, double seconds) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("[benchmark] %s: %d requests in %.1f s = %.0f requests/s, %d clients; latency ms p50 %.1f "
                        + "p95 %.1f p99 %.1f max %.1f; errors %d%n", what, sorted.size(), seconds,
                sorted.size() / seconds, CLIENTS, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                ms(sorted, 1.0), errors.get());
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
