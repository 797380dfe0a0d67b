package com.leadcast.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcast.it.Http;
import com.leadcast.it.Reply;
import com.leadcast.it.ScimTestBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The black-box HTTP fuzzer (issue 8, "Proof"), run by {@code mvn verify -Pfuzz} against the provisioned server: it
 * creates {@value #TENANTS} tenants with users and groups, then sends {@code -Dfuzz.requests} (default 20,000) mutated
 * requests from {@code -Dfuzz.clients} (default 3) concurrent clients — see {@link RequestGenerator} — and fails if any
 * answer breaks the {@link Verdict}: a 5xx, an error that is not a SCIM error body, or more than 5 s.
 *
 * <p>It prints one {@code [fuzz]} summary line (requests, status histogram, latency percentiles, seed) and each
 * failing request as a reproducer. {@code -Dfuzz.seed=N} repeats a run's requests; {@code -Dfuzz.skipKnown=true}
 * leaves out the input classes of {@link Known}, which are being fixed elsewhere.
 */
class HttpFuzzIT extends ScimTestBase {

    private static final int TENANTS = 3;
    private static final int USERS_PER_TENANT = 12;
    private static final int GROUPS_PER_TENANT = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void mutatedRequestsGetNo5xxOnlyScimErrorsAndQuickAnswers() throws Exception {
        long seed = FuzzSeed.seed();
        int requests = Integer.getInteger("fuzz.requests", 20_000);
        int clients = Integer.getInteger("fuzz.clients", 3);
        boolean skipKnown = Boolean.getBoolean("fuzz.skipKnown");
        String database = System.getProperty("it.db.driver", "h2");
        System.out.println("[fuzz] seed=" + seed + " (repeat with -Dfuzz.seed=" + seed + ") requests=" + requests
                + " clients=" + clients + " database=" + database + " skipKnown=" + skipKnown);

        List<FuzzTenant> tenants = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            tenants.add(populatedTenant(t));
        }
        RequestGenerator generator = new RequestGenerator(seed, tenants, skipKnown);
        FuzzReport report = new FuzzReport();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    send(generator.request(i), tenants, report);
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.println(report.summary(database, seed, clients, seconds, skipKnown));
        System.out.println(report.failureList());
        assertEquals(requests, report.requests(), "every request was answered");
        assertTrue(report.failures().isEmpty(), () -> report.failures().size() + " requests failed (seed " + seed
                + "); the [fuzz] FAILED lines above list them:" + report.failureList());
    }

    private void send(FuzzRequest request, List<FuzzTenant> tenants, FuzzReport report) {
        java.net.http.HttpRequest http = request.toHttp(root());
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = CLIENT.send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            report.answered(-1, millis);
            report.failed(request, "no answer after " + millis + " ms: " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        report.answered(response.statusCode(), millis);
        Verdict.of(request, response, millis).ifPresent(problem -> report.failed(request, problem));
        if (response.statusCode() == 201 && request.tenant() >= 0) {
            createdId(response).ifPresent(tenants.get(request.tenant())::created);
        }
    }

    private static java.util.Optional<String> createdId(HttpResponse<byte[]> response) {
        try {
            JsonNode body = MAPPER.readTree(response.body());
            return java.util.Optional.ofNullable(body.path("id").textValue());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** A tenant with users (names, e-mails, enterprise data, a manager) and groups (users and one group as members). */
    private FuzzTenant populatedTenant(int index) {
        String tenantId = newTenant();
        // the per-tenant rate limit must not throttle the fuzzer into measuring 429s: the highest limit there is
        Reply limited = admin.patch("/admin/v1/tenants/" + tenantId,
                "{\"rateLimit\":{\"requestsPerSecond\":10000,\"burst\":100000}}");
        assertEquals(200, limited.status(), limited::toString);
        String token = newToken(tenantId);
        Http scim = new Http(root(), token);
        List<String> users = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int u = 0; u < USERS_PER_TENANT; u++) {
            String name = "fuzz" + index + "-" + u + "@contoso.example";
            String manager = users.isEmpty() ? "" : ",\"manager\":{\"value\":\"" + users.get(0) + "\"}";
            Reply reply = scim.post(USERS, "{\"userName\":\"" + name + "\",\"displayName\":\"Fuzz " + u + "\","
                    + "\"active\":" + (u % 3 > 0) + ",\"title\":\"Engineer " + u + "\","
                    + "\"name\":{\"givenName\":\"G" + u + "\",\"familyName\":\"F" + u + "\"},"
                    + "\"emails\":[{\"value\":\"" + name + "\",\"type\":\"work\",\"primary\":true},"
                    + "{\"value\":\"home" + u + "@example.com\",\"type\":\"home\"}],"
                    + "\"phoneNumbers\":[{\"value\":\"+33 1 " + u + "\",\"type\":\"mobile\"}],"
                    + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"" + u
                    + "\",\"department\":\"D" + (u % 4) + "\"" + manager + "}}");
            assertEquals(201, reply.status(), reply::toString);
            users.add(reply.text("id"));
            names.add(name);
        }
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS_PER_TENANT; g++) {
            StringBuilder members = new StringBuilder();
            for (int u = g; u < users.size(); u += GROUPS_PER_TENANT) {
                members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(users.get(u)).append("\"}");
            }
            if (g > 0) {
                members.append(",{\"value\":\"").append(groups.get(0)).append("\",\"type\":\"Group\"}");
            }
            Reply reply = scim.post(GROUPS, "{\"displayName\":\"Fuzz group " + index + "-" + g + "\","
                    + "\"members\":[" + members + "]}");
            assertEquals(201, reply.status(), reply::toString);
            groups.add(reply.text("id"));
        }
        return new FuzzTenant(index, token, users, groups, names);
    }
}
