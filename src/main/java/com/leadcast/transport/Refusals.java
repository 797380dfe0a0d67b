package com.leadcast.transport;

import com.leadcast.rest.ScimErrors;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Sends an {@link Admission.Refuse} on the IO thread, without reading the request body: the SCIM error body of
 * RFC 7644 §3.12 ({@code application/json} on the admin API) and {@code Connection: close}, because a body left
 * unread cannot be told apart from the next request on the same connection (RFC 9112 §9.6).
 */
final class Refusals {

    private Refusals() {
    }

    static void send(HttpServerExchange exchange, Admission.Refuse refusal) {
        byte[] body = ScimErrors.body(refusal.status(), null, refusal.detail()).toString()
                .getBytes(StandardCharsets.UTF_8);
        exchange.setStatusCode(refusal.status());
        exchange.setPersistent(false);
        exchange.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, ScimErrors.mediaTypeFor(exchange.getRelativePath()) + ";charset=UTF-8")
                .put(Headers.CONNECTION, Headers.CLOSE.toString());
        refusal.headers().forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
