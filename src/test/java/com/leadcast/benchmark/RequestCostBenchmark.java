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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What each kind of request costs on a warm server: a tenant of {@code -Dbenchmark.tenant.users=N} users (default
 * 1000, loaded through {@code /Bulk}) beside other tenants' users, a mixed warm-up of {@code -Dbenchmark.warmup=S}
 * seconds (default 60), then each call for {@code -Dbenchmark.seconds=S} (default 10) at 1 and at 16 concurrent
 * clients: requests per second, p50 and p99, and the ratio to the ceiling (the ServiceProviderConfig, a static
 * document behind a token) measured in the same run. The Entra matching filters are among the calls.
 */
class RequestCostBenchmark extends ScimTestBase {

    private static final int TENANT_USERS = Integer.getInteger("benchmark.tenant.users", 1000);
    private static final int WARMUP_SECONDS = Integer.getInteger("benchmark.warmup", 60);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 10);
    private static final int[] CONCURRENCY = {1, 16};

    /** One call of a kind: the request for the n-th of the tenant's users, and the status it must answer. */
    private record Call(String name, int expected, IntFunction<Reply> request) {
    }

    private record Figures(int requests, int errors, double seconds, List<Long> latencies) {
        double rate() {
            return requests / seconds;
        }
    }

    private final List<String> ids = new ArrayList<>();
    private final AtomicInteger created = new AtomicInteger();

    @Test
    void eachCallAgainstTheCeiling() throws Exception {
        Http scim = newTenantClient();
        Http neighbour = newTenantClient();
        load(neighbour, "other", TENANT_USERS);
        load(scim, "user", TENANT_USERS);
        ids.addAll(idsOf(scim));
        System.out.printf("[benchmark] tenant of %d users beside another of %d; warm-up %d s, %d s per call%n",
                ids.size(), TENANT_USERS, WARMUP_SECONDS, SECONDS);

        List<Call> calls = calls(scim);
        long warmUntil = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (Call call : calls) {
                run(call, 16, 1);
            }
        }
        int errors = 0;
        double ceiling = 0;
        for (int clients : CONCURRENCY) {
            for (Call call : calls) {
                Figures figures = run(call, clients, SECONDS);
                if (call.name().startsWith("ceiling")) {
                    ceiling = figures.rate();
                }
                errors += figures.errors();
                System.out.printf("[benchmark] c=%-2d %-58s %7.0f requests/s  p50 %6.2f ms  p99 %6.2f ms  %.2f x ceiling"
                                + "  errors %d%n", clients, call.name(), figures.rate(), ms(figures.latencies(), 0.5),
                        ms(figures.latencies(), 0.99), figures.rate() / ceiling, figures.errors());
            }
        }
        assertEquals(0, errors, "requests that failed");
    }

    private List<Call> calls(Http scim) {
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
                new Call("POST /Users", 201, n -> scim.post(USERS, user("new" + created.incrementAndGet() + "-"
                        + System.nanoTime(), n))));
    }

    /** Runs {@code call} from {@code clients} threads for {@code seconds}, each on random users of the tenant. */
    private Figures run(Call call, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    int n = ThreadLocalRandom.current().nextInt(ids.size());
                    long start = System.nanoTime();
                    Reply reply = call.request().apply(n);
                    latencies.add(System.nanoTime() - start);
                    if (reply.status() != call.expected()) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("[benchmark] " + call.name() + ": unexpected " + reply);
                        }
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Figures(sorted.size(), errors.get(), elapsed, sorted);
    }

    /** {@code count} users named {@code prefix}N@example.com through /Bulk, 500 to a request. */
    private static void load(Http scim, String prefix, int count) {
        for (int from = 0; from < count; from += 500) {
            StringBuilder bulk = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                    + "\"Operations\":[");
            for (int n = from; n < Math.min(count, from + 500); n++) {
                bulk.append(n == from ? "" : ",").append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u")
                        .append(n).append("\",\"data\":").append(user(prefix + n, n)).append('}');
            }
            Reply reply = scim.post("/scim/v2/Bulk", bulk.append("]}").toString());
            assertEquals(200, reply.status(), () -> "bulk load: " + reply);
        }
    }

    private static String user(String name, int n) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"userName\":\"" + name
                + "@example.com\",\"externalId\":\"" + name.replace("user", "user-") + "\",\"active\":true,"
                + "\"displayName\":\"" + name + "\",\"title\":\"Engineer " + n + "\",\"emails\":[{\"primary\":true,"
                + "\"type\":\"work\",\"value\":\"" + name + "@example.com\"}],\"name\":{\"givenName\":\"B\","
                + "\"familyName\":\"N" + n + "\"},\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
                + "{\"department\":\"D" + (n % 20) + "\"}}";
    }

    /** The ids of the tenant's users in the order of their numbers (user0, user1, ...). */
    private static List<String> idsOf(Http scim) {
        List<String> found = new ArrayList<>(Collections.nCopies(TENANT_USERS, null));
        for (int start = 1; start <= TENANT_USERS; start += 1000) {
            Reply page = scim.get(USERS + "?attributes=userName&count=1000&startIndex=" + start);
            page.json().path("Resources").forEach(r -> {
                String name = r.path("userName").asText();
                if (name.startsWith("user")) {
                    found.set(Integer.parseInt(name.substring(4, name.indexOf('@'))), r.path("id").asText());
                }
            });
        }
        return found;
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
