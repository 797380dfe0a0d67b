package com.leadcast.scim.filter;

/**
 * A syntax error in a SCIM filter. The message is written for the tenant administrator: it names
 * the zero-based character {@link #position()} and what was expected there. The server maps it to
 * HTTP 400 with the {@link #scimType()} of RFC 7644 §3.12 ({@code invalidFilter}).
 */
public class FilterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int position;

    /**
     * @param message  human-readable description of the problem
     * @param position zero-based character offset of the problem in the input, or -1 if not applicable
     */
    public FilterException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** Zero-based character offset of the problem in the input, or -1 if not applicable. */
    public int position() {
        return position;
    }

    /** The {@code scimType} for the HTTP 400 error response (RFC 7644 §3.12). */
    public String scimType() {
        return "invalidFilter";
    }

    static FilterException create(boolean path, boolean inValueFilter, String message, int position) {
        return path ? new PathException(message, position, inValueFilter) : new FilterException(message, position);
    }
}
