package com.leadcast.transport;

import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

import java.util.concurrent.RejectedExecutionException;

/**
 * Ends every exchange on its connection's IO thread, not on the worker thread that served it.
 *
 * <p>Why: when a worker ends a keep-alive HTTP/1.1 exchange, Undertow's {@code HttpReadListener.exchangeComplete}
 * marks the connection "changing state" and resumes reads, which wakes the IO thread; the client's next request is
 * usually there already, and the IO thread, finding the state still "changing", spins on it until the worker has
 * set it back. On a small machine the woken IO thread often preempts that very worker, and spins for its whole time
 * slice: JFR found 26-33% of the server's CPU in that loop under a GET load of 16 connections on two cores. Ended
 * on the IO thread, the exchange takes Undertow's own path for that thread, which needs no such hand-over, and the
 * worker is free as soon as the response is written.
 *
 * <p>Completion listeners run in the reverse order of their registration. This one is registered before any handler
 * of the deployment, so theirs run first, on the worker; those of the container's own outer handlers (WildFly's
 * request control, registered earlier still) run after it, on the IO thread, and the connection's own comes last.
 */
final class CompletionOnIoThread implements HttpHandler, ExchangeCompletionListener {

    private final HttpHandler next;

    CompletionOnIoThread(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.addExchangeCompleteListener(this);
        next.handleRequest(exchange);
    }

    @Override
    public void exchangeEvent(HttpServerExchange exchange, NextListener nextListener) {
        if (exchange.isInIoThread()) {
            nextListener.proceed();
            return;
        }
        try {
            exchange.getIoThread().execute(nextListener::proceed);
        } catch (RejectedExecutionException shuttingDown) {
            nextListener.proceed();
        }
    }
}
