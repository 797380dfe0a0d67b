package com.leadcast.scim;

/**
 * Every refusal of the service: an HTTP status, an optional {@link ScimType} and a {@code detail} a tenant admin
 * can act on. One mapper turns it into the {@code urn:ietf:params:scim:api:messages:2.0:Error} body of
 * RFC 7644 §3.12. Thrown out of an EJB it rolls the transaction back (see ejb-jar.xml), so a refused request
 * changes nothing.
 */
public class ScimException extends RuntimeException {

    private final int status;
    private final ScimType scimType;
    private final Integer retryAfterSeconds;

    public ScimException(int status, ScimType scimType, String detail) {
        this(status, scimType, detail, null);
    }

    private ScimException(int status, ScimType scimType, String detail, Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How many whole seconds the client should wait before retrying ({@code Retry-After}), or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
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

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(409, ScimType.UNIQUENESS, detail);
    }

    /**
     * {@code 503}: the request changed nothing and may succeed when retried after {@code retryAfterSeconds}
     * (at least 1), e.g. when it lost a race for a lock to a concurrent request (RFC 9110 §15.6.4, §10.2.3).
     */
    public static ScimException unavailable(String detail, int retryAfterSeconds) {
        return new ScimException(503, null, detail, Math.max(1, retryAfterSeconds));
    }

    public static ScimException notImplemented(String detail) {
        return new ScimException(501, null, detail);
    }
}
