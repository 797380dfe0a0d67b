package com.leadcast.benchmark;

import com.leadcast.it.Http;
import com.leadcast.it.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What each kind of request costs on a warm server, and whether that cost stays flat as a tenant grows. For each
 * scale of {@code -Dbenchmark.scales=N,M,...} (default 1000,100000; 1000000 can be given) a new tenant of that many
 * users is loaded through {@code /Bulk} (load time and users per second printed) beside the tenants before it and a
 * neighbour of {@code -Dbenchmark.neighbour.users=N} (default 1000), and right after its load — no statistics
 * gathered, no vacuum: a tenant is queried while its provisioning client still loads it — each call runs for
 * {@code -Dbenchmark.seconds=S} (default 10) at 1 and at 16 concurrent clients: requests per second, p50 and p99,
 * and the ratio to the ceiling (the ServiceProviderConfig, a static document behind a token) measured at the same
 * scale. Before the first scale the server is warmed up once for {@code -Dbenchmark.warmup=S} seconds (default 60).
 *
 * <p>At each scale the SQL statements each call prepares are counted through the server's Hibernate statistics
 * ({@link HibernateStatistics}, on only while counting), and the server's RSS is printed ({@link ServerMemory}). The
 * run ends with each call's p50 at one client across the scales and its ratio to the first scale (the goal: at most
 * 1.5×), with a tenant of {@code -Dbenchmark.posted.users=N} users (default 100,000; 0: none) created by 16
 * concurrent {@code POST}s instead of Bulk (users per second), and with the server's peak RSS.
 */
class RequestCostBenchmark extends BenchmarkBase {

    private static final List<Integer> SCALES = Arrays.stream(System.getProperty("benchmark.scales", "1000,100000")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    private static final int NEIGHBOUR_USERS = Integer.getInteger("benchmark.neighbour.users", 1000);
    /** Two Bulk requests at once keep the server's two cores busy while each waits for its commits. */
    private static final int LOAD_CLIENTS = Integer.getInteger("benchmark.load.clients", 2);
    private static final int WARMUP_SECONDS = Integer.getInteger("benchmark.warmup", 60);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 10);
    private static final int[] CONCURRENCY = {1, 16};
    /** A tenant loaded by concurrent POSTs instead of Bulk, after the scales (0: none). */
    private static final int POSTED_USERS = Integer.getInteger("benchmark.posted.users", 100_000);
    private static final int POST_CLIENTS = 16;
    /** Requests per call over which statements are counted: enough that a cache refresh now and then shows as 0.02. */
    private static final int COUNTED_REQUESTS = 50;

    /** One call of a kind: the request for the n-th of the tenant's users, and the status it must answer. */
    private record Call(String name, int expected, IntFunction<Reply> request) {
    }

    private final AtomicInteger created = new AtomicInteger();
    private int errors;

    @Test
    void eachCallAtEachScaleAgainstTheCeiling() throws Exception {
        ServerMemory server = ServerMemory.find();
        boolean ownPeak = server.resetPeak();
        Http neighbour = newTenantClient();
        BulkUsers.load(neighbour, "other", NEIGHBOUR_USERS, LOAD_CLIENTS);
        System.out.printf("[benchmark] server pid %d, heap %s, clients over %s; tenants of %s users beside a neighbour "
                        + "of %d; warm-up %d s once, then %d s per call at c=1 and c=16%n", server.pid(),
                server.heapSetting(), protocolOf(neighbour), SCALES, NEIGHBOUR_USERS, WARMUP_SECONDS, SECONDS);

        Map<String, List<Double>> medians = new LinkedHashMap<>();
        try (HibernateStatistics statistics = HibernateStatistics.connect()) {
            for (int scale : SCALES) {
                Http scim = newTenantClient();
                BulkUsers.Loaded loaded = BulkUsers.load(scim, "user", scale, LOAD_CLIENTS);
                System.out.printf("[benchmark] %d users: loaded through /Bulk in %.1f s = %.0f users/s (%d clients, "
                                + "500 per request); server %s%n", scale, loaded.seconds(), loaded.usersPerSecond(),
                        LOAD_CLIENTS, server.describe());
                List<Call> calls = calls(scim, loaded.ids());
                if (scale == SCALES.get(0)) {
                    warmUp(calls, loaded.ids().size());
                }
                measure(scale, calls, loaded.ids().size(), medians);
                countStatements(scale, calls, loaded.ids().size(), statistics);
                System.out.printf("[benchmark] %d users: after the calls, server %s%n", scale, server.describe());
            }
        }
        printScaling(medians);
        if (POSTED_USERS > 0) {
            BulkUsers.Loaded posted = BulkUsers.post(newTenantClient(), "posted", POSTED_USERS, POST_CLIENTS);
            System.out.printf("[benchmark] %d users: created by concurrent POST /Users in %.1f s = %.0f users/s (%d "
                    + "clients); server %s%n", POSTED_USERS, posted.seconds(), posted.usersPerSecond(), POST_CLIENTS,
                    server.describe());
        }
        System.out.printf("[benchmark] server peak RSS %d MiB (%s), heap %s%n", server.peak() / (1024 * 1024),
                ownPeak ? "during this benchmark" : "since the server started", server.heapSetting());
        assertEquals(0, errors, "requests that failed");
    }

    private List<Call> calls(Http scim, List<String> ids) {
        return List.of(
                new Call("ceiling: GET /ServiceProviderConfig", 200, n -> scim.get("/scim/v2/ServiceProviderConfig")),
                new Call("GET /Users/{id}", 200, n -> scim.get(USERS + "/" + ids.get(n))),
                new Call("filter userName eq", 200, n -> scim.get(USERS + "?filter="
                        + enc("userName eq \"user" + n + "@example.com\""))),
                new Call("filter externalId eq", 200, n -> scim.get(USERS + "?filter=" + enc("externalId eq \"user-" + n
                        + "\""))),
                new Call("filter emails[type eq \"work\"].value eq", 200, n -> scim.get(USERS + "?filter="
                        + enc("emails[type eq \"work\"].value eq \"user" + n + "@example.com\""))),
                new Call("filter id eq", 200, n -> scim.get(USERS + "?filter=" + enc("id eq \"" + ids.get(n) + "\""))),
                new Call("PATCH (2 replaces, Entra dialect)", 200, n -> scim.patch(USERS + "/" + ids.get(n),
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                                + "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"User " + n + " "
                                + ThreadLocalRandom.current().nextInt() + "\"},"
                                + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]}")),
                new Call("POST /Users", 201, n -> scim.post(USERS, BulkUsers.user("new" + created.incrementAndGet()
                        + "-" + System.nanoTime(), n))));
    }

    /** Every call in turn at 16 clients, one second each, until the warm-up is over; nothing is reported. */
    private void warmUp(List<Call> calls, int users) throws Exception {
        long warmUntil = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (Call call : calls) {
                run(call, 16, 1, users);
            }
        }
    }

    /** Each call at each concurrency, printed against the ceiling; the p50 at one client goes into {@code medians}. */
    private void measure(int scale, List<Call> calls, int users, Map<String, List<Double>> medians) throws Exception {
        for (int clients : CONCURRENCY) {
            double ceiling = 0;
            for (Call call : calls) {
                long started = System.nanoTime();
                RequestTimer timer = run(call, clients, SECONDS, users);
                double rate = timer.requests() / ((System.nanoTime() - started) / 1e9);
                if (call == calls.get(0)) {
                    ceiling = rate;
                }
                Latencies latencies = timer.latencies();
                if (clients == 1) {
                    medians.computeIfAbsent(call.name(), name -> new ArrayList<>()).add(latencies.ms(0.5));
                }
                errors += timer.errors();
                System.out.printf("[benchmark] %d users c=%-2d %-46s %7.0f requests/s  p50 %6.2f ms  p99 %6.2f ms  "
                                + "%.2f x ceiling  errors %d%n", scale, clients, call.name(), rate, latencies.ms(0.5),
                        latencies.ms(0.99), rate / ceiling, timer.errors());
            }
        }
    }

    /** Runs {@code call} from {@code clients} threads for {@code seconds}, each on random users of the tenant. */
    private static RequestTimer run(Call call, int clients, int seconds, int users) throws Exception {
        RequestTimer timer = new RequestTimer(call.name());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int n = ThreadLocalRandom.current().nextInt(users);
                        timer.time(call.expected(), () -> call.request().apply(n));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return timer;
    }

    /**
     * The statements each call prepares, from the prepared-statement count before and after
     * {@value #COUNTED_REQUESTS} requests sent one at a time (so that no other request is counted with them).
     * {@code StatementCountIT} counts the same inside the server and holds each call to a budget.
     */
    private void countStatements(int scale, List<Call> calls, int users, HibernateStatistics statistics)
            throws Exception {
        statistics.enable(true);
        try {
            for (Call call : calls) {
                RequestTimer timer = new RequestTimer(call.name() + " (counting statements)");
                long before = statistics.preparedStatements();
                for (int i = 0; i < COUNTED_REQUESTS; i++) {
                    int n = ThreadLocalRandom.current().nextInt(users);
                    timer.time(call.expected(), () -> call.request().apply(n));
                }
                double perCall = (statistics.preparedStatements() - before) / (double) COUNTED_REQUESTS;
                errors += timer.errors();
                System.out.printf("[benchmark] %d users statements per call %-46s %5.2f%n", scale, call.name(), perCall);
            }
        } finally {
            statistics.enable(false);
        }
    }

    /** Each call's p50 at one client at each scale, and its ratio to the first scale's. */
    private static void printScaling(Map<String, List<Double>> medians) {
        StringBuilder header = new StringBuilder(String.format("[benchmark] p50 at c=1 by tenant size (ratio to %d "
                + "users; goal <= 1.5x):%n[benchmark]   %-46s", SCALES.get(0), "call"));
        SCALES.forEach(scale -> header.append(String.format(" %17s", scale + " users")));
        System.out.println(header);
        medians.forEach((call, p50s) -> {
            StringBuilder line = new StringBuilder(String.format("[benchmark]   %-46s", call));
            for (int i = 0; i < p50s.size(); i++) {
                line.append(i == 0 ? String.format(" %7.2f ms%7s", p50s.get(i), "")
                        : String.format(" %7.2f ms %5.2fx", p50s.get(i), p50s.get(i) / p50s.get(0)));
            }
            System.out.println(line);
        });
    }
}
