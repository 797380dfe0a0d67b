package com.leadcast.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.query.CursorPosition;
import com.leadcast.scim.query.KeyedRow;
import com.leadcast.scim.query.ListQuery;

import java.util.List;
import java.util.Map;

/**
 * One resource type as {@code POST /.search} at the root ({@link SearchEndpoint}) reads it: a local view of the
 * type's endpoint, each call a transaction of its own. Queries are the caller's tenant's, as on the type's own
 * endpoint; their filter is applied to this type with the {@link ListQuery#otherTypes() other types} searched, so
 * an attribute only those define is not present here, and anything else the type cannot evaluate is
 * {@code 400 invalidFilter}.
 */
public interface ResourceTypeSearch {

    /** How many resources match the query's filter (none: all); {@code 400 invalidFilter} if it is not valid. */
    long total(ListQuery query);

    /** The index window of {@code query} ({@code startIndex}, {@code count}), rendered as it asks. */
    List<ObjectNode> page(ListQuery query);

    /** The keys of at most {@code limit} of the query's resources beyond {@code position}, nearest first. */
    List<KeyedRow> keys(ListQuery query, CursorPosition position, int limit);

    /** Whether any of the query's resources lies beyond {@code position} (null: whether there is any). */
    boolean hasBeyond(ListQuery query, CursorPosition position);

    /**
     * The resources {@code ids} rendered with the query's {@code attributes} and {@code excludedAttributes}, by id;
     * a resource deleted since its key was read is absent.
     */
    Map<String, ObjectNode> resources(List<String> ids, ListQuery query);
}
