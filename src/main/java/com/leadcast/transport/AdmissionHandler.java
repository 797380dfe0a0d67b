package com.leadcast.transport;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;

/**
 * The first handler of the deployment, on the IO thread that parsed the headers: it applies the transport's
 * {@link Admission} verdict, refusing a request outright, reading its body in full ({@link BodyBuffer}) before
 * passing it on, or passing it on as it is. So a slow or stalled body holds a connection, never a worker thread.
 */
final class AdmissionHandler implements HttpHandler {

    private final HttpHandler next;

    AdmissionHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Admission admission = Admission.of(exchange.getRequestMethod().toString(), exchange.getRelativePath(),
                exchange.getRequestContentLength(), !exchange.isRequestComplete(),
                exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE),
                exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        if (admission instanceof Admission.Refuse refusal && exchange.isInIoThread()) {
            // dispatched to the same IO thread: the exchange stays open while the unread body is discarded
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> Refusals.sendBeforeBody(exchange, refusal));
        } else if (admission instanceof Admission.Refuse refusal) {
            Refusals.send(exchange, refusal);
        } else if (((Admission.Admit) admission).readBody() && exchange.isInIoThread()) {
            // dispatched to the same IO thread: the exchange stays open while the body arrives
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> BodyBuffer.readThen(exchange, next));
        } else {
            next.handleRequest(exchange);
        }
    }
}
