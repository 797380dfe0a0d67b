package com.leadcast.scim.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a cursor page starts (RFC 9865 §2): the sort key of a row — the values of the query's ordering columns, such
 * as {@code [missing, sortKey, createdAt, id]} — and which way to read from it. The key's values are {@link String},
 * {@link Integer}, {@link Long}, {@link java.math.BigDecimal}, {@link Boolean}, {@link java.time.Instant} or
 * {@code null}.
 *
 * @param backward  read the rows before {@code key} (a {@code previousCursor}) rather than after it
 * @param inclusive the row at {@code key} itself belongs to the page (only where a page came back empty)
 */
public record CursorPosition(boolean backward, boolean inclusive, List<Object> key) {

    public CursorPosition {
        key = Collections.unmodifiableList(new ArrayList<>(key)); // List.copyOf refuses the null of a missing value
    }

    /** The rows after {@code key}, for a {@code nextCursor}. */
    public static CursorPosition after(List<Object> key) {
        return new CursorPosition(false, false, key);
    }

    /** The rows before {@code key}, for a {@code previousCursor}. */
    public static CursorPosition before(List<Object> key) {
        return new CursorPosition(true, false, key);
    }

    /** The rows this position does not reach: the other side of its key, including what it excluded. */
    public CursorPosition complement() {
        return new CursorPosition(!backward, !inclusive, key);
    }
}
