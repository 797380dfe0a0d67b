package com.leadcast.transport;

import com.leadcast.rest.ScimErrors;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

import org.xnio.IoUtils;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Sends an {@link Admission.Refuse} on the IO thread, without reading the request body: the SCIM error body of
 * RFC 7644 §3.12 ({@code application/json} on the admin API) and {@code Connection: close}, because a body left
 * unread cannot be told apart from the next request on the same connection (RFC 9112 §9.6). Refused before anything
 * read the body, the exchange ends only once the body has been discarded ({@link LingeringClose}), so that the close
 * does not reset the connection under the answer.
 */
final class Refusals {

    private Refusals() {
    }

    /** Sends the refusal of a request nothing has read the body of, then discards the body; runs dispatched. */
    static void sendBeforeBody(HttpServerExchange exchange, Admission.Refuse refusal) {
        send(exchange, refusal, new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange exchange, Sender sender) {
                LingeringClose.endAfterBody(exchange);
            }

            @Override
            public void onException(HttpServerExchange exchange, Sender sender, IOException e) {
                IoUtils.safeClose(exchange.getConnection());
            }
        });
    }

    /** Sends the refusal and closes the connection; for a body already being read ({@link BodyBuffer}). */
    static void send(HttpServerExchange exchange, Admission.Refuse refusal) {
        send(exchange, refusal, IoCallback.END_EXCHANGE);
    }

    private static void send(HttpServerExchange exchange, Admission.Refuse refusal, IoCallback then) {
        byte[] body = ScimErrors.body(refusal.status(), null, refusal.detail()).toString()
                .getBytes(StandardCharsets.UTF_8);
        exchange.setStatusCode(refusal.status());
        exchange.setPersistent(false);
        exchange.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, ScimErrors.mediaTypeFor(exchange.getRelativePath()) + ";charset=UTF-8")
                .put(Headers.CONNECTION, Headers.CLOSE.toString());
        refusal.headers().forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
        exchange.getResponseSender().send(ByteBuffer.wrap(body), then);
    }
}
