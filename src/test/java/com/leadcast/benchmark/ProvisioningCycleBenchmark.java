package com.leadcast.benchmark;

import com.leadcast.it.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One tenant's Entra-like provisioning cycle ({@link EntraCycle}), as fast as {@value #CLIENTS} concurrent clients
 * can drive it: for each user the match query, the create, an update PATCH in Entra's default dialect, then the user
 * joins a group; then filtered look-ups against the populated tenant. Prints requests per second and latency
 * percentiles. Sizes: {@code -Dbenchmark.users=N} (default 2000). Many tenants at once: {@link
 * MultiTenantCycleBenchmark}.
 */
class ProvisioningCycleBenchmark extends BenchmarkBase {

    private static final int CLIENTS = 8;
    private static final int USER_COUNT = Integer.getInteger("benchmark.users", 2000);

    @Test
    void provisioningCycle() throws Exception {
        Http scim = newTenantClient();
        String group = scim.post(GROUPS, "{\"displayName\":\"Everyone\"}").text("id");

        EntraCycle cycle = new EntraCycle();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < USER_COUNT; i++) {
            int n = i;
            work.add(pool.submit(() -> cycle.provision(scim, group, "bench" + n + "@example.com", n)));
        }
        for (Future<?> f : work) {
            f.get();
        }
        report("provisioning cycle (match, create, patch, group add)", cycle.latencies(), cycle.errors(),
                (System.nanoTime() - started) / 1e9);

        RequestTimer lookups = new RequestTimer("filtered look-up");
        started = System.nanoTime();
        work.clear();
        for (int i = 0; i < 500; i++) {
            int n = (i * 7919) % USER_COUNT;
            work.add(pool.submit(() -> {
                lookups.time(200, () -> scim.get(USERS + "?filter=" + enc("emails[type eq \"work\"].value eq \"bench"
                        + n + "@example.com\"")));
                lookups.time(200, () -> scim.get(USERS + "?filter=" + enc("title co \"ngineer " + n
                        + "\" and active eq true") + "&count=10"));
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        report("filtered look-ups in a tenant of " + USER_COUNT + " users (index and co scans)", lookups.latencies(),
                lookups.errors(), (System.nanoTime() - started) / 1e9);
        pool.shutdown();
        assertEquals(0, cycle.errors() + lookups.errors(), "requests that failed");
    }

    private static void report(String what, Latencies latencies, int errors, double seconds) {
        System.out.printf("[benchmark] %s: %d requests in %.1f s = %.0f requests/s, %d clients; latency ms p50 %.1f "
                        + "p95 %.1f p99 %.1f max %.1f; errors %d%n", what, latencies.count(), seconds,
                latencies.count() / seconds, CLIENTS, latencies.ms(0.50), latencies.ms(0.95), latencies.ms(0.99),
                latencies.ms(1.0), errors);
    }
}
