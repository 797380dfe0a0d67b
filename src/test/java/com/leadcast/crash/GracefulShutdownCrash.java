package com.leadcast.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM while a {@code /Bulk} of {@value #OPERATIONS} creates is being served (the server's default H2): the server
 * suspends, refuses what arrives after the signal with a SCIM 503, finishes the Bulk and answers it in full, then exits;
 * after a restart every operation the answer acknowledged is stored. ({@code org.wildfly.sigterm.suspend.timeout},
 * set by {@code wildfly-config/leadcast-scim.cli}.)
 */
class GracefulShutdownCrash {

    private static final int OPERATIONS = 600;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aBulkInFlightAtSigtermIsFinishedAndAnswered() throws Exception {
        Path base = Path.of(System.getProperty("jboss.home")).resolveSibling("crash").resolve("graceful-server");
        try (ServerProcess server = new ServerProcess(base, Map.of())) {
            server.start();
            String token = CrashFigures.newTenantToken(server.root());
            CompletableFuture<HttpResponse<String>> bulk = CLIENT.sendAsync(request(server.root(), token,
                    "/scim/v2/Bulk").timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(
                    bulkOfCreates())).build(), HttpResponse.BodyHandlers.ofString());
            awaitFirstUserStored(server.root(), token);

            long signalled = System.nanoTime();
            ProcessHandle jvm = server.terminate();
            ServerProcess.sleep(300);
            HttpResponse<String> afterSignal = answerOrRefused(server.root(), token);
            HttpResponse<String> answer = bulk.get(90, TimeUnit.SECONDS);
            double answeredAfter = (System.nanoTime() - signalled) / 1e9;
            jvm.onExit().get(90, TimeUnit.SECONDS);
            double exitedAfter = (System.nanoTime() - signalled) / 1e9;

            assertEquals(200, answer.statusCode(), answer::body);
            Set<String> acknowledged = new HashSet<>();
            for (JsonNode operation : MAPPER.readTree(answer.body()).path("Operations")) {
                assertEquals("201", operation.path("status").asText(), operation::toString);
                acknowledged.add(operation.path("bulkId").asText());
            }
            assertEquals(OPERATIONS, acknowledged.size(), "operations answered");

            server.start();
            Set<String> stored = WriteLoad.storedUserNames(server.root(), token);
            System.out.printf("[crash] SIGTERM during a /Bulk of %d creates on H2: a request 0.3 s after the signal "
                            + "answered %s; the Bulk answered %d after %.1f s, all %d operations 201; the server exited "
                            + "%.1f s after the signal; after a restart %d of the %d users are stored%n", OPERATIONS,
                    afterSignal == null ? "nothing (connection refused)" : afterSignal.statusCode() + " "
                            + afterSignal.headers().firstValue("Content-Type").orElse("") + " Retry-After "
                            + afterSignal.headers().firstValue("Retry-After").orElse("-") + " "
                            + afterSignal.body().strip(),
                    answer.statusCode(), answeredAfter, acknowledged.size(), exitedAfter, stored.size(), OPERATIONS);
            if (afterSignal != null) {
                assertEquals(503, afterSignal.statusCode(), afterSignal::body);
                assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", MAPPER.readTree(afterSignal.body())
                        .path("schemas").path(0).asText(), "a suspended server's 503 is a SCIM error");
                assertEquals("5", afterSignal.headers().firstValue("Retry-After").orElse(null),
                        "a suspended server's 503 says when to retry");
            }
            for (int n = 0; n < OPERATIONS; n++) {
                assertTrue(stored.contains(userName(n)), userName(n) + " was acknowledged but is not stored");
            }
        }
    }

    private static String bulkOfCreates() {
        StringBuilder body = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                + "\"Operations\":[");
        for (int n = 0; n < OPERATIONS; n++) {
            body.append(n == 0 ? "" : ",").append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u").append(n)
                    .append("\",\"data\":{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"")
                    .append(userName(n)).append("\",\"displayName\":\"Graceful ").append(n).append("\"}}");
        }
        return body.append("]}").toString();
    }

    private static String userName(int n) {
        return "graceful" + n + "@example.com";
    }

    private static HttpRequest.Builder request(String root, String token, String path) {
        return HttpRequest.newBuilder(URI.create(root + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json");
    }

    /** Waits until the Bulk has begun: its first user is stored (each operation commits on its own). */
    private static void awaitFirstUserStored(String root, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> users = CLIENT.send(request(root, token, "/scim/v2/Users?count=0").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (users.statusCode() == 200 && MAPPER.readTree(users.body()).path("totalResults").asInt() > 0) {
                return;
            }
            ServerProcess.sleep(20);
        }
        throw new IllegalStateException("The Bulk stored nothing within 60 s");
    }

    /** The answer to a list request, or null when the server no longer accepts connections. */
    private static HttpResponse<String> answerOrRefused(String root, String token) throws InterruptedException {
        try {
            return CLIENT.send(request(root, token, "/scim/v2/Users?count=1").timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException refused) {
            return null;
        }
    }
}
