package com.leadcast.observability;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.AttachmentKey;

import java.util.Optional;

/**
 * What is known of one request while it is served: its id and start, and, once authentication has told, the tenant
 * and the credential that made it. Attached to the exchange by {@link RequestObserver}; the application reaches it
 * through {@link #current()} on the thread that serves the request.
 */
public final class RequestRecord {

    static final AttachmentKey<RequestRecord> KEY = AttachmentKey.create(RequestRecord.class);

    private final String id;
    private final long startNanos;
    private final String method;
    private final String path;
    private final String query;
    private volatile String tenantId;
    private volatile String credential;
    private volatile Refusal refusal;

    /** Why a request was refused before it reached the API, for the metrics. */
    public enum Refusal {
        /** No credential was sent. */
        MISSING_CREDENTIAL("missing"),
        /** The credential is not valid. */
        INVALID_CREDENTIAL("invalid"),
        /** The client's address sent too many invalid credentials. */
        THROTTLED("throttled"),
        /** The tenant's rate limit or bulkhead. */
        ADMISSION("admission"),
        /** The credential is valid, but the operator suspended its tenant. */
        SUSPENDED("suspended");

        private final String label;

        Refusal(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** The record of a request as it arrived: an error page's forward changes the exchange's path, not this one. */
    RequestRecord(String id, long startNanos, String method, String path, String query) {
        this.id = id;
        this.startNanos = startNanos;
        this.method = method;
        this.path = path;
        this.query = query;
    }

    /** The record of the request the calling thread serves; empty outside a request (a timer, a test). */
    public static Optional<RequestRecord> current() {
        ServletRequestContext context = ServletRequestContext.current();
        HttpServerExchange exchange = context == null ? null : context.getExchange();
        return Optional.ofNullable(exchange == null ? null : exchange.getAttachment(KEY));
    }

    /** The id of the request the calling thread serves, or null. */
    public static String currentId() {
        return current().map(RequestRecord::id).orElse(null);
    }

    /** Records who made the request: {@code tenantId} (null for an admin credential) and a credential id. */
    public void caller(String tenantId, String credential) {
        this.tenantId = tenantId;
        this.credential = credential;
    }

    /** Records why the request was refused before it reached the API. */
    public void refused(Refusal why) {
        this.refusal = why;
    }

    public String id() {
        return id;
    }

    long startNanos() {
        return startNanos;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    String query() {
        return query;
    }

    Refusal refusal() {
        return refusal;
    }

    String tenantId() {
        return tenantId;
    }

    String credential() {
        return credential;
    }
}
