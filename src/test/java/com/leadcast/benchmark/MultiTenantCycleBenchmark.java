package com.leadcast.benchmark;

import com.leadcast.it.Http;
import com.leadcast.it.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shared server as Entra ID meets it: {@code -Dbenchmark.tenants=T} tenants (default 100), each provisioned by
 * one client of its own, all at once — T concurrent clients, as many provisioning jobs as Entra runs against one
 * service provider. Each client runs {@link EntraCycle} for its own new users and its own group, for
 * {@code -Dbenchmark.warmup=S} seconds (default 60, not measured) and then {@code -Dbenchmark.cycle.seconds=S}
 * (default 30): requests per second, p50/p95/p99/max and errors, in total and for each of the cycle's requests, and
 * the server's RSS.
 *
 * <p>One client per tenant stays inside each tenant's bulkhead (four requests at once on a two-core server, see
 * {@code com.leadcast.admission}) and, with the benchmark profile's raised rate limit, inside its rate: any refusal
 * is the server's doing, and counted as an error.
 */
class MultiTenantCycleBenchmark extends BenchmarkBase {

    private static final int TENANTS = Integer.getInteger("benchmark.tenants", 100);
    private static final int WARMUP_SECONDS = Integer.getInteger("benchmark.warmup", 60);
    private static final int SECONDS = Integer.getInteger("benchmark.cycle.seconds", 30);

    /** One tenant's client and the group its users join. */
    private record Tenant(Http scim, String group) {
    }

    @Test
    void everyTenantProvisionsAtOnce() throws Exception {
        ServerMemory server = ServerMemory.find();
        boolean ownPeak = server.resetPeak();
        List<Tenant> tenants = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            Http scim = newTenantClient();
            Reply group = scim.post(GROUPS, "{\"displayName\":\"Provisioned\"}");
            assertEquals(201, group.status(), group::toString);
            tenants.add(new Tenant(scim, group.text("id")));
        }
        System.out.printf("[benchmark] %d tenants, one client each (%s), warm-up %d s, then %d s measured; server %s, "
                        + "heap %s%n", TENANTS, protocolOf(tenants.get(0).scim()),
                WARMUP_SECONDS, SECONDS, server.describe(), server.heapSetting());

        EntraCycle warmUp = new EntraCycle();
        EntraCycle measured = new EntraCycle();
        long start = System.nanoTime();
        long measureFrom = start + WARMUP_SECONDS * 1_000_000_000L;
        long end = measureFrom + SECONDS * 1_000_000_000L;
        ExecutorService clients = Executors.newFixedThreadPool(TENANTS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Tenant tenant : tenants) {
                work.add(clients.submit(() -> {
                    for (int n = 0; System.nanoTime() < end; n++) {
                        boolean warm = System.nanoTime() < measureFrom;
                        (warm ? warmUp : measured).provision(tenant.scim(), tenant.group(),
                                (warm ? "warm" : "user") + n + "@example.com", n);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        // the last cycles end after the deadline: the rate is over the time they took
        double seconds = (System.nanoTime() - measureFrom) / 1e9;

        Latencies all = measured.latencies();
        System.out.printf("[benchmark] %d tenants c=%d Entra cycle (match, create, patch, group add): %d requests in "
                        + "%.1f s = %.0f requests/s (%.1f users/s); %s; errors %d (warm-up: %d requests, errors %d)%n",
                TENANTS, TENANTS, all.count(), seconds, all.count() / seconds, measured.timers().get(1).requests()
                        / seconds, all.describe(), measured.errors(), warmUp.requests(), warmUp.errors());
        for (RequestTimer timer : measured.timers()) {
            System.out.printf("[benchmark] %d tenants c=%d   %-38s %6.0f requests/s  %s  errors %d%n", TENANTS,
                    TENANTS, timer.name(), timer.requests() / seconds, timer.latencies().describe(), timer.errors());
        }
        System.out.printf("[benchmark] %d tenants: after the cycle, server %s (peak %s)%n", TENANTS, server.describe(),
                ownPeak ? "during this benchmark" : "since the server started");
        assertEquals(0, measured.errors() + warmUp.errors(), "requests that failed");
    }
}
