package com.leadcast.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.observability.RequestRecord;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimUrns;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;

/** Builds the SCIM error body of RFC 7644 §3.12; the only place that does. */
public final class ScimErrors {

    /**
     * How many seconds a {@code 503} asks the client to wait before retrying (RFC 9110 §10.2.3): long enough for a
     * database restart to get under way, short enough that Entra's next attempt usually succeeds.
     */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** The detail of every answer to a request the database could not serve because it is down or unreachable. */
    public static final String DATABASE_UNAVAILABLE = "The service's database is temporarily unavailable; retry the "
            + "request after the number of seconds in Retry-After";

    /**
     * The detail of a write whose commit the database's failure interrupted: it may be stored or not, and a retry
     * tells which (a create that was stored answers {@code 409 uniqueness}, a replace or patch applies the same
     * change again).
     */
    public static final String COMMIT_IN_DOUBT = "The service's database became temporarily unavailable while this "
            + "write was being committed, so it may or may not have been stored; retry the request after the number "
            + "of seconds in Retry-After (a create that was stored then answers 409 uniqueness)";

    /** The name of the header that tells a client when to retry (RFC 9110 §10.2.3). */
    public static final String RETRY_AFTER = "Retry-After";

    private ScimErrors() {
    }

    /**
     * The error body; a {@code 5xx}'s detail ends with the id of the request being served ({@code X-Request-Id}), for
     * a tenant admin to quote to the operator, who finds it in the access log.
     */
    public static ObjectNode body(int status, String scimType, String detail) {
        return body(status, scimType, detail, RequestRecord.currentId());
    }

    /** The error body of the request {@code requestId} (null when unknown). */
    static ObjectNode body(int status, String scimType, String detail, String requestId) {
        if (status >= 500 && requestId != null) {
            detail = (detail == null ? "" : detail + " ") + "(request id " + requestId + ")";
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ScimUrns.ERROR);
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        if (detail != null) {
            body.put("detail", detail);
        }
        return body;
    }

    public static Response response(ScimException e) {
        return response(e, ScimMediaType.SCIM_JSON_TYPE);
    }

    /** The error response in {@code type}: {@code application/json} on the admin API, SCIM JSON elsewhere. */
    public static Response response(ScimException e, MediaType type) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(type)
                .entity(body(e.status(), e.scimType() == null ? null : e.scimType().wireName(), e.detail()));
        Duration wait = e.retryAfter().orElse(e.status() == 503 ? Duration.ofSeconds(RETRY_AFTER_SECONDS) : null);
        if (wait != null) {
            response.header(RETRY_AFTER, retryAfterSeconds(wait));
        }
        return response.build();
    }

    /**
     * The {@value #RETRY_AFTER} value, in whole seconds, of an error answered with {@code status} that carries no wait
     * of its own: every {@code 503} has one; {@code null} (no header) otherwise.
     */
    public static String retryAfter(int status) {
        return status == 503 ? String.valueOf(RETRY_AFTER_SECONDS) : null;
    }

    /**
     * The {@code Retry-After} value (RFC 9110 §10.2.3, delay-seconds) for a wait: whole seconds, rounded up, at least
     * one, so that a client that honours it does not come back before the wait is over.
     */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /**
     * The media type of an error answered at {@code path} (relative to the context root): the admin API speaks
     * {@code application/json} (openapi/scim-api.yaml, Admin* responses), everything else SCIM JSON.
     */
    public static MediaType mediaTypeFor(String path) {
        boolean admin = path != null && (path.startsWith("/admin/") || path.startsWith("admin/"));
        return admin ? MediaType.APPLICATION_JSON_TYPE : ScimMediaType.SCIM_JSON_TYPE;
    }

    /** {@link #mediaTypeFor(String)} for the path of {@code request}; SCIM JSON without a request. */
    public static MediaType mediaTypeFor(HttpServletRequest request) {
        return request == null ? ScimMediaType.SCIM_JSON_TYPE
                : mediaTypeFor(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** A generic detail for a status the container produced without one. */
    public static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 401 -> "Authentication required: send the API token as 'Authorization: Bearer <token>'";
            case 403 -> "The caller may not perform this operation";
            case 404 -> "No such resource or endpoint";
            case 405 -> "This HTTP method is not supported on this endpoint";
            case 406 -> "The service answers in application/scim+json only";
            case 413 -> "The request body is too large";
            case 415 -> "Send the request body as application/scim+json or application/json";
            case 429 -> "Too many requests; retry after the time Retry-After gives";
            case 503 -> "The service is temporarily unavailable; retry later";
            default -> "The service failed to process the request; it has been logged";
        };
    }
}
