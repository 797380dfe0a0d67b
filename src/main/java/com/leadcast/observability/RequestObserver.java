package com.leadcast.observability;

import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import jakarta.servlet.ServletContext;

import java.time.Instant;

/**
 * The first thing every request of the deployment meets: it gives the request its id ({@link RequestIds}) and a
 * {@link RequestRecord}, puts the id on the response just before it is committed (so an error page, a refusal of
 * the transport or a 401 carries it as well as an answer of the API) and writes the {@link AccessLog} line when the
 * exchange ends, on the thread that ends it, with the request's figures for {@link RequestMetrics}.
 */
public final class RequestObserver implements HttpHandler, ExchangeCompletionListener {

    private static final HttpString HEADER = new HttpString(RequestIds.HEADER);

    private final HttpHandler next;
    private final ServletContext application;

    /** In front of {@code next}, for the deployment of {@code application} (where {@link RequestMetrics} is). */
    public RequestObserver(HttpHandler next, ServletContext application) {
        this.next = next;
        this.application = application;
    }

    /** The {@code Retry-After} of a 503 that WildFly gives while suspended. */
    static final String SUSPENDED_RETRY_SECONDS = "5";

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RequestRecord record = new RequestRecord(RequestIds.of(exchange.getRequestHeaders().getFirst(HEADER)),
                System.nanoTime(), exchange.getRequestMethod().toString(), exchange.getRequestURI(),
                exchange.getQueryString());
        exchange.putAttachment(RequestRecord.KEY, record);
        exchange.addResponseCommitListener(committing -> {
            committing.getResponseHeaders().put(HEADER, record.id());
            if (committing.getStatusCode() == 503 && !committing.getResponseHeaders().contains(Headers.RETRY_AFTER)) {
                // a 503 of WildFly's, refusing new requests while suspended (the application's own 503s say when
                // to retry): by then a load balancer has sent the client to another server, or this one is back
                committing.getResponseHeaders().put(Headers.RETRY_AFTER, SUSPENDED_RETRY_SECONDS);
            }
        });
        exchange.addExchangeCompleteListener(this);
        next.handleRequest(exchange);
    }

    @Override
    public void exchangeEvent(HttpServerExchange exchange, NextListener nextListener) {
        try {
            RequestRecord record = exchange.getAttachment(RequestRecord.KEY);
            long duration = System.nanoTime() - record.startNanos();
            int status = exchange.getStatusCode();
            AccessLog.write(new AccessLog.Entry(Instant.now().minusNanos(duration), record.id(), record.tenantId(),
                    record.credential(), record.method(), record.path(), record.query(), status, duration,
                    exchange.getResponseBytesSent()));
            if (application.getAttribute(RequestMetrics.ATTRIBUTE) instanceof RequestMetrics metrics) {
                metrics.request(record.method(), record.path(), status, duration, record.refusal(),
                        record.tenantId());
            }
        } finally {
            nextListener.proceed();
        }
    }
}
