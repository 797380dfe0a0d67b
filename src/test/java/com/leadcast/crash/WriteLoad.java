package com.leadcast.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Concurrent clients of one tenant creating users as fast as the server answers them, each answer recorded with the
 * moment it arrived; optionally, beside them, a client presenting an invalid tenant token and an admin client listing
 * tenants, so that authentication and the admin API are exercised too. A client that gets no success waits 100 ms
 * before its next request, as a client honouring the error would.
 */
final class WriteLoad implements AutoCloseable {

    /** Which client sent a request, and what it gets when all is well. */
    enum Kind {
        CREATE(201), INVALID_TOKEN(401), ADMIN(200);

        final int success;

        Kind(int success) {
            this.success = success;
        }
    }

    /** One request's outcome: {@code status} 0 when no answer came (connection refused or reset). */
    record Answer(Kind kind, String userName, int status, String contentType, String retryAfter, JsonNode body,
                  long receivedNanos) {

        boolean answered() {
            return status > 0;
        }

        boolean succeeded() {
            return status == kind.success;
        }

        /**
         * A 503 as the service must answer while its database is unavailable: {@code Retry-After} in whole seconds
         * and a SCIM error body (RFC 7644 §3.12) with status "503" and a detail, in the API's media type.
         */
        boolean isUnavailableError() {
            String mediaType = kind == Kind.ADMIN ? "application/json" : "application/scim+json";
            return status == 503 && retryAfter != null && retryAfter.matches("[1-9][0-9]*")
                    && contentType != null && contentType.startsWith(mediaType) && body != null
                    && "urn:ietf:params:scim:api:messages:2.0:Error".equals(body.path("schemas").path(0).asText())
                    && "503".equals(body.path("status").asText())
                    && body.path("detail").asText().contains("temporarily unavailable");
        }

        /**
         * A 503 that says the database failed while the write was being committed, so that it may have been stored
         * (the server cannot know): a create so answered may be found afterwards or not.
         */
        boolean isCommitInDoubt() {
            return isUnavailableError() && body.path("detail").asText().contains("may or may not have been stored");
        }

        @Override
        public String toString() {
            return kind + " " + (userName == null ? "" : userName + " ") + status + " Retry-After=" + retryAfter + " "
                    + contentType + " " + body;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String root;
    private final String tenantToken;
    private final List<Thread> clients = new ArrayList<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    /** {@code writers} creating clients; with {@code probes}, the invalid-token and the admin client as well. */
    WriteLoad(String root, String tenantToken, int writers, boolean probes) {
        this.root = root;
        this.tenantToken = tenantToken;
        for (int w = 0; w < writers; w++) {
            int writer = w;
            clients.add(new Thread(() -> loop(Kind.CREATE, writer), "writer-" + w));
        }
        if (probes) {
            clients.add(new Thread(() -> loop(Kind.INVALID_TOKEN, 0), "invalid-token"));
            clients.add(new Thread(() -> loop(Kind.ADMIN, 0), "admin"));
        }
    }

    WriteLoad start() {
        clients.forEach(Thread::start);
        return this;
    }

    /** Stops the clients after their current request. */
    @Override
    public void close() {
        running.set(false);
        for (Thread client : clients) {
            try {
                client.join(Duration.ofSeconds(90).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Waits until the creates have been acknowledged {@code count} times (however slow a loaded machine is), at most
     * {@code timeout}.
     */
    WriteLoad awaitAcknowledged(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && answers.stream().filter(a -> a.kind() == Kind.CREATE && a.succeeded()).count() < count) {
            ServerProcess.sleep(100);
        }
        return this;
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    private void loop(Kind kind, int writer) {
        for (int n = 0; running.get(); n++) {
            String userName = kind == Kind.CREATE ? "crash-" + writer + "-" + n + "@example.com" : null;
            Answer answer = send(kind, userName);
            answers.add(answer);
            if (!answer.succeeded()) {
                ServerProcess.sleep(100);
            } else if (kind == Kind.INVALID_TOKEN) {
                // 5 refused tokens a second, below what the per-address throttle regains (10/s): this client
                // measures the outage, not the throttle (AuthThrottleIT does that)
                ServerProcess.sleep(200);
            }
        }
    }

    private Answer send(Kind kind, String userName) {
        HttpRequest.Builder request = switch (kind) {
            case CREATE -> HttpRequest.newBuilder(URI.create(root + "/scim/v2/Users"))
                    .header("Authorization", "Bearer " + tenantToken)
                    .header("Content-Type", "application/scim+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
                            + "User\"],\"userName\":\"" + userName + "\",\"displayName\":\"Crash " + userName + "\","
                            + "\"emails\":[{\"value\":\"" + userName + "\",\"type\":\"work\",\"primary\":true}]}"));
            case INVALID_TOKEN -> HttpRequest.newBuilder(URI.create(root + "/scim/v2/Users?count=1"))
                    .header("Authorization", "Bearer lcs_not-a-token-of-any-tenant-0000000000000000000").GET();
            case ADMIN -> HttpRequest.newBuilder(URI.create(root + "/admin/v1/tenants"))
                    .header("Authorization", "Bearer " + System.getProperty("it.admin.token")).GET();
        };
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(kind, userName, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), json(response.body()),
                    System.nanoTime());
        } catch (IOException noAnswer) {
            return new Answer(kind, userName, 0, null, null, null, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The userNames of every user the tenant of {@code token} has, read page by page. */
    static Set<String> storedUserNames(String root, String token) {
        Set<String> names = new HashSet<>();
        for (int startIndex = 1; ; startIndex += 1000) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/scim/v2/Users?attributes=userName&count=1000"
                            + "&startIndex=" + startIndex + "&sortBy=" + URLEncoder.encode("userName", StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build();
            JsonNode page;
            try {
                HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Listing users answered " + response.statusCode() + " "
                            + response.body());
                }
                page = MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException("Listing users failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            page.path("Resources").forEach(user -> names.add(user.path("userName").asText()));
            if (startIndex + 1000 > page.path("totalResults").asInt()) {
                return names;
            }
        }
    }
}
