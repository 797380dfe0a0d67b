package com.leadcast.store;

import com.leadcast.scim.query.CursorPosition;

import java.util.List;

/**
 * One page of a cursor query (RFC 9865): the total number of matches, the resources in the query's order, and where
 * the pages next to it start, or null where there are no more rows on that side.
 */
public record KeysetPage<E>(long totalResults, List<E> resources, CursorPosition next, CursorPosition previous) {
}
