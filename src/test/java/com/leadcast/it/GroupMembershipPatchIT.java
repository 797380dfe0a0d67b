package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PATCH of a group's {@code members} by value filter (RFC 7644 §3.5.2.2): removal of every member a filter matches,
 * whatever sub-attributes it compares, what a filter matching nothing does, what is refused, and that a PATCH
 * refused at a later operation changes nothing.
 */
class GroupMembershipPatchIT extends ScimTestBase {

    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[%s]}";

    private Http scim;
    private String alice;
    private String bob;
    private String carol;
    private String sales;
    private String support;
    private String group;

    /** A group of three users (Alice Martin, Bob Stone, carol without displayName) and two nested groups. */
    @BeforeEach
    void population() {
        scim = newTenantClient();
        alice = createUser(uniqueName("alice"), "Alice Martin");
        bob = createUser(uniqueName("bob"), "Bob Stone");
        carol = createUser("carol-" + UUID.randomUUID() + "@example.com", null);
        sales = createGroup("Sales Team " + UUID.randomUUID());
        support = createGroup("Support " + UUID.randomUUID());
        group = createGroup("All " + UUID.randomUUID(), alice, bob, carol, sales, support);
    }

    @Test
    void removeByTypeGroupRemovesTheNestedGroupsOnly() {
        assertEquals(204, remove("type eq \\\"Group\\\"").status());
        assertEquals(Set.of(alice, bob, carol), memberIds());
        // the nested groups themselves are untouched
        assertEquals(200, scim.get(GROUPS + "/" + sales).status());
    }

    @Test
    void typeComparesCaseInsensitively() {
        assertEquals(204, remove("type eq \\\"user\\\"").status());
        assertEquals(Set.of(sales, support), memberIds());
    }

    @Test
    void removeByAnOrOfValuesRemovesExactlyThoseMembers() {
        Reply reply = remove("value eq \\\"" + alice + "\\\" or value eq \\\"" + sales + "\\\" or value eq \\\""
                + UUID.randomUUID() + "\\\"");
        assertEquals(204, reply.status(), reply::toString);
        assertEquals(Set.of(bob, carol, support), memberIds());
    }

    @Test
    void removeByDisplayMatchesTheMembersNamesCaseInsensitively() {
        // a user's display is its displayName, else its userName; a group's its displayName
        assertEquals(204, remove("display sw \\\"alice m\\\"").status());
        assertEquals(Set.of(bob, carol, sales, support), memberIds());
        assertEquals(204, remove("display sw \\\"CAROL-\\\" or display co \\\"team\\\"").status());
        assertEquals(Set.of(bob, support), memberIds());
    }

    @Test
    void removeByACombinedFilterWithNot() {
        Reply reply = remove("not (type eq \\\"User\\\") and not (display sw \\\"support\\\") or value eq \\\"" + bob
                + "\\\"");
        assertEquals(204, reply.status(), reply::toString);
        assertEquals(Set.of(alice, carol, support), memberIds());
    }

    @Test
    void removeByAFilterMatchingEveryMemberEmptiesTheGroup() {
        assertEquals(204, remove("value pr").status());
        assertEquals(Set.of(), memberIds());
        JsonNode read = scim.get(GROUPS + "/" + group).json();
        assertTrue(!read.has("members") || read.path("members").isEmpty(), read::toString);
    }

    @Test
    void aFilterMatchingNoMemberSucceedsAndChangesNothingNotEvenTheVersion() {
        String etag = scim.get(GROUPS + "/" + group).header("ETag").orElseThrow();
        for (String filter : new String[]{"value eq \\\"" + UUID.randomUUID() + "\\\"", "type eq \\\"Robot\\\"",
                "display co \\\"nobody\\\" and type eq \\\"User\\\"", "value eq null"}) {
            Reply reply = remove(filter);
            assertEquals(204, reply.status(), () -> filter + " -> " + reply);
            assertEquals(etag, reply.header("ETag").orElseThrow(), filter);
        }
        assertEquals(Set.of(alice, bob, carol, sales, support), memberIds());
        assertEquals(etag, scim.get(GROUPS + "/" + group).header("ETag").orElseThrow());
    }

    @Test
    void aRemovalThatRemovesSomethingMovesTheVersion() {
        String etag = scim.get(GROUPS + "/" + group).header("ETag").orElseThrow();
        Reply reply = remove("type eq \\\"Group\\\"");
        assertEquals(204, reply.status(), reply::toString);
        assertNotEquals(etag, reply.header("ETag").orElseThrow());
        assertEquals(reply.header("ETag").orElseThrow(), scim.get(GROUPS + "/" + group).header("ETag").orElseThrow());
    }

    @Test
    void aFilterOnASubAttributeMembersDoNotHaveIsInvalidFilterSayingWhichTheyHave() {
        JsonNode error = assertScimError(remove("shoeSize eq \\\"42\\\""), 400, "invalidFilter");
        String detail = error.path("detail").asText();
        assertTrue(detail.contains("shoeSize") && detail.contains("value, type or display"), detail);
        assertTrue(detail.startsWith("Operations[0]"), detail);
        JsonNode ref = assertScimError(remove("$ref eq \\\"" + root() + USERS + "/" + alice + "\\\""), 400,
                "invalidFilter");
        assertTrue(ref.path("detail").asText().contains("$ref"), ref::toString);
        assertEquals(Set.of(alice, bob, carol, sales, support), memberIds());
    }

    @Test
    void aMalformedMemberPathIsInvalidPath() {
        assertScimError(remove("value eq"), 400, "invalidPath");
    }

    @Test
    void replaceOfFilteredMembersIsInvalidPathAndChangesNothing() {
        Reply reply = scim.patch(GROUPS + "/" + group, op("{\"op\":\"replace\",\"path\":\"members[value eq \\\""
                + alice + "\\\"]\",\"value\":{\"value\":\"" + bob + "\"}}"));
        JsonNode error = assertScimError(reply, 400, "invalidPath");
        assertTrue(error.path("detail").asText().contains("immutable"), error::toString);
        assertEquals(Set.of(alice, bob, carol, sales, support), memberIds());
    }

    @Test
    void aPatchRefusedAtALaterOperationRemovesNoMember() {
        String name = scim.get(GROUPS + "/" + group).json().path("displayName").asText();
        // an invalid filter after a valid removal
        assertScimError(scim.patch(GROUPS + "/" + group, op(removeOp("type eq \\\"Group\\\"") + ","
                + removeOp("shoeSize eq 1"))), 400, "invalidFilter");
        // an unknown member to add after a valid removal
        assertScimError(scim.patch(GROUPS + "/" + group, op(removeOp("type eq \\\"User\\\"") + ","
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + UUID.randomUUID() + "\"}]}")),
                400, "invalidValue");
        // a display name another group has, after a valid removal: refused when the group is written
        String taken = scim.get(GROUPS + "/" + sales).json().path("displayName").asText();
        assertScimError(scim.patch(GROUPS + "/" + group, op(removeOp("value pr") + ","
                + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + taken + "\"}")), 409, "uniqueness");

        JsonNode read = scim.get(GROUPS + "/" + group).json();
        assertEquals(name, read.path("displayName").asText());
        assertEquals(Set.of(alice, bob, carol, sales, support), memberIds());
    }

    @Test
    void membersDisplayFiltersGroupsInQueriesToo() {
        Reply byDisplay = scim.get(GROUPS + "?excludedAttributes=members&filter="
                + enc("members[display eq \"bob stone\"]"));
        assertEquals(200, byDisplay.status(), byDisplay::toString);
        assertEquals(1, byDisplay.json().path("totalResults").asInt(), byDisplay::toString);
        assertEquals(group, byDisplay.json().path("Resources").path(0).path("id").asText());
        Reply none = scim.get(GROUPS + "?filter=" + enc("members.display co \"nobody\""));
        assertEquals(0, none.json().path("totalResults").asInt(), none::toString);
        Reply users = scim.get(USERS + "?filter=" + enc("groups[display sw \"all \"]"));
        assertEquals(3, users.json().path("totalResults").asInt(), users::toString);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** PATCH removing {@code members[filter]}; the filter is written as it appears inside a JSON string. */
    private Reply remove(String filter) {
        return scim.patch(GROUPS + "/" + group, op(removeOp(filter)));
    }

    private static String removeOp(String filter) {
        return "{\"op\":\"remove\",\"path\":\"members[" + filter + "]\"}";
    }

    private static String op(String operations) {
        return String.format(PATCH_OP, operations);
    }

    private String createUser(String userName, String displayName) {
        Reply reply = scim.post(USERS, "{\"userName\":\"" + userName + "\""
                + (displayName == null ? "" : ",\"displayName\":\"" + displayName + "\"") + "}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }

    private String createGroup(String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        Reply reply = scim.post(GROUPS, "{\"displayName\":\"" + displayName + "\",\"members\":[" + members + "]}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }

    private Set<String> memberIds() {
        Set<String> ids = new TreeSet<>();
        scim.get(GROUPS + "/" + group).json().path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }
}
