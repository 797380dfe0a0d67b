package com.leadcast.scim.filter;

/**
 * A syntax error in a PATCH operation {@code path} (RFC 7644 §3.5.2), thrown by
 * {@link FilterParser#parsePath(String)}. Its {@link #scimType()} is {@code invalidPath}, except for
 * errors inside the {@code [...]} value filter, which RFC 7644 §3.12 (Table 9, "PATCH (Path Filter)")
 * assigns to {@code invalidFilter}.
 */
public class PathException extends FilterException {
    private static final long serialVersionUID = 1L;

    private final boolean inValueFilter;

    /**
     * @param message       human-readable description of the problem
     * @param position      zero-based character offset of the problem, or -1 if not applicable
     * @param inValueFilter whether the problem lies inside the {@code [...]} value filter
     */
    public PathException(String message, int position, boolean inValueFilter) {
        super(message, position);
        this.inValueFilter = inValueFilter;
    }

    /** Whether the problem lies inside the {@code [...]} value filter of the path. */
    public boolean inValueFilter() {
        return inValueFilter;
    }

    @Override
    public String scimType() {
        return inValueFilter ? "invalidFilter" : "invalidPath";
    }
}
