package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flood of wrong tokens from one client address: after its budget (50 refused tokens, regained at 10 a second) the
 * address gets {@code 429} with {@code Retry-After} instead of {@code 401}, on the SCIM and the admin API, while a
 * valid token from the same address is served as ever; every refusal is logged, never the token. The whole suite runs
 * from 127.0.0.1, so each test starts and ends with the budget whole again.
 */
class AuthThrottleIT extends ScimTestBase {

    private static final int BUDGET = 50;
    /** The time the budget takes to recover from empty, with a margin. */
    private static final long RECOVERY_MILLIS = 6_000;

    @BeforeEach
    @AfterEach
    void budgetRecovers() throws InterruptedException {
        Thread.sleep(RECOVERY_MILLIS);
    }

    @Test
    void wrongTenantTokensGet429AfterTheBudgetWhileAValidTokenIsServedAndEachIsLogged() throws IOException {
        Http valid = newTenantClient();
        String marker = "lcs_" + UUID.randomUUID().toString().replace("-", "");
        Http wrong = new Http(root(), marker);

        List<Reply> replies = flood(wrong, USERS, 200);
        int firstThrottled = firstWith(replies, 429);
        assertTrue(firstThrottled >= BUDGET - 5 && firstThrottled < 150,
                () -> "401 until the budget is spent, then 429: first 429 at " + firstThrottled);
        Reply throttled = replies.get(firstThrottled);
        JsonNode error = assertScimError(throttled, 429, null);
        assertTrue(error.path("detail").asText().contains("Too many refused tokens from this address"), throttled::toString);
        long retryAfter = Long.parseLong(throttled.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, () -> "whole seconds: " + retryAfter);
        assertTrue(replies.subList(0, firstThrottled).stream().allMatch(r -> r.status() == 401), "401 before");

        long start = System.nanoTime();
        Reply served = valid.get(USERS + "?count=1");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, served.status(), () -> "a valid token from the throttled address is served: " + served);
        assertTrue(millis < 2_000, () -> "and not slowed: " + millis + " ms");
        long floodStart = System.nanoTime();
        long refused401 = flood(wrong, USERS, 10).stream().filter(r -> r.status() == 401).count();
        double floodSeconds = (System.nanoTime() - floodStart) / 1e9;
        long regained = (long) Math.ceil((floodSeconds + millis / 1000.0) * 10) + 1;
        assertTrue(refused401 <= regained, () -> "the flood stays throttled, a failure allowed per 100 ms: "
                + refused401 + " of 10 answered 401 in " + floodSeconds + " s");

        String log = serverLog();
        assertTrue(log.contains("Refused a bearer token on the SCIM API from 127.0.0.1: The token is not a Leadcast "
                + "SCIM token of any tenant"), "each refusal is logged with address, API and reason");
        assertTrue(log.contains("answered 429"), "throttled refusals say so");
        assertFalse(log.contains(marker.substring(4)), "the token never reaches the log");
    }

    @Test
    void wrongAdminTokensGet429AfterTheBudgetWhileTheAdminTokenIsServed() throws IOException {
        String marker = "wrong-admin-" + UUID.randomUUID();
        Http wrong = new Http(root(), marker).json();

        List<Reply> replies = flood(wrong, "/admin/v1/tenants", 200);
        int firstThrottled = firstWith(replies, 429);
        assertTrue(firstThrottled >= BUDGET - 5 && firstThrottled < 150, () -> "first 429 at " + firstThrottled);
        Reply throttled = replies.get(firstThrottled);
        assertScimError(throttled, 429, null);
        assertTrue(throttled.contentType().startsWith("application/json"), throttled::contentType);
        assertTrue(Long.parseLong(throttled.header("Retry-After").orElseThrow()) >= 1);

        Reply served = admin.get("/admin/v1/tenants");
        assertEquals(200, served.status(), () -> "the admin token is served from the throttled address: " + served);

        String log = serverLog();
        assertTrue(log.contains("Refused a bearer token on the admin API from 127.0.0.1: The token is not the admin "
                + "token of this server"), "admin refusals are logged");
        assertFalse(log.contains(marker), "the token never reaches the log");
    }

    private static List<Reply> flood(Http client, String path, int requests) {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            replies.add(client.get(path));
        }
        return replies;
    }

    private static int firstWith(List<Reply> replies, int status) {
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).status() == status) {
                return i;
            }
        }
        return -1;
    }

    /** The managed server's log (target/server/standalone/log/server.log). */
    private static String serverLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"),
                StandardCharsets.UTF_8);
    }
}
