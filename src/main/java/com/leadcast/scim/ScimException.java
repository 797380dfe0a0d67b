package com.leadcast.scim;

import java.time.Duration;
import java.util.Optional;

/**
 * Every refusal of the service: an HTTP status, an optional {@link ScimType} and a {@code detail} a tenant admin
 * can act on. One mapper turns it into the {@code urn:ietf:params:scim:api:messages:2.0:Error} body of
 * RFC 7644 §3.12. Thrown out of an EJB it rolls the transaction back (see ejb-jar.xml), so a refused request
 * changes nothing. A refusal that passes with time ({@code 429}, {@code 503}) says when to retry ({@code Retry-After},
 * RFC 9110 §10.2.3).
 */
public class ScimException extends RuntimeException {

    private final int status;
    private final ScimType scimType;
    private final Duration retryAfter;

    public ScimException(int status, ScimType scimType, String detail) {
        this(status, scimType, detail, null);
    }

    private ScimException(int status, ScimType scimType, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The error keyword, or {@code null} where RFC 7644 defines none for the situation. */
    public ScimType scimType() {
        return scimType;
    }

    public String detail() {
        return getMessage();
    }

    /** When the client may try again, for {@code Retry-After}; empty for refusals that time does not lift. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public static ScimException badRequest(ScimType scimType, String detail) {
        return new ScimException(400, scimType, detail);
    }

    public static ScimException invalidValue(String detail) {
        return badRequest(ScimType.INVALID_VALUE, detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return badRequest(ScimType.INVALID_SYNTAX, detail);
    }

    public static ScimException invalidPath(String detail) {
        return badRequest(ScimType.INVALID_PATH, detail);
    }

    public static ScimException invalidFilter(String detail) {
        return badRequest(ScimType.INVALID_FILTER, detail);
    }

    public static ScimException noTarget(String detail) {
        return badRequest(ScimType.NO_TARGET, detail);
    }

    public static ScimException mutability(String detail) {
        return badRequest(ScimType.MUTABILITY, detail);
    }

    /** {@code 403 Forbidden} (RFC 7644 §3.12): the caller is known but may not do this. */
    public static ScimException forbidden(String detail) {
        return new ScimException(403, null, detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(409, ScimType.UNIQUENESS, detail);
    }

    public static ScimException notImplemented(String detail) {
        return new ScimException(501, null, detail);
    }

    /**
     * {@code 429 Too Many Requests} (RFC 6585 §4): the caller sent more than its limit allows. RFC 7644 §3.12 defines
     * no {@code scimType} for it, so there is none.
     */
    public static ScimException tooManyRequests(String detail, Duration retryAfter) {
        return new ScimException(429, null, detail, retryAfter);
    }

    /** {@code 503 Service Unavailable} (RFC 9110 §15.6.4): the server cannot take the request now. */
    public static ScimException unavailable(String detail, Duration retryAfter) {
        return new ScimException(503, null, detail, retryAfter);
    }
}
