package com.leadcast.transport;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a real Undertow listener: exchanges served by a worker thread, as every servlet request is, end on their IO
 * thread behind {@link CompletionOnIoThread}, and a keep-alive connection goes on serving request after request.
 */
class CompletionOnIoThreadTest {

    private static final int REQUESTS = 300;

    /** Where the connection's own completion ran, seen by a listener registered before (so run after) ours. */
    private final Queue<Boolean> endedOnIoThread = new ConcurrentLinkedQueue<>();
    private Undertow server;
    private int port;

    @BeforeEach
    void start() {
        HttpHandler servedByAWorker = exchange -> {
            if (exchange.isInIoThread()) {
                exchange.dispatch(this::answer);
                return;
            }
            answer(exchange);
        };
        HttpHandler probe = new CompletionOnIoThread(servedByAWorker);
        server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setIoThreads(1)
                .setWorkerThreads(4)
                .setHandler(exchange -> {
                    exchange.addExchangeCompleteListener((ex, next) -> {
                        endedOnIoThread.add(ex.isInIoThread());
                        next.proceed();
                    });
                    probe.handleRequest(exchange);
                })
                .build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void answer(HttpServerExchange exchange) {
        exchange.startBlocking();
        exchange.getResponseSender().send("served on " + Thread.currentThread().getName());
    }

    @Test
    void exchangesServedByWorkersEndOnTheIoThreadAndTheConnectionIsKeptAlive() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertFalse(response.body().contains("I/O"), "a worker served it: " + response.body());
        }
        // an exchange completes after its response is written: the last completion may follow the last answer
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (endedOnIoThread.size() < REQUESTS && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(REQUESTS, endedOnIoThread.size());
        assertTrue(endedOnIoThread.stream().allMatch(Boolean::booleanValue), "exchanges that ended on a worker: "
                + endedOnIoThread.stream().filter(b -> !b).count());
    }
}
