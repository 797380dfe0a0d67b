package com.leadcast.scim.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.scim.ScimUrns;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.filter.FilterException;
import com.leadcast.scim.filter.FilterParser;
import com.leadcast.scim.filter.PatchPath;
import com.leadcast.scim.schema.ResourceType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The parameters of a query (RFC 7644 §3.4.2), from the URL of a GET or the body of a {@code SearchRequest}
 * (§3.4.3). Index paging follows RFC 7644's rules for out-of-range values: a {@code startIndex} below 1 means 1, a
 * negative {@code count} means 0, a {@code count} above {@link #MAX_COUNT} is lowered to it.
 *
 * <p>A {@code cursor} parameter, even empty, asks for cursor paging (RFC 9865): then {@code count} must be a
 * positive integer up to {@link #MAX_COUNT} ({@code 400 invalidCount} otherwise) and {@code startIndex} must be
 * absent ({@code 400 invalidValue}: the two paging methods do not combine).
 *
 * @param cursor     the cursor text, {@code ""} for the first page; {@code null} for index paging
 * @param otherTypes the resource types searched together with the one this query is run on, whose attributes the
 *                   filter may name as not present on it ({@link OtherResourceTypes#NONE} but at the root)
 */
public record ListQuery(Filter filter, AttrPath sortBy, boolean descending, int startIndex, int count,
                        String attributes, String excludedAttributes, String cursor, OtherResourceTypes otherTypes) {

    /** Page size when the client gives no {@code count}. */
    public static final int DEFAULT_COUNT = 100;
    /** The largest page the service returns ({@code filter.maxResults} of the ServiceProviderConfig). */
    public static final int MAX_COUNT = 1000;

    public static ListQuery of(String filter, Integer startIndex, Integer count, String sortBy, String sortOrder,
                               String attributes, String excludedAttributes, String cursor) {
        Filter parsedFilter = parseFilter(filter);
        AttrPath parsedSortBy = parseSortBy(sortBy);
        boolean descending = descending(sortOrder);
        if (cursor != null) {
            return new ListQuery(parsedFilter, parsedSortBy, descending, 1, cursorCount(startIndex, count), attributes,
                    excludedAttributes, cursor, OtherResourceTypes.NONE);
        }
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        return new ListQuery(parsedFilter, parsedSortBy, descending, start, size, attributes, excludedAttributes,
                null, OtherResourceTypes.NONE);
    }

    /** This query without {@code sortBy}: in creation order. */
    public ListQuery unsorted() {
        return new ListQuery(filter, null, false, startIndex, count, attributes, excludedAttributes, cursor,
                otherTypes);
    }

    /** This query paged by index, at {@code startIndex} with at most {@code count} resources. */
    public ListQuery window(int startIndex, int count) {
        return new ListQuery(filter, sortBy, descending, startIndex, count, attributes, excludedAttributes, null,
                otherTypes);
    }

    /**
     * This query as run on one of several resource types searched together (the root {@code /.search}): the
     * attributes only {@code others} define are not present on that type's resources.
     */
    public ListQuery searchedWith(List<ResourceType> others) {
        return new ListQuery(filter, sortBy, descending, startIndex, count, attributes, excludedAttributes, cursor,
                new OtherResourceTypes(others));
    }

    /** Whether the client asked for cursor paging (RFC 9865 §2), rather than index paging. */
    public boolean cursorPaging() {
        return cursor != null;
    }

    /**
     * What a cursor of this query is bound to: a digest of the canonical filter text and the sort, the parameters
     * that must not change from page to page. {@code count} and the projection may change.
     */
    public String fingerprint() {
        String text = filter + "\n" + sortBy + "\n" + (descending ? "descending" : "ascending");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** {@code count} of a cursor request (RFC 9865 §2): a positive integer, at most {@link #MAX_COUNT}. */
    private static int cursorCount(Integer startIndex, Integer count) {
        if (startIndex != null) {
            throw ScimException.invalidValue("startIndex and cursor cannot be combined: page either by index "
                    + "(startIndex) or by cursor (cursor)");
        }
        if (count == null) {
            return DEFAULT_COUNT;
        }
        if (count < 1 || count > MAX_COUNT) {
            throw ScimException.badRequest(ScimType.INVALID_COUNT, "With cursor paging, count must be between 1 and "
                    + "maxPageSize (" + MAX_COUNT + "), not " + count);
        }
        return count;
    }

    /** The query of a {@code POST .../.search} body (RFC 7644 §3.4.3). */
    public static ListQuery ofSearchRequest(ObjectNode body) {
        if (body == null) {
            throw ScimException.invalidSyntax("The search request has no body: send a SearchRequest message");
        }
        JsonNode schemas = body.get("schemas");
        if (schemas != null && !schemas.toString().contains(ScimUrns.SEARCH_REQUEST)) {
            throw ScimException.invalidSyntax("\"schemas\" must contain " + ScimUrns.SEARCH_REQUEST);
        }
        return of(text(body, "filter"), integer(body, "startIndex"), integer(body, "count"), text(body, "sortBy"),
                text(body, "sortOrder"), list(body, "attributes"), list(body, "excludedAttributes"),
                text(body, "cursor"));
    }

    private static Filter parseFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return FilterParser.parse(filter);
        } catch (FilterException e) {
            throw ScimException.invalidFilter("The filter is not valid: " + e.getMessage());
        }
    }

    /** {@code sortBy} (RFC 7644 §3.4.2.3): an attribute path, without value filter. */
    private static AttrPath parseSortBy(String sortBy) {
        if (sortBy == null || sortBy.isBlank()) {
            return null;
        }
        try {
            PatchPath path = FilterParser.parsePath(sortBy.trim());
            if (path.valueFilter() == null) {
                return path.attribute();
            }
        } catch (FilterException e) {
            // refused below
        }
        throw ScimException.invalidValue("sortBy must name one attribute, e.g. userName or name.familyName; '" + sortBy
                + "' is not an attribute path");
    }

    private static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank() || sortOrder.equalsIgnoreCase("ascending")) {
            return false;
        }
        if (sortOrder.equalsIgnoreCase("descending")) {
            return true;
        }
        throw ScimException.invalidValue("sortOrder must be 'ascending' or 'descending', not '" + sortOrder + "'");
    }

    private static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimException.invalidValue("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static Integer integer(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt()) {
            throw ScimException.invalidValue("\"" + field + "\" must be an integer");
        }
        return value.asInt();
    }

    /** {@code attributes} may be a JSON array of paths or a comma-separated string. */
    private static String list(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            value.forEach(v -> joined.append(joined.length() == 0 ? "" : ",").append(v.asText()));
            return joined.toString();
        }
        return value.asText();
    }
}
