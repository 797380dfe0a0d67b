package com.leadcast.scim.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One resource as a keyset read sees it: its {@code id}, its key in its resource type's order, the values
 * {@link CursorPosition} holds ({@code [missing, sortValue, createdAt, id]} with {@code sortBy}, {@code [createdAt,
 * id]} without), and the {@code size} of its stored document (characters; 0 where unknown),
 * by which a page's memory is bounded before any document is read.
 */
public record KeyedRow(String id, List<Object> key, long size) {

    public KeyedRow {
        key = Collections.unmodifiableList(new ArrayList<>(key)); // List.copyOf refuses the null of a missing value
    }

    /** A row whose document size is not known. */
    public KeyedRow(String id, List<Object> key) {
        this(id, key, 0);
    }
}
