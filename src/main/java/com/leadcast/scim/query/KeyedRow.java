package com.leadcast.scim.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One resource as a keyset read sees it: its {@code id} and its key in its resource type's order, the values
 * {@link CursorPosition} holds ({@code [missing, sortValue, createdAt, id]} with {@code sortBy}, {@code [createdAt,
 * id]} without).
 */
public record KeyedRow(String id, List<Object> key) {

    public KeyedRow {
        key = Collections.unmodifiableList(new ArrayList<>(key)); // List.copyOf refuses the null of a missing value
    }
}
