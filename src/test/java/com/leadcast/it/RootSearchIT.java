package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /.search} at the root (RFC 7644 §3.4.3): Users then Groups, or one order across both by
 * {@code sortBy}, paged across both by index or by cursor (RFC 9865).
 */
class RootSearchIT extends ScimTestBase {

    private static final String SEARCH = "/scim/v2/.search";
    private static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    private Http scim;

    @BeforeEach
    void population() {
        scim = newTenantClient();
        for (String name : List.of("u1", "u2", "u3")) {
            createUser(name);
        }
        for (String name : List.of("g1", "g2")) {
            createGroup(name);
        }
    }

    private void createUser(String name) {
        assertEquals(201, scim.post(USERS, "{\"userName\":\"" + name + "@x.com\",\"displayName\":\"D " + name + "\"}")
                .status());
    }

    private void createGroup(String name) {
        assertEquals(201, scim.post(GROUPS, "{\"displayName\":\"D " + name + "\"}").status());
    }

    /** Users and Groups created alternately, so that their creation times interleave. */
    private void interleaved() {
        createUser("u4");
        createGroup("g3");
        createUser("u5");
        createGroup("g4");
    }

    private JsonNode search(String body) {
        Reply reply = scim.post(SEARCH, body);
        assertEquals(200, reply.status(), () -> body + " -> " + reply);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON));
        return reply.json();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("Resources").forEach(r -> names.add(r.path("displayName").asText().substring(2)));
        return names;
    }

    /** The names of every resource, in the order of {@code order} over their representations. */
    private List<String> sortedNames(Comparator<JsonNode> order) {
        List<JsonNode> all = new ArrayList<>();
        search("{\"count\":1000}").path("Resources").forEach(all::add);
        all.sort(order);
        return all.stream().map(r -> r.path("displayName").asText().substring(2)).toList();
    }

    private static Comparator<JsonNode> byCreated() {
        return Comparator.comparing(r -> Instant.parse(r.path("meta").path("created").asText()));
    }

    private static final Comparator<JsonNode> BY_ID = Comparator.comparing(r -> r.path("id").asText());

    // --- without sortBy -----------------------------------------------------------------------------------------

    @Test
    void searchesUsersThenGroups() {
        JsonNode all = search("{\"schemas\":[\"" + SEARCH_REQUEST + "\"]}");
        assertEquals(5, all.path("totalResults").asInt());
        assertEquals(List.of("u1", "u2", "u3", "g1", "g2"), names(all));
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:Group",
                all.path("Resources").path(3).path("schemas").path(0).asText());
    }

    @Test
    void attributesNamingOneTypesAttributesLeaveTheOtherTypesResourcesWithWhatIsAlwaysReturned() {
        JsonNode all = search("{\"schemas\":[\"" + SEARCH_REQUEST + "\"],\"attributes\":[\"userName\"]}");

        assertEquals(5, all.path("Resources").size(), all::toString);
        for (int i = 0; i < 3; i++) {
            JsonNode user = all.path("Resources").path(i);
            assertTrue(user.path("userName").asText().endsWith("@x.com"), user::toString);
            assertFalse(user.has("displayName"), user::toString);
        }
        for (int i = 3; i < 5; i++) {
            JsonNode group = all.path("Resources").path(i);
            assertTrue(group.has("id") && !group.has("displayName") && !group.has("members"), group::toString);
        }
    }

    @Test
    void pagesAcrossBothResourceTypes() {
        JsonNode page = search("{\"startIndex\":3,\"count\":2}");
        assertEquals(5, page.path("totalResults").asInt());
        assertEquals(3, page.path("startIndex").asInt());
        assertEquals(2, page.path("itemsPerPage").asInt());
        assertEquals(List.of("u3", "g1"), names(page));
        assertEquals(List.of("g2"), names(search("{\"startIndex\":5,\"count\":10}")));
        assertEquals(List.of(), names(search("{\"startIndex\":9}")));
    }

    // --- filters (RFC 7644 §3.4.2: applied to each resource type) -----------------------------------------------

    /** A search with {@code filter}, written with backticks for its quotes, and further members of the request. */
    private JsonNode filtered(String filter, String... members) {
        return search("{\"filter\":\"" + filter.replace("`", "\\\"") + "\""
                + (members.length == 0 ? "" : "," + String.join(",", members)) + "}");
    }

    @Test
    void anAttributeOnlyOneTypeHasIsNotPresentOnTheOthersResources() {
        assertEquals(List.of("u2", "g2"), names(filtered("displayName ew `2` or userName eq `x`")));
        JsonNode either = filtered("displayName ew `2` or userName eq `u1@x.com`");
        assertEquals(List.of("u1", "u2", "g2"), names(either));
        assertEquals(3, either.path("totalResults").asInt(), either::toString);
        assertEquals(List.of(), names(filtered("userName eq `x`")));
        assertEquals(List.of("u1"), names(filtered("userName eq `u1@x.com`")));
        assertEquals(List.of("u1", "u2", "u3"), names(filtered("userName sw `u`")));
        assertEquals(List.of("u2", "u3", "g1", "g2"), names(filtered("userName ne `u1@x.com`")));
        assertEquals(List.of("g1", "g2"), names(filtered("userName eq null")));
        JsonNode withoutUserName = filtered("not (userName pr)");
        assertEquals(List.of("g1", "g2"), names(withoutUserName));
        assertEquals(2, withoutUserName.path("totalResults").asInt(), withoutUserName::toString);
        assertEquals(List.of("u1", "u2", "u3"), names(filtered("not (not (userName pr))")));
        assertEquals(List.of("g1"), names(filtered("not (emails[type eq `work`] or displayName ew `2`) "
                + "and displayName sw `D g`")));
    }

    @Test
    void aValueFilterOnGroupMembersFindsTheGroup() {
        String u1 = filtered("userName eq `u1@x.com`").path("Resources").path(0).path("id").asText();
        assertEquals(201, scim.post(GROUPS, "{\"displayName\":\"D g3\",\"members\":[{\"value\":\"" + u1 + "\"}]}")
                .status());
        assertEquals(List.of("g3"), names(filtered("members[value eq `" + u1 + "`]")));
        assertEquals(List.of("g3"), names(filtered("members[value eq `" + u1 + "` and type eq `User`]")));
        assertEquals(List.of("u1", "g3"), names(filtered("groups.display eq `D g3` or members.value eq `" + u1 + "`")));
        assertEquals(List.of("u1", "u2", "u3", "g1", "g2"), names(filtered("not (members pr)")));
    }

    @Test
    void filtersOnOneTypesAttributesPageAndSortAcrossBoth() {
        assertEquals(List.of("g1", "g2"), names(filtered("userName ne `u1@x.com`", "\"startIndex\":3",
                "\"count\":2")));
        assertEquals(List.of("g2", "u1", "u2"), names(filtered("displayName ew `2` or userName eq `u1@x.com`",
                "\"sortBy\":\"displayName\"")));
        assertEquals(List.of("u1", "u2", "g2"), names(filtered("displayName ew `2` or userName eq `u1@x.com`",
                "\"sortBy\":\"userName\"")));
        assertWalk("\"filter\":\"displayName ew \\\"2\\\" or userName eq \\\"u1@x.com\\\"\","
                + "\"sortBy\":\"displayName\"", 1);
        assertWalk("\"filter\":\"not (userName eq \\\"u2@x.com\\\")\"", 2);
    }

    // --- sortBy -------------------------------------------------------------------------------------------------

    @Test
    void sortsBothTypesTogetherByMetaCreated() {
        interleaved();
        List<String> ascending = sortedNames(byCreated().thenComparing(BY_ID));
        assertEquals(List.of("u1", "u2", "u3", "g1", "g2", "u4", "g3", "u5", "g4"), ascending);
        assertEquals(ascending, names(search("{\"sortBy\":\"meta.created\"}")));
        assertEquals(sortedNames(byCreated().reversed().thenComparing(BY_ID)),
                names(search("{\"sortBy\":\"meta.created\",\"sortOrder\":\"descending\"}")));
        assertEquals(9, search("{\"sortBy\":\"meta.created\"}").path("totalResults").asInt());
    }

    @Test
    void sortsBothTypesTogetherByDisplayName() {
        interleaved();
        assertEquals(List.of("g1", "g2", "g3", "g4", "u1", "u2", "u3", "u4", "u5"),
                names(search("{\"sortBy\":\"displayName\"}")));
        assertEquals(List.of("u5", "u4", "u3", "u2", "u1", "g4", "g3", "g2", "g1"),
                names(search("{\"sortBy\":\"DisplayName\",\"sortOrder\":\"descending\"}")));
        assertEquals(List.of("g2", "u2"),
                names(search("{\"filter\":\"displayName ew \\\"2\\\"\",\"sortBy\":\"displayName\"}")));
    }

    @Test
    void anAttributeOnlyUsersHaveSortsGroupsAsMissingValues() {
        interleaved();
        // ascending: missing values last, in creation order; descending: first
        assertEquals(List.of("u1", "u2", "u3", "u4", "u5", "g1", "g2", "g3", "g4"),
                names(search("{\"sortBy\":\"userName\"}")));
        assertEquals(List.of("g1", "g2", "g3", "g4", "u5", "u4", "u3", "u2", "u1"),
                names(search("{\"sortBy\":\"userName\",\"sortOrder\":\"descending\"}")));
    }

    @Test
    void indexPagesOfASortedSearchGiveEachResourceOnce() {
        interleaved();
        for (String sort : List.of("\"sortBy\":\"displayName\"", "\"sortBy\":\"userName\",\"sortOrder\":\"descending\"",
                "\"sortBy\":\"meta.created\"")) {
            List<String> all = names(search("{" + sort + "}"));
            assertEquals(9, all.size());
            for (int count = 1; count <= 4; count++) {
                List<String> seen = new ArrayList<>();
                for (int start = 1; start <= 9; start += count) {
                    JsonNode page = search("{" + sort + ",\"startIndex\":" + start + ",\"count\":" + count + "}");
                    assertEquals(9, page.path("totalResults").asInt(), page::toString);
                    assertEquals(start, page.path("startIndex").asInt(), page::toString);
                    assertEquals(Math.min(count, 10 - start), page.path("itemsPerPage").asInt(), page::toString);
                    seen.addAll(names(page));
                }
                assertEquals(all, seen, sort + " in pages of " + count);
            }
            assertEquals(List.of(), names(search("{" + sort + ",\"startIndex\":10}")));
            JsonNode totalOnly = search("{" + sort + ",\"count\":0}");
            assertEquals(9, totalOnly.path("totalResults").asInt());
            assertEquals(0, totalOnly.path("Resources").size());
        }
    }

    // --- cursors ------------------------------------------------------------------------------------------------

    /**
     * Walks every page forward from an empty cursor, then back from the last page through previousCursor, checking
     * the RFC 9865 members on the way; returns the pages, which walking back gives the same.
     */
    private List<List<String>> walk(String query, int count) {
        String prefix = "{" + (query.isEmpty() ? "" : query + ",") + "\"count\":" + count + ",\"cursor\":\"";
        List<List<String>> forward = new ArrayList<>();
        List<String> previousCursors = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = search(prefix + cursor + "\"}");
            List<String> found = names(page);
            assertFalse(page.has("startIndex"), page::toString);
            assertEquals(found.size(), page.path("itemsPerPage").asInt(), page::toString);
            assertTrue(found.size() <= count, page::toString);
            assertEquals(forward.isEmpty(), !page.has("previousCursor"), page::toString);
            forward.add(found);
            previousCursors.add(page.path("previousCursor").asText(null));
            cursor = page.path("nextCursor").asText("");
            assertTrue(forward.size() < 50, "the walk ends");
        } while (!cursor.isEmpty());

        List<List<String>> backward = new ArrayList<>();
        backward.add(forward.get(forward.size() - 1));
        cursor = previousCursors.get(previousCursors.size() - 1);
        while (cursor != null) {
            JsonNode page = search(prefix + cursor + "\"}");
            assertTrue(page.has("nextCursor"), () -> "a page before the last has a next page: " + page);
            backward.add(names(page));
            cursor = page.path("previousCursor").asText(null);
            assertTrue(backward.size() < 50, "the walk ends");
        }
        Collections.reverse(backward);
        assertEquals(forward, backward, "walking back gives the same pages");
        return forward;
    }

    private void assertWalk(String query, int count) {
        List<String> expected = names(search("{" + query + (query.isEmpty() ? "" : ",") + "\"count\":1000}"));
        List<List<String>> pages = walk(query, count);
        List<String> all = new ArrayList<>();
        pages.forEach(all::addAll);
        assertEquals(expected, all, () -> query + ": pages are disjoint, complete and in order: " + pages);
        assertEquals(new HashSet<>(all).size(), all.size(), "each resource once");
        pages.subList(0, pages.size() - 1).forEach(p -> assertEquals(count, p.size(), pages::toString));
    }

    @Test
    void cursorsWalkBothTypesInEveryOrder() {
        interleaved();
        for (int count : new int[]{1, 2, 4, 9}) {
            assertWalk("", count);
            assertWalk("\"sortBy\":\"displayName\"", count);
            assertWalk("\"sortBy\":\"meta.created\",\"sortOrder\":\"descending\"", count);
            assertWalk("\"sortBy\":\"userName\"", count);
            assertWalk("\"sortBy\":\"userName\",\"sortOrder\":\"descending\"", count);
        }
        assertEquals(List.of(List.of("u1", "u2", "u3", "u4"), List.of("u5", "g1", "g2", "g3"), List.of("g4")),
                walk("", 4));
    }

    @Test
    void cursorPagesCarryTheTotalAndFollowTheFilter() {
        JsonNode first = search("{\"filter\":\"displayName ew \\\"2\\\" or displayName eq \\\"D u1\\\"\","
                + "\"sortBy\":\"displayName\",\"count\":2,\"cursor\":\"\"}");
        assertEquals(3, first.path("totalResults").asInt(), first::toString);
        assertEquals(List.of("g2", "u1"), names(first));
        JsonNode second = search("{\"filter\":\"displayName ew \\\"2\\\" or displayName eq \\\"D u1\\\"\","
                + "\"sortBy\":\"displayName\",\"count\":2,\"cursor\":\"" + first.path("nextCursor").asText() + "\"}");
        assertEquals(List.of("u2"), names(second));
        assertFalse(second.has("nextCursor"), second::toString);
        assertEquals(3, second.path("totalResults").asInt(), second::toString);
        assertWalk("\"filter\":\"userName sw \\\"u\\\"\",\"sortBy\":\"displayName\"", 2);
    }

    @Test
    void resourcesCreatedDuringACursorWalkAreSeenOnceAtTheirPlace() {
        JsonNode first = search("{\"sortBy\":\"meta.created\",\"count\":3,\"cursor\":\"\"}");
        assertEquals(List.of("u1", "u2", "u3"), names(first));
        createGroup("g9");
        createUser("u9");
        List<String> seen = new ArrayList<>(names(first));
        String cursor = first.path("nextCursor").asText();
        while (!cursor.isEmpty()) {
            JsonNode page = search("{\"sortBy\":\"meta.created\",\"count\":3,\"cursor\":\"" + cursor + "\"}");
            seen.addAll(names(page));
            cursor = page.path("nextCursor").asText("");
        }
        assertEquals(List.of("u1", "u2", "u3", "g1", "g2", "g9", "u9"), seen);
    }

    @Test
    void cursorsOfAnotherQueryEndpointOrTenantAreInvalid() {
        String next = search("{\"sortBy\":\"displayName\",\"count\":2,\"cursor\":\"\"}").path("nextCursor").asText();
        assertEquals(200, scim.post(SEARCH, "{\"sortBy\":\"displayName\",\"count\":2,\"cursor\":\"" + next + "\"}")
                .status());
        assertScimError(scim.post(SEARCH, "{\"sortBy\":\"userName\",\"count\":2,\"cursor\":\"" + next + "\"}"), 400,
                "invalidCursor");
        assertScimError(scim.post(SEARCH, "{\"sortBy\":\"displayName\",\"sortOrder\":\"descending\",\"cursor\":\""
                + next + "\"}"), 400, "invalidCursor");
        assertScimError(scim.post(SEARCH, "{\"filter\":\"displayName pr\",\"sortBy\":\"displayName\",\"cursor\":\""
                + next + "\"}"), 400, "invalidCursor");
        assertScimError(scim.post(USERS + "/.search", "{\"sortBy\":\"displayName\",\"cursor\":\"" + next + "\"}"), 400,
                "invalidCursor");
        assertScimError(newTenantClient().post(SEARCH, "{\"sortBy\":\"displayName\",\"cursor\":\"" + next + "\"}"), 400,
                "invalidCursor");
        String users = scim.post(USERS + "/.search", "{\"sortBy\":\"displayName\",\"count\":1,\"cursor\":\"\"}")
                .json().path("nextCursor").asText();
        assertScimError(scim.post(SEARCH, "{\"sortBy\":\"displayName\",\"cursor\":\"" + users + "\"}"), 400,
                "invalidCursor");
    }

    @Test
    void garbageOrAlteredCursorsAreInvalid() {
        assertScimError(scim.post(SEARCH, "{\"cursor\":\"abc\"}"), 400, "invalidCursor");
        assertScimError(scim.post(SEARCH, "{\"cursor\":\"not a cursor!\"}"), 400, "invalidCursor");
        String next = search("{\"count\":2,\"cursor\":\"\"}").path("nextCursor").asText();
        String altered = next.substring(0, 5) + (next.charAt(5) == 'A' ? 'B' : 'A') + next.substring(6);
        assertNotEquals(next, altered);
        assertScimError(scim.post(SEARCH, "{\"count\":2,\"cursor\":\"" + altered + "\"}"), 400, "invalidCursor");
        assertScimError(scim.post(SEARCH, "{\"count\":2,\"cursor\":\"" + next.substring(0, next.length() - 2) + "\"}"),
                400, "invalidCursor");
    }

    @Test
    void cursorRequestsRefuseStartIndexAndCountsOutOfRange() {
        assertScimError(scim.post(SEARCH, "{\"cursor\":\"\",\"startIndex\":1}"), 400, "invalidValue");
        assertScimError(scim.post(SEARCH, "{\"cursor\":\"\",\"count\":0}"), 400, "invalidCount");
        assertScimError(scim.post(SEARCH, "{\"cursor\":\"\",\"count\":1001}"), 400, "invalidCount");
    }

    // --- refusals -----------------------------------------------------------------------------------------------

    /** The detail of the {@code 400 invalidFilter} of a search with {@code filter} (backticks for quotes). */
    private String refusedFilter(String filter) {
        Reply reply = scim.post(SEARCH, "{\"filter\":\"" + filter.replace("`", "\\\"") + "\"}");
        return assertScimError(reply, 400, "invalidFilter").path("detail").asText();
    }

    @Test
    void refusesFiltersThatNoTypeCanAnswer() {
        String unknown = refusedFilter("shoeSize eq 1");
        assertTrue(unknown.contains("'shoeSize'") && unknown.contains("User or Group"), unknown);
        assertTrue(refusedFilter("displayName ew `2` or shoeSize pr").contains("'shoeSize'"));
        // an operator the attribute's type does not allow, in one branch of an or, by the type that has it
        assertTrue(refusedFilter("displayName ew `2` or active gt true").contains("'active' is a boolean"));
        assertTrue(refusedFilter("userName eq `x` or members.$ref co `Users`").contains("members.$ref"));
        assertTrue(refusedFilter("userName eq `x` or emails[kind eq `work`]").contains("'kind'"));
        assertTrue(refusedFilter("not (userName gt null)").contains("null"));
        assertEquals("password is write-only and cannot be filtered on",
                refusedFilter("displayName ew `2` or password eq `secret`"));
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertScimError(scim.post(SEARCH, "{\"filter\":\"shoeSize eq 1\"}"), 400, "invalidFilter");
        JsonNode sort = assertScimError(scim.post(SEARCH, "{\"sortBy\":\"shoeSize\"}"), 400, "invalidValue");
        assertTrue(sort.path("detail").asText().contains("User or Group"), sort::toString);
        assertScimError(scim.post(SEARCH, "{\"sortBy\":\"members\"}"), 400, "invalidValue");
        assertScimError(scim.post(SEARCH, "{\"sortBy\":\"password\"}"), 400, "invalidValue");
        assertScimError(scim.post(SEARCH, "{\"sortBy\":\"displayName\",\"sortOrder\":\"sideways\"}"), 400,
                "invalidValue");
        assertScimError(scim.post(SEARCH, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}"), 400,
                "invalidSyntax");
    }
}
