package com.leadcast.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of slow or idle connections leave the service to everyone else (README "Connections and request
 * limits"): the reproducer of issue 8 (32 connections sending the headers of a POST with Content-Length: 100000 and
 * one body byte, which held the whole worker pool for 90 s), with and without a token, stalled chunked bodies,
 * headers trickling in, idle keep-alive and silent connections — while a normal client's look-ups stay fast; then
 * the server closes every hostile connection within its documented timeout.
 */
class SlowClientIT extends ScimTestBase {

    /** The documented bounds (wildfly-config/leadcast-scim.cli, RequestLimits), in seconds, plus a margin. */
    private static final double HEADER_TIMEOUT = 10, BODY_TIMEOUT = 10, IDLE_TIMEOUT = 30, MARGIN = 4;

    private record Hostile(String kind, RawConnection connection, double closedWithin, String answer) {
    }

    @Test
    void slowAndIdleClientsLeaveServiceUnaffectedAndAreClosedWithinTheirTimeouts() throws Exception {
        String token = newToken(newTenant());
        Http scim = new Http(root(), token);
        String post = "POST " + USERS + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/scim+json\r\n";
        String auth = "Authorization: Bearer " + token + "\r\n";

        // warm the paths under test (look-up, early 401, buffered body), so that the figures compare like with like
        open("warm-up", post + "Content-Length: 10\r\n\r\n{", 3, "HTTP/1.1 401").connection().awaitClose(3);
        assertScimError(scim.post(USERS, "{}"), 400, null);
        List<Double> idle = lookUps(scim, 4);
        List<Hostile> hostile = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 32; i++) {
                hostile.add(open("body, no token", post + "Content-Length: 100000\r\n\r\n{", 3, "HTTP/1.1 401"));
                hostile.add(open("body, token", post + auth + "Content-Length: 100000\r\n\r\n{", BODY_TIMEOUT + MARGIN,
                        "HTTP/1.1 408"));
            }
            for (int i = 0; i < 20; i++) {
                hostile.add(open("chunked body, token", post + auth + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n",
                        BODY_TIMEOUT + MARGIN, "HTTP/1.1 408"));
                hostile.add(open("silent", "", IDLE_TIMEOUT + MARGIN, ""));
            }
            List<RawConnection> trickling = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Hostile slow = open("slow headers", post + auth + "X-Slow: ", HEADER_TIMEOUT + MARGIN, "");
                hostile.add(slow);
                trickling.add(slow.connection());
            }
            // headers that keep coming, one byte a second, are still cut off: the parse timeout bounds all of them
            trickle.scheduleAtFixedRate(() -> trickling.forEach(c -> {
                try {
                    c.send("a");
                } catch (IOException closed) {
                    // closed by the server, as it should be
                }
            }), 1, 1, TimeUnit.SECONDS);
            for (int i = 0; i < 30; i++) {
                hostile.add(open("idle keep-alive", "GET " + USERS + "?count=1 HTTP/1.1\r\nHost: " + base.getHost()
                        + "\r\n" + auth + "\r\n", IDLE_TIMEOUT + MARGIN, "HTTP/1.1 200"));
            }

            // a normal client meanwhile, once the server has accepted them all: Entra's look-up, over and over
            Thread.sleep(1000);
            List<Double> latencies = lookUps(scim, 8);
            double worst = latencies.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            System.out.printf("[slow-clients] idle look-ups %s s; with %d hostile connections: %d look-ups, worst %.3f s,"
                    + " all %s s%n", idle, hostile.size(), latencies.size(), worst, latencies);
            assertTrue(latencies.size() >= 10, () -> "look-ups served: " + latencies.size());
            assertTrue(worst < 2, () -> "every normal look-up under 2 s: worst " + worst + " s");

            for (Hostile h : hostile) {
                RawConnection.Closed closed = h.connection().awaitClose(h.closedWithin());
                assertTrue(closed.byServer(), () -> h.kind() + ": not closed by the server within " + h.closedWithin()
                        + " s: " + closed);
                assertTrue(closed.received().startsWith(h.answer()), () -> h.kind() + ": " + closed);
            }
        } finally {
            trickle.shutdownNow();
            for (Hostile h : hostile) {
                h.connection().close();
            }
        }
        assertEquals(0, scim.get(USERS).json().path("totalResults").asInt(), "no hostile body created anything");
    }

    /** Entra's look-up, over and over for {@code seconds}: each one's latency in seconds, each answered 200. */
    private static List<Double> lookUps(Http scim, int seconds) {
        List<Double> latencies = new ArrayList<>();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            long start = System.nanoTime();
            Reply reply = scim.get(USERS + "?filter=" + enc("userName eq \"nobody@example.com\""));
            assertEquals(200, reply.status(), reply::toString);
            latencies.add(Math.round((System.nanoTime() - start) / 1e6) / 1e3);
        }
        return latencies;
    }

    private Hostile open(String kind, String sent, double closedWithin, String answer) throws IOException {
        RawConnection connection = new RawConnection(base);
        connection.send(sent);
        return new Hostile(kind, connection, closedWithin, answer);
    }
}
