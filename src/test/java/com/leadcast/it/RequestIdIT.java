package com.leadcast.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every response carries {@code X-Request-Id} (the client's own when usable), whoever answers: the API, the
 * authentication, the transport's refusals, the error page; a 5xx quotes it in its detail; and every request leaves
 * one access-log line with its id, tenant and credential, and none of its query's values.
 */
class RequestIdIT extends ScimTestBase {

    private static final String OURS = "[0-9a-f]{24}";

    private static Reply send(Http client, HttpRequest.Builder request, String requestId) {
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return client.send(request);
    }

    private static String idOf(Reply reply) {
        Optional<String> id = reply.header("X-Request-Id");
        assertTrue(id.isPresent(), () -> "no X-Request-Id on " + reply);
        return id.get();
    }

    @Test
    void aClientsOwnIdIsEchoed() {
        Http scim = newTenantClient();
        assertEquals("entra-7c1f:42", idOf(send(scim, scim.request(USERS).GET(), "entra-7c1f:42")));
        Reply created = send(scim, scim.request(USERS).POST(HttpRequest.BodyPublishers.ofString(
                "{\"userName\":\"" + uniqueName("rid") + "\"}")), "create.1");
        assertEquals(201, created.status(), created::toString);
        assertEquals("create.1", idOf(created));
    }

    @Test
    void anUnusableOrMissingIdIsReplacedByOurs() {
        Http scim = newTenantClient();
        String replaced = idOf(send(scim, scim.request(USERS).GET(), "has spaces and ümlauts"));
        assertTrue(replaced.matches(OURS), replaced);
        String tooLong = idOf(send(scim, scim.request(USERS).GET(), "x".repeat(129)));
        assertTrue(tooLong.matches(OURS), tooLong);
        String first = idOf(send(scim, scim.request(USERS).GET(), null));
        String second = idOf(send(scim, scim.request(USERS).GET(), null));
        assertTrue(first.matches(OURS) && second.matches(OURS), first + " " + second);
        assertNotEquals(first, second);
    }

    @Test
    void refusalsAndErrorsCarryTheIdToo() {
        Http scim = newTenantClient();
        Http anonymous = new Http(root(), null);
        Reply unauthenticated = send(anonymous, anonymous.request(USERS).GET(), "no-token");
        assertEquals(401, unauthenticated.status());
        assertEquals("no-token", idOf(unauthenticated));
        Reply badToken = send(anonymous, anonymous.request(USERS).header("Authorization", "Bearer nope").GET(),
                "bad-token");
        assertEquals(401, badToken.status());
        assertEquals("bad-token", idOf(badToken));
        Reply notFound = send(scim, scim.request(USERS + "/" + UUID.randomUUID()).GET(), "missing");
        assertScimError(notFound, 404, null);
        assertEquals("missing", idOf(notFound));
        Reply unknownPath = send(scim, scim.request("/nowhere").GET(), "nowhere");
        assertEquals(404, unknownPath.status());
        assertEquals("nowhere", idOf(unknownPath));
        // refused by the transport before any SCIM code runs
        Reply wrongType = send(scim, scim.request(USERS).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")), "wrong-type");
        assertEquals(415, wrongType.status(), wrongType::toString);
        assertEquals("wrong-type", idOf(wrongType));
        Reply badFilter = send(scim, scim.request(USERS + "?filter=" + enc("userName eq")).GET(), "bad-filter");
        assertScimError(badFilter, 400, "invalidFilter");
        assertEquals("bad-filter", idOf(badFilter));
        assertFalse(badFilter.json().path("detail").asText().contains("bad-filter"), "only a 5xx quotes the id");
        // the server's Retry-After is for its own refusals while suspended; what the deployment answers never has it
        for (Reply reply : new Reply[]{unauthenticated, badToken, notFound, unknownPath, wrongType, badFilter,
                scim.get("/scim/v2/ServiceProviderConfig")}) {
            assertTrue(reply.header("Retry-After").isEmpty(), reply::toString);
        }
    }

    @Test
    void aServerErrorQuotesTheIdInItsDetail() {
        Http scim = newTenantClient();
        Reply me = send(scim, scim.request("/scim/v2/Me").GET(), "me-501");
        assertEquals(501, me.status(), me::toString);
        assertEquals("me-501", idOf(me));
        assertTrue(me.json().path("detail").asText().endsWith("(request id me-501)"), me::toString);
    }

    @Test
    void everyRequestLeavesOneAccessLogLineWithoutQueryValues() throws Exception {
        String tenant = newTenant();
        String token = newToken(tenant);
        Http scim = new Http(root(), token);
        String email = uniqueName("secret") + "@example.com";
        String requestId = "access-" + UUID.randomUUID();
        Reply reply = send(scim, scim.request(USERS + "?filter=" + enc("emails.value eq \"" + email + "\"")
                + "&count=5").GET(), requestId);
        assertEquals(200, reply.status(), reply::toString);

        String line = awaitLogLine("requestId=" + requestId + " ");
        assertTrue(line.contains(" tenant=" + tenant + " credential=token:"), line);
        assertTrue(line.contains(" method=GET path=/scim/v2/Users?filter&count status=200 durationMs="), line);
        assertTrue(line.matches(".* bytes=[1-9][0-9]*$"), line);
        String log = serverLog();
        assertFalse(log.contains(email), "a filter value reached the server log");
        assertFalse(log.contains(token), "a token reached the server log");

        String refusedId = "refused-" + UUID.randomUUID();
        send(new Http(root(), null), new Http(root(), null).request(USERS).GET(), refusedId);
        String refused = awaitLogLine("requestId=" + refusedId + " ");
        assertTrue(refused.contains(" tenant=- credential=- method=GET path=/scim/v2/Users status=401 "), refused);
    }

    private static String awaitLogLine(String marker) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Optional<String> line = serverLog().lines().filter(l -> l.contains(marker)).findFirst();
            if (line.isPresent()) {
                assertEquals(1, serverLog().lines().filter(l -> l.contains(marker)).count(), "one line per request");
                return line.get();
            }
            assertTrue(System.nanoTime() < deadline, "no access-log line with " + marker);
            Thread.sleep(100);
        }
    }

    private static String serverLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
    }
}
