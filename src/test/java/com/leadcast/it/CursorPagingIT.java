package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cursor paging (RFC 9865) on {@code /Users} and {@code /Groups}: keyset pages forward and back, with filters and
 * sorting, stable under concurrent writes, and every refusal with its status and {@code scimType}. Cursors of the
 * root {@code /.search} are in {@link RootSearchIT}.
 */
class CursorPagingIT extends ScimTestBase {

    private static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    private Http scim;
    /** userName → id of the population, in creation order. */
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void population() {
        scim = newTenantClient();
        // userNames out of creation order; some users without a title, so that sorting meets missing values
        String[] names = {"dora", "bob", "Erin", "alice", "carl", "gus", "Fay"};
        for (int i = 0; i < names.length; i++) {
            String title = i % 3 == 0 ? "" : ",\"title\":\"T" + (names.length - i) + "\"";
            ids.add(create(names[i] + "@x.com", title));
        }
    }

    private String create(String userName, String more) {
        Reply reply = scim.post(USERS, "{\"userName\":\"" + userName + "\"" + more + "}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The ids of a ListResponse's resources. */
    private static List<String> idsOf(JsonNode page) {
        List<String> found = new ArrayList<>();
        page.path("Resources").forEach(r -> found.add(r.path("id").asText()));
        return found;
    }

    private JsonNode page(String query) {
        Reply reply = scim.get(USERS + "?" + query);
        assertEquals(200, reply.status(), () -> query + " -> " + reply);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON));
        return reply.json();
    }

    /** The order index paging gives the same query: the order cursor pages must follow. */
    private List<String> indexOrder(String query) {
        return idsOf(page(query + (query.isEmpty() ? "" : "&") + "count=1000"));
    }

    /**
     * Walks every page forward from an empty cursor, then back from the last page through previousCursor, checking
     * the RFC 9865 response members on the way, and returns the pages in order.
     */
    private List<List<String>> walk(String query, int count) {
        String prefix = query.isEmpty() ? "" : query + "&";
        List<List<String>> forward = new ArrayList<>();
        List<String> previousCursors = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = page(prefix + "count=" + count + "&cursor=" + cursor);
            List<String> found = idsOf(page);
            assertFalse(page.has("startIndex"), page::toString);
            assertEquals(found.size(), page.path("itemsPerPage").asInt(), page::toString);
            assertTrue(found.size() <= count, page::toString);
            assertEquals(forward.isEmpty(), !page.has("previousCursor"), page::toString);
            forward.add(found);
            previousCursors.add(page.path("previousCursor").asText(null));
            cursor = page.path("nextCursor").asText("");
            assertTrue(forward.size() < 50, "the walk ends");
        } while (!cursor.isEmpty());
        assertFalse(forward.isEmpty());

        List<List<String>> backward = new ArrayList<>();
        backward.add(forward.get(forward.size() - 1));
        cursor = previousCursors.get(previousCursors.size() - 1);
        while (cursor != null) {
            JsonNode page = page(prefix + "count=" + count + "&cursor=" + cursor);
            assertFalse(page.has("startIndex"), page::toString);
            assertTrue(page.has("nextCursor"), () -> "a page before the last has a next page: " + page);
            backward.add(idsOf(page));
            cursor = page.path("previousCursor").asText(null);
            assertTrue(backward.size() < 50, "the walk ends");
        }
        Collections.reverse(backward);
        assertEquals(forward, backward, "walking back gives the same pages");
        return forward;
    }

    private void assertWalk(String query, int count, long expectedTotal) {
        List<String> expected = indexOrder(query);
        assertEquals(expectedTotal, expected.size(), query);
        List<List<String>> pages = walk(query, count);
        List<String> all = new ArrayList<>();
        pages.forEach(all::addAll);
        assertEquals(expected, all, () -> "pages of " + query + " are disjoint, complete and in order: " + pages);
        pages.subList(0, pages.size() - 1).forEach(p -> assertEquals(count, p.size(), pages::toString));
        JsonNode first = page((query.isEmpty() ? "" : query + "&") + "count=" + count + "&cursor=");
        assertEquals(expectedTotal, first.path("totalResults").asLong(), first::toString);
    }

    // --- walking ----------------------------------------------------------------------------------------------

    @Test
    void walksAllPagesForwardAndBackInCreationOrder() {
        assertWalk("", 3, 7);
        assertEquals(ids, indexOrder(""));
        assertWalk("", 1, 7);
        assertWalk("", 7, 7);
    }

    @Test
    void walksFilteredPages() {
        assertWalk("filter=" + encode("title pr"), 2, 4);
        assertWalk("filter=" + encode("userName sw \"zzz\""), 2, 0);
    }

    @Test
    void walksPagesSortedByAColumnAscendingAndDescending() {
        assertWalk("sortBy=userName", 2, 7);
        assertWalk("sortBy=userName&sortOrder=descending", 3, 7);
        assertWalk("filter=" + encode("userName ne \"bob@x.com\"") + "&sortBy=userName&sortOrder=descending", 4, 6);
    }

    @Test
    void walksPagesSortedByAnAttributeWithMissingValues() {
        assertWalk("sortBy=title", 2, 7);
        assertWalk("sortBy=title&sortOrder=descending", 2, 7);
    }

    @Test
    void anEmptyCursorWithoutValueAsksForTheFirstPage() {
        JsonNode page = page("cursor&count=2");
        assertEquals(ids.subList(0, 2), idsOf(page));
        assertTrue(page.has("nextCursor"), page::toString);
        assertFalse(page.has("previousCursor"), page::toString);
        assertEquals(7, page.path("totalResults").asInt());
    }

    @Test
    void aCursorRequestWithoutCountGetsTheDefaultPageSize() {
        JsonNode page = page("cursor=");
        assertEquals(ids, idsOf(page));
        assertFalse(page.has("nextCursor"), page::toString);
    }

    @Test
    void searchRequestsPageByCursorInTheBody() {
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            Reply reply = scim.post(USERS + "/.search", "{\"schemas\":[\"" + SEARCH_REQUEST + "\"],"
                    + "\"sortBy\":\"userName\",\"count\":3,\"cursor\":\"" + cursor + "\",\"attributes\":[\"userName\"]}");
            assertEquals(200, reply.status(), reply::toString);
            assertFalse(reply.json().has("startIndex"), reply::toString);
            seen.addAll(idsOf(reply.json()));
            cursor = reply.json().path("nextCursor").asText("");
        } while (!cursor.isEmpty());
        assertEquals(indexOrder("sortBy=userName"), seen);
    }

    @Test
    void groupsPageByCursorToo() {
        Set<String> groupIds = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Reply reply = scim.post(GROUPS, "{\"displayName\":\"group " + i + "\"}");
            assertEquals(201, reply.status(), reply::toString);
            groupIds.add(reply.text("id"));
        }
        Reply first = scim.get(GROUPS + "?cursor=&count=2&sortBy=displayName&sortOrder=descending");
        assertEquals(200, first.status(), first::toString);
        Reply second = scim.get(GROUPS + "?cursor=" + first.json().path("nextCursor").asText()
                + "&count=2&sortBy=displayName&sortOrder=descending");
        assertEquals(200, second.status(), second::toString);
        assertFalse(second.json().has("nextCursor"), second::toString);
        Set<String> seen = new HashSet<>(idsOf(first.json()));
        seen.addAll(idsOf(second.json()));
        assertEquals(groupIds, seen);
    }

    // --- stability under writes ---------------------------------------------------------------------------------

    @Test
    void writesBetweenPagesNeitherRepeatNorSkipWhatExisted() {
        List<String> expected = indexOrder("sortBy=userName");
        JsonNode first = page("sortBy=userName&count=3&cursor=");
        List<String> seen = new ArrayList<>(idsOf(first));
        // a user sorting before the page just read, and the deletion of one already read: an offset would shift
        create("aaron@x.com", "");
        assertEquals(204, scim.delete(USERS + "/" + seen.get(0)).status());
        String cursor = first.path("nextCursor").asText();
        while (!cursor.isEmpty()) {
            JsonNode page = page("sortBy=userName&count=3&cursor=" + cursor);
            seen.addAll(idsOf(page));
            cursor = page.path("nextCursor").asText("");
        }
        assertEquals(expected, seen, "every user that existed, once, in order");
    }

    @Test
    void resourcesCreatedDuringTheWalkComeAfterInCreationOrder() {
        JsonNode first = page("count=4&cursor=");
        String late = create("zed@x.com", "");
        JsonNode second = page("count=4&cursor=" + first.path("nextCursor").asText());
        List<String> all = new ArrayList<>(idsOf(first));
        all.addAll(idsOf(second));
        List<String> expected = new ArrayList<>(ids);
        expected.add(late);
        assertEquals(expected, all);
        assertEquals(8, second.path("totalResults").asInt());
    }

    // --- refusals ---------------------------------------------------------------------------------------------

    @Test
    void startIndexWithCursorIsRefused() {
        assertScimError(scim.get(USERS + "?cursor=&startIndex=1"), 400, "invalidValue");
        String next = page("count=2&cursor=").path("nextCursor").asText();
        assertScimError(scim.get(USERS + "?cursor=" + next + "&startIndex=3&count=2"), 400, "invalidValue");
        assertScimError(scim.post(USERS + "/.search", "{\"schemas\":[\"" + SEARCH_REQUEST + "\"],\"cursor\":\"\","
                + "\"startIndex\":1}"), 400, "invalidValue");
    }

    @Test
    void countOutsideOneToMaxPageSizeIsInvalidCount() {
        assertScimError(scim.get(USERS + "?cursor=&count=0"), 400, "invalidCount");
        assertScimError(scim.get(USERS + "?cursor=&count=-1"), 400, "invalidCount");
        assertScimError(scim.get(USERS + "?cursor=&count=1001"), 400, "invalidCount");
        assertEquals(7, page("cursor=&count=1000").path("itemsPerPage").asInt());
        // index paging keeps RFC 7644's rules: 0 asks for the total only, and too many is lowered
        JsonNode countOnly = page("count=0");
        assertEquals(7, countOnly.path("totalResults").asInt());
        assertEquals(0, countOnly.path("Resources").size());
        assertEquals(7, page("count=1001").path("itemsPerPage").asInt());
    }

    @Test
    void garbageOrAlteredCursorsAreInvalid() {
        assertScimError(scim.get(USERS + "?cursor=abc"), 400, "invalidCursor");
        assertScimError(scim.get(USERS + "?cursor=" + encode("not a cursor!")), 400, "invalidCursor");
        String next = page("count=2&cursor=").path("nextCursor").asText();
        int dot = next.indexOf('.');
        String payloadAltered = next.substring(0, 5) + (next.charAt(5) == 'A' ? 'B' : 'A') + next.substring(6);
        assertNotEquals(next, payloadAltered);
        assertScimError(scim.get(USERS + "?count=2&cursor=" + payloadAltered), 400, "invalidCursor");
        String signatureCut = next.substring(0, next.length() - 2);
        assertTrue(signatureCut.indexOf('.') == dot);
        assertScimError(scim.get(USERS + "?count=2&cursor=" + signatureCut), 400, "invalidCursor");
    }

    @Test
    void cursorsOfAnotherQueryTypeOrTenantAreInvalid() {
        String next = page("filter=" + encode("title pr") + "&sortBy=userName&count=1&cursor=")
                .path("nextCursor").asText();
        String same = "filter=" + encode("title pr") + "&sortBy=userName&count=1&cursor=" + next;
        assertEquals(200, scim.get(USERS + "?" + same).status());
        assertScimError(scim.get(USERS + "?filter=" + encode("title sw \"T\"") + "&sortBy=userName&cursor=" + next),
                400, "invalidCursor");
        assertScimError(scim.get(USERS + "?filter=" + encode("title pr") + "&sortBy=title&cursor=" + next),
                400, "invalidCursor");
        assertScimError(scim.get(USERS + "?filter=" + encode("title pr") + "&sortBy=userName&sortOrder=descending"
                + "&cursor=" + next), 400, "invalidCursor");
        assertScimError(scim.get(GROUPS + "?filter=" + encode("title pr") + "&sortBy=userName&cursor=" + next),
                400, "invalidCursor");
        Http other = newTenantClient();
        assertScimError(other.get(USERS + "?" + same), 400, "invalidCursor");
    }

    @Test
    void serviceProviderConfigAdvertisesBothPaginationMethods() {
        Reply reply = scim.get("/scim/v2/ServiceProviderConfig");
        assertEquals(200, reply.status(), reply::toString);
        JsonNode pagination = reply.json().path("pagination");
        assertTrue(pagination.path("cursor").asBoolean(false), reply::toString);
        assertTrue(pagination.path("index").asBoolean(false), reply::toString);
        assertEquals("index", pagination.path("defaultPaginationMethod").asText(), reply::toString);
        assertEquals(100, pagination.path("defaultPageSize").asInt(), reply::toString);
        assertEquals(1000, pagination.path("maxPageSize").asInt(), reply::toString);
        // LEADCAST_CURSOR_TIMEOUT of the server (failsafe's environment): the configured value, not the default
        int configured = Integer.getInteger("it.cursor.timeout");
        assertEquals(configured, pagination.path("cursorTimeout").asInt(), reply::toString);
    }
}
