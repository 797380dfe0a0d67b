package com.leadcast.scim.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ListQuery}: the query parameters of RFC 7644 §3.4.2 and §3.4.3, and RFC 9865's cursor rules. */
class ListQueryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ListQuery query(Integer startIndex, Integer count) {
        return ListQuery.of(null, startIndex, count, null, null, null, null, null);
    }

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json.replace('\'', '"'));
    }

    @Test
    void defaultsAreTheFirstPageOfTheDefaultSize() {
        ListQuery query = query(null, null);

        assertEquals(1, query.startIndex());
        assertEquals(ListQuery.DEFAULT_COUNT, query.count());
        assertNull(query.filter());
        assertNull(query.sortBy());
        assertFalse(query.descending());
        assertFalse(query.cursorPaging());
    }

    @Test
    void outOfRangeIndexPagingValuesAreInterpretedAsRfc7644Says() {
        assertEquals(1, query(0, 10).startIndex(), "startIndex < 1 means 1");
        assertEquals(1, query(-5, 10).startIndex());
        assertEquals(0, query(1, -1).count(), "a negative count means 0");
        assertEquals(0, query(1, 0).count(), "count=0 asks for totals only");
        assertEquals(ListQuery.MAX_COUNT, query(1, 1_000_000).count(), "count above maxResults is lowered");
    }

    @Test
    void filterSortByAndSortOrderAreParsed() {
        ListQuery query = ListQuery.of("userName sw \"a\"", 3, 7, "name.familyName", "DESCENDING", "userName", null,
                null);

        assertEquals("name", query.sortBy().name());
        assertEquals("familyName", query.sortBy().subAttr());
        assertTrue(query.descending());
        assertEquals(3, query.startIndex());
        assertEquals(7, query.count());
        assertEquals("userName", query.attributes());
    }

    @Test
    void aMalformedFilterIsInvalidFilter() {
        ScimException e = assertThrows(ScimException.class,
                () -> ListQuery.of("userName eq", null, null, null, null, null, null, null));
        assertEquals(ScimType.INVALID_FILTER, e.scimType());
    }

    @Test
    void aSortByWithAValueFilterOrAnUnknownSortOrderIsInvalidValue() {
        assertEquals(ScimType.INVALID_VALUE, assertThrows(ScimException.class,
                () -> ListQuery.of(null, null, null, "emails[type eq \"work\"]", null, null, null, null)).scimType());
        assertEquals(ScimType.INVALID_VALUE, assertThrows(ScimException.class,
                () -> ListQuery.of(null, null, null, "userName", "upwards", null, null, null)).scimType());
    }

    @Test
    void anEmptyCursorAsksForTheFirstCursorPage() {
        ListQuery query = ListQuery.of(null, null, 50, null, null, null, null, "");

        assertTrue(query.cursorPaging());
        assertEquals(50, query.count());
    }

    @Test
    void cursorPagingRefusesStartIndexAndCountsOutsideOneToMaxPageSize() {
        assertEquals(ScimType.INVALID_VALUE, assertThrows(ScimException.class,
                () -> ListQuery.of(null, 1, 10, null, null, null, null, "")).scimType());
        for (int count : new int[] {0, -1, ListQuery.MAX_COUNT + 1}) {
            ScimException e = assertThrows(ScimException.class,
                    () -> ListQuery.of(null, null, count, null, null, null, null, ""));
            assertEquals(ScimType.INVALID_COUNT, e.scimType(), () -> "count " + count);
        }
    }

    @Test
    void theFingerprintFollowsFilterAndSortButNotCountOrProjection() {
        String base = ListQuery.of("userName sw \"a\"", null, 10, "userName", null, null, null, "").fingerprint();

        assertEquals(base, ListQuery.of("userName  sw  \"a\"", null, 99, "userName", null, "id", null, "").fingerprint());
        assertNotEquals(base, ListQuery.of("userName sw \"b\"", null, 10, "userName", null, null, null, "").fingerprint());
        assertNotEquals(base, ListQuery.of("userName sw \"a\"", null, 10, "userName", "descending", null, null, "")
                .fingerprint());
    }

    @Test
    void aSearchRequestBodyCarriesTheSameParametersWithListsAsArrays() throws Exception {
        ListQuery query = ListQuery.ofSearchRequest(body("{'schemas':['urn:ietf:params:scim:api:messages:2.0:"
                + "SearchRequest'],'filter':'active eq true','startIndex':2,'count':5,'sortBy':'userName',"
                + "'sortOrder':'descending','attributes':['userName','emails'],'excludedAttributes':'groups'}"));

        assertEquals(2, query.startIndex());
        assertEquals(5, query.count());
        assertTrue(query.descending());
        assertEquals("userName,emails", query.attributes());
        assertEquals("groups", query.excludedAttributes());
    }

    @Test
    void aSearchRequestWithTheWrongSchemaOrWrongTypesIsRefused() throws Exception {
        assertEquals(ScimType.INVALID_SYNTAX, assertThrows(ScimException.class, () -> ListQuery.ofSearchRequest(
                body("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']}"))).scimType());
        assertEquals(ScimType.INVALID_VALUE, assertThrows(ScimException.class, () -> ListQuery.ofSearchRequest(
                body("{'filter':42}"))).scimType());
        assertEquals(ScimType.INVALID_VALUE, assertThrows(ScimException.class, () -> ListQuery.ofSearchRequest(
                body("{'count':'ten'}"))).scimType());
        assertEquals(ScimType.INVALID_SYNTAX, assertThrows(ScimException.class, () -> ListQuery.ofSearchRequest(null))
                .scimType());
    }
}
