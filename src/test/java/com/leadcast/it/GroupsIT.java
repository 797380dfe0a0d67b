package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /Groups} over HTTP (RFC 7643 §4.2, RFC 7644 §3) as Microsoft Entra ID and other clients use it: members,
 * the users' derived {@code groups}, both PATCH dialects for membership, PUT, DELETE, uniqueness, filters and paging.
 */
class GroupsIT extends ScimTestBase {

    private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[%s]}";

    // --- create and read ------------------------------------------------------------------------------------------

    @Test
    void createWithMembersAnswers201WithLocationMetaAndMembers() {
        Http scim = newTenantClient();
        String alice = createUser(scim, uniqueName("alice"), "Alice Moreau");
        String bobName = uniqueName("bob");
        String bob = createUser(scim, bobName, null);
        String name = "Sales " + UUID.randomUUID();

        Reply created = scim.post(GROUPS, "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"externalId\":\"ext-1\","
                + "\"displayName\":\"" + name + "\",\"members\":[{\"value\":\"" + alice + "\"},{\"value\":\"" + bob
                + "\"}]}");

        assertEquals(201, created.status(), created::toString);
        assertTrue(created.contentType().startsWith(Http.SCIM_JSON), created::contentType);
        JsonNode group = created.json();
        String id = group.path("id").asText();
        String location = root() + GROUPS + "/" + id;
        assertEquals(location, created.header("Location").orElse(null));
        assertEquals(GROUP_SCHEMA, group.path("schemas").path(0).asText());
        assertEquals(1, group.path("schemas").size(), created::toString);
        assertEquals(name, group.path("displayName").asText());
        assertEquals("ext-1", group.path("externalId").asText());
        JsonNode meta = group.path("meta");
        assertEquals("Group", meta.path("resourceType").asText());
        assertEquals(location, meta.path("location").asText());
        assertTrue(meta.path("created").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), meta::toString);
        assertEquals(meta.path("created").asText(), meta.path("lastModified").asText(), meta::toString);
        assertTrue(meta.path("version").asText().startsWith("W/\""), meta::toString);
        assertMember(group, alice, "User", "Alice Moreau");
        assertMember(group, bob, "User", bobName);
        assertEquals(2, group.path("members").size(), created::toString);

        Reply read = scim.get(GROUPS + "/" + id);
        assertEquals(200, read.status(), read::toString);
        assertTrue(read.contentType().startsWith(Http.SCIM_JSON), read::contentType);
        assertEquals(name, read.json().path("displayName").asText());
        assertEquals(location, read.json().path("meta").path("location").asText());
        assertMember(read.json(), alice, "User", "Alice Moreau");
        assertMember(read.json(), bob, "User", bobName);
        assertEquals(2, read.json().path("members").size(), read::toString);
    }

    @Test
    void entraCreateWithMicrosoftSchemaEmptyMembersAndMetaIsAccepted() {
        Http scim = newTenantClient();
        String name = "dm_group_" + UUID.randomUUID();
        Reply created = scim.post(GROUPS, "{\"schemas\":[\"" + GROUP_SCHEMA + "\","
                + "\"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group\"],"
                + "\"externalId\":\"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159\",\"displayName\":\"" + name + "\","
                + "\"members\":[],\"meta\":{\"resourceType\":\"Group\"}}");
        assertEquals(201, created.status(), created::toString);
        assertEquals(name, created.text("displayName"));
        assertEquals("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159", created.text("externalId"));
        assertEquals(0, created.json().path("members").size(), created::toString);
    }

    @Test
    void excludedAttributesMembersLeavesMembersOutOfGetAndList() {
        Http scim = newTenantClient();
        String user = createUser(scim, uniqueName("u"), null);
        String name = "Team " + UUID.randomUUID();
        String id = createGroup(scim, name, user);

        Reply one = scim.get(GROUPS + "/" + id + "?excludedAttributes=members");
        assertEquals(200, one.status(), one::toString);
        assertFalse(one.json().has("members"), one::toString);
        assertEquals(name, one.text("displayName"));
        assertEquals(id, one.text("id"));

        Reply list = scim.get(GROUPS + "?excludedAttributes=members&filter=displayName+eq+%22" + enc(name) + "%22");
        assertEquals(200, list.status(), list::toString);
        assertEquals(1, list.json().path("totalResults").asInt(), list::toString);
        JsonNode found = list.json().path("Resources").path(0);
        assertEquals(id, found.path("id").asText());
        assertFalse(found.has("members"), list::toString);

        Reply withMembers = scim.get(GROUPS + "?filter=displayName+eq+%22" + enc(name) + "%22");
        assertEquals(user, withMembers.json().path("Resources").path(0).path("members").path(0).path("value").asText(),
                withMembers::toString);
    }

    @Test
    void entraGroupProbeWithRandomGuidIsAnEmptyListResponse() {
        Http scim = newTenantClient();
        createGroup(scim, "Existing " + UUID.randomUUID());
        Reply reply = scim.get(GROUPS + "?excludedAttributes=members&filter=displayName+eq+%22" + UUID.randomUUID()
                + "%22");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
        JsonNode body = reply.json();
        assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse", body.path("schemas").path(0).asText());
        assertEquals(0, body.path("totalResults").asInt());
        assertTrue(body.path("Resources").isArray(), reply::toString);
        assertEquals(0, body.path("Resources").size());
        assertEquals(1, body.path("startIndex").asInt());
        assertEquals(0, body.path("itemsPerPage").asInt());
    }

    // --- the users' derived groups --------------------------------------------------------------------------------

    @Test
    void usersGroupsAttributeIsDerivedFromMembershipsAndDisappearsWhenRemoved() {
        Http scim = newTenantClient();
        String user = createUser(scim, uniqueName("member"), null);
        String name = "Engineering " + UUID.randomUUID();
        String group = createGroup(scim, name, user);

        Reply read = scim.get(USERS + "/" + user);
        assertEquals(200, read.status(), read::toString);
        JsonNode groups = read.json().path("groups");
        assertEquals(1, groups.size(), read::toString);
        assertEquals(group, groups.path(0).path("value").asText());
        assertEquals(name, groups.path(0).path("display").asText());
        assertEquals(root() + GROUPS + "/" + group, groups.path(0).path("$ref").asText());
        assertEquals("direct", groups.path(0).path("type").asText());

        assertEquals(204, scim.patch(GROUPS + "/" + group, op("{\"op\":\"Remove\",\"path\":\"members\","
                + "\"value\":[{\"value\":\"" + user + "\"}]}")).status());

        Reply after = scim.get(USERS + "/" + user);
        assertEquals(200, after.status(), after::toString);
        assertFalse(after.json().has("groups"), after::toString);
    }

    @Test
    void usersGroupsListsEveryGroupOfTheUser() {
        Http scim = newTenantClient();
        String user = createUser(scim, uniqueName("multi"), null);
        String first = createGroup(scim, "A " + UUID.randomUUID(), user);
        String second = createGroup(scim, "B " + UUID.randomUUID(), user);
        createGroup(scim, "C " + UUID.randomUUID());

        JsonNode groups = scim.get(USERS + "/" + user).json().path("groups");
        Set<String> ids = new TreeSet<>();
        groups.forEach(g -> ids.add(g.path("value").asText()));
        assertEquals(new TreeSet<>(List.of(first, second)), ids, groups::toString);
    }

    // --- PATCH: membership ------------------------------------------------------------------------------------------

    @Test
    void patchAddMembersInEntraDefaultDialectAnswers204AndGetShowsThem() {
        Http scim = newTenantClient();
        String alice = createUser(scim, uniqueName("alice"), "Alice");
        String bob = createUser(scim, uniqueName("bob"), "Bob");
        String group = createGroup(scim, "G " + UUID.randomUUID());

        Reply patched = scim.patch(GROUPS + "/" + group, op("{\"op\":\"Add\",\"path\":\"members\",\"value\":["
                + "{\"$ref\":null,\"value\":\"" + alice + "\"},{\"value\":\"" + bob + "\"}]}"));
        assertEquals(204, patched.status(), patched::toString);
        assertTrue(patched.body().isEmpty(), patched::toString);

        JsonNode read = scim.get(GROUPS + "/" + group).json();
        assertEquals(Set.of(alice, bob), memberIds(read));
        assertMember(read, alice, "User", "Alice");
        assertMember(read, bob, "User", "Bob");
    }

    @Test
    void patchAddChangesLastModified() throws InterruptedException {
        Http scim = newTenantClient();
        String user = createUser(scim, uniqueName("u"), null);
        String group = createGroup(scim, "G " + UUID.randomUUID());
        String before = scim.get(GROUPS + "/" + group).json().path("meta").path("lastModified").asText();
        Thread.sleep(20);
        assertEquals(204, scim.patch(GROUPS + "/" + group, addMembers(user)).status());
        String after = scim.get(GROUPS + "/" + group).json().path("meta").path("lastModified").asText();
        assertNotEquals(before, after);
    }

    @Test
    void addingAnExistingMemberAgainSucceedsWithoutDuplicating() {
        Http scim = newTenantClient();
        String user = createUser(scim, uniqueName("u"), null);
        String group = createGroup(scim, "G " + UUID.randomUUID(), user);

        Reply again = scim.patch(GROUPS + "/" + group, addMembers(user));
        assertEquals(204, again.status(), again::toString);
        Reply twiceInOneOp = scim.patch(GROUPS + "/" + group, addMembers(user, user));
        assertEquals(204, twiceInOneOp.status(), twiceInOneOp::toString);

        JsonNode members = scim.get(GROUPS + "/" + group).json().path("members");
        assertEquals(1, members.size(), members::toString);
        assertEquals(user, members.path(0).path("value").asText());
    }

    @Test
    void removeByValueFilterPathRemovesThatMemberOnly() {
        Http scim = newTenantClient();
        String a = createUser(scim, uniqueName("a"), null);
        String b = createUser(scim, uniqueName("b"), null);
        String group = createGroup(scim, "G " + UUID.randomUUID(), a, b);

        Reply reply = scim.patch(GROUPS + "/" + group, op("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a
                + "\\\"]\"}"));
        assertEquals(204, reply.status(), reply::toString);
        assertEquals(Set.of(b), memberIds(scim.get(GROUPS + "/" + group).json()));
    }

    @Test
    void removeWithValueListRemovesOnlyTheListedMembersNotTheWholeGroup() {
        Http scim = newTenantClient();
        String a = createUser(scim, uniqueName("a"), null);
        String b = createUser(scim, uniqueName("b"), null);
        String c = createUser(scim, uniqueName("c"), null);
        String d = createUser(scim, uniqueName("d"), null);
        String group = createGroup(scim, "G " + UUID.randomUUID(), a, b, c, d);

        Reply reply = scim.patch(GROUPS + "/" + group, op("{\"op\":\"Remove\",\"path\":\"members\",\"value\":["
                + "{\"$ref\":null,\"value\":\"" + a + "\"},{\"value\":\"" + b + "\"}]}"));
        assertEquals(204, reply.status(), reply::toString);
        assertEquals(Set.of(c, d), memberIds(scim.get(GROUPS + "/" + group).json()));
        // the users themselves are untouched
        assertEquals(200, scim.get(USERS + "/" + a).status());
    }

    @Test
    void memberIdsAreNotCaseExact() {
        Http scim = newTenantClient();
        String member = createUser(scim, uniqueName("upper"), null);
        String group = createGroup(scim, "G " + UUID.randomUUID());

        Reply added = scim.patch(GROUPS + "/" + group, op("{\"op\":\"Add\",\"path\":\"members\",\"value\":["
                + "{\"value\":\"" + member.toUpperCase(Locale.ROOT) + "\"}]}"));
        assertEquals(204, added.status(), added::toString);
        assertEquals(Set.of(member), memberIds(scim.get(GROUPS + "/" + group).json()));

        Reply removed = scim.patch(GROUPS + "/" + group, op("{\"op\":\"Remove\",\"path\":\"members\",\"value\":["
                + "{\"value\":\"" + member.toUpperCase(Locale.ROOT) + "\"}]}"));
        assertEquals(204, removed.status(), removed::toString);
        assertEquals(Set.of(), memberIds(scim.get(GROUPS + "/" + group).json()));
    }

    @Test
    void removingAnAbsentMemberSucceedsAndChangesNothing() {
        Http scim = newTenantClient();
        String member = createUser(scim, uniqueName("in"), null);
        String outsider = createUser(scim, uniqueName("out"), null);
        String group = createGroup(scim, "G " + UUID.randomUUID(), member);

        Reply byList = scim.patch(GROUPS + "/" + group, op("{\"op\":\"Remove\",\"path\":\"members\",\"value\":["
                + "{\"value\":\"" + outsider + "\"},{\"value\":\"" + UUID.randomUUID() + "\"}]}"));
        assertEquals(204, byList.status(), byList::toString);
        Reply byFilter = scim.patch(GROUPS + "/" + group, op("{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                + UUID.randomUUID() + "\\\"]\"}"));
        assertEquals(204, byFilter.status(), byFilter::toString);

        assertEquals(Set.of(member), memberIds(scim.get(GROUPS + "/" + group).json()));
    }

    @Test
    void removeMembersWithoutValueRemovesAllMembers() {
        Http scim = newTenantClient();
        String a = createUser(scim, uniqueName("a"), null);
        String b = createUser(scim, uniqueName("b"), null);
        String name = "G " + UUID.randomUUID();
        String group = createGroup(scim, name, a, b);

        Reply reply = scim.patch(GROUPS + "/" + group, op("{\"op\":\"remove\",\"path\":\"members\"}"));
        assertEquals(204, reply.status(), reply::toString);
        JsonNode read = scim.get(GROUPS + "/" + group).json();
        assertFalse(read.has("members") && !read.path("members").isEmpty(), read::toString);
        assertEquals(name, read.path("displayName").asText());
        assertFalse(scim.get(USERS + "/" + a).json().has("groups"));
    }

    @Test
    void replaceMembersSetsExactlyTheGivenList() {
        Http scim = newTenantClient();
        String a = createUser(scim, uniqueName("a"), null);
        String b = createUser(scim, uniqueName("b"), null);
        String c = createUser(scim, uniqueName("c"), null);
        String group = createGroup(scim, "G " + UUID.randomUUID(), a, b);

        Reply reply = scim.patch(GROUPS + "/" + group, op("{\"op\":\"replace\",\"path\":\"members\",\"value\":["
                + "{\"value\":\"" + b + "\"},{\"value\":\"" + c + "\"}]}"));
        assertEquals(204, reply.status(), reply::toString);
        assertEquals(Set.of(b, c), memberIds(scim.get(GROUPS + "/" + group).json()));
    }

    @Test
    void severalMembershipOperationsInOneRequestApplyInOrder() {
        Http scim = newTenantClient();
        String a = createUser(scim, uniqueName("a"), null);
        String b = createUser(scim, uniqueName("b"), null);
        String c = createUser(scim, uniqueName("c"), null);
        String group = createGroup(scim, "G " + UUID.randomUUID(), a);

        Reply reply = scim.patch(GROUPS + "/" + group, op(
                "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + b + "\"},{\"value\":\"" + c + "\"}]},"
                        + "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]},"
                        + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + c + "\\\"]\"}"));
        assertEquals(204, reply.status(), reply::toString);
        assertEquals(Set.of(b), memberIds(scim.get(GROUPS + "/" + group).json()));
    }

    // --- PATCH: other attributes, response body ---------------------------------------------------------------------

    @Test
    void pathlessReplaceChangesDisplayNameAndKeepsMembers() {
        Http scim = newTenantClient();
        String user = createUser(scim, uniqueName("u"), null);
        String group = createGroup(scim, "Old " + UUID.randomUUID(), user);
        String renamed = "New " + UUID.randomUUID();

        Reply reply = scim.patch(GROUPS + "/" + group, op("{\"op\":\"replace\",\"value\":{\"displayName\":\""
                + renamed + "\"}}"));
        assertEquals(204, reply.status(), reply::toString);
        JsonNode read = scim.get(GROUPS + "/" + group).json();
        assertEquals(renamed, read.path("displayName").asText());
        assertEquals(Set.of(user), memberIds(read));
        assertEquals(renamed, scim.get(USERS + "/" + user).json().path("groups").path(0).path("display").asText());
    }

    @Test
    void replaceDisplayNameByPathAndAddExternalIdOnExistingGroup() {
        Http scim = newTenantClient();
        String group = createGroup(scim, "Old " + UUID.randomUUID());
        String renamed = "Renamed " + UUID.randomUUID();
        Reply reply = scim.patch(GROUPS + "/" + group, op("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\""
                + renamed + "\"},{\"op\":\"Add\",\"path\":\"externalId\",\"value\":\"ext-9\"}"));
        assertEquals(204, reply.status(), reply::toString);
        JsonNode read = scim.get(GROUPS + "/" + group).json();
        assertEquals(renamed, read.path("displayName").asText());
        assertEquals("ext-9", read.path("externalId").asText());
    }

    @Test
    void patchWithAttributesParameterAnswers200WithTheRequestedAttributes() {
        Http scim = newTenantClient();
        String user = createUser(scim, uniqueName("u"), null);
        String group = createGroup(scim, "G " + UUID.randomUUID());
        String renamed = "Shown " + UUID.randomUUID();

        Reply reply = scim.patch(GROUPS + "/" + group + "?attributes=displayName", op(
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + renamed + "\"},"
                        + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}"));
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
        assertEquals(group, reply.text("id"));
        assertEquals(renamed, reply.text("displayName"));
        assertEquals(GROUP_SCHEMA, reply.json().path("schemas").path(0).asText());
        assertFalse(reply.json().has("members"), reply::toString);
        assertFalse(reply.json().has("externalId"), reply::toString);

        Reply excluded = scim.patch(GROUPS + "/" + group + "?excludedAttributes=members",
                op("{\"op\":\"add\",\"path\":\"externalId\",\"value\":\"x1\"}"));
        assertEquals(200, excluded.status(), excluded::toString);
        assertEquals("x1", excluded.text("externalId"));
        assertFalse(excluded.json().has("members"), excluded::toString);
        assertEquals(Set.of(user), memberIds(scim.get(GROUPS + "/" + group).json()));
    }

    @Test
    void patchAskingForMembersShowsTheMembersAfterTheChange() {
        Http scim = newTenantClient();
        String a = createUser(scim, uniqueName("a"), null);
        String b = createUser(scim, uniqueName("b"), "Bea");
        String group = createGroup(scim, "G " + UUID.randomUUID(), a);

        Reply reply = scim.patch(GROUPS + "/" + group + "?attributes=members", op(
                "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]},"
                        + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + b + "\"}]}"));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(Set.of(b), memberIds(reply.json()));
        assertMember(reply.json(), b, "User", "Bea");
        assertFalse(reply.json().has("displayName"), reply::toString);
    }

    @Test
    void concurrentMembershipPatchesAllLand() throws Exception {
        Http scim = newTenantClient();
        String group = createGroup(scim, "Busy " + UUID.randomUUID());
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(createUser(scim, uniqueName("c" + i), null));
        }

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Reply>> replies = new ArrayList<>();
            for (String user : users) {
                // each user added twice at once: distinct members and duplicates race each other
                replies.add(pool.submit(() -> scim.patch(GROUPS + "/" + group, addMembers(user))));
                replies.add(pool.submit(() -> scim.patch(GROUPS + "/" + group, addMembers(user))));
            }
            for (java.util.concurrent.Future<Reply> reply : replies) {
                Reply r = reply.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(204, r.status(), r::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode members = scim.get(GROUPS + "/" + group).json().path("members");
        assertEquals(new TreeSet<>(users), memberIds(scim.get(GROUPS + "/" + group).json()));
        assertEquals(8, members.size(), members::toString);
    }

    @Test
    void unknownMemberIdIsInvalidValueAndNothingOfThePatchIsApplied() {
        Http scim = newTenantClient();
        String member = createUser(scim, uniqueName("member"), null);
        String other = createUser(scim, uniqueName("other"), null);
        String name = "Keep " + UUID.randomUUID();
        String group = createGroup(scim, name, member);
        String unknown = UUID.randomUUID().toString();

        Reply reply = scim.patch(GROUPS + "/" + group, op(
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Changed " + UUID.randomUUID() + "\"},"
                        + "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]},"
                        + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + other + "\"},"
                        + "{\"value\":\"" + unknown + "\"}]}"));
        JsonNode error = assertScimError(reply, 400, "invalidValue");
        assertTrue(error.path("detail").asText().contains(unknown), error::toString);

        JsonNode read = scim.get(GROUPS + "/" + group).json();
        assertEquals(name, read.path("displayName").asText());
        assertEquals(Set.of(member), memberIds(read));
    }

    @Test
    void createWithUnknownMemberIsInvalidValueAndCreatesNothing() {
        Http scim = newTenantClient();
        String user = createUser(scim, uniqueName("u"), null);
        String name = "Never " + UUID.randomUUID();
        Reply reply = scim.post(GROUPS, "{\"displayName\":\"" + name + "\",\"members\":[{\"value\":\"" + user
                + "\"},{\"value\":\"" + UUID.randomUUID() + "\"}]}");
        assertScimError(reply, 400, "invalidValue");

        Reply list = scim.get(GROUPS + "?filter=displayName+eq+%22" + enc(name) + "%22");
        assertEquals(0, list.json().path("totalResults").asInt(), list::toString);
        assertFalse(scim.get(USERS + "/" + user).json().has("groups"));
        // the name is still free
        assertEquals(201, scim.post(GROUPS, "{\"displayName\":\"" + name + "\"}").status());
    }

    @Test
    void memberWithoutValueIsInvalidValue() {
        Http scim = newTenantClient();
        String group = createGroup(scim, "G " + UUID.randomUUID());
        assertScimError(scim.patch(GROUPS + "/" + group, op("{\"op\":\"add\",\"path\":\"members\",\"value\":["
                + "{\"display\":\"no id\"}]}")), 400, "invalidValue");
    }

    @Test
    void aGroupCanBeAMemberOfAnotherGroup() {
        Http scim = newTenantClient();
        String user = createUser(scim, uniqueName("u"), null);
        String innerName = "Inner " + UUID.randomUUID();
        String inner = createGroup(scim, innerName, user);
        String outer = createGroup(scim, "Outer " + UUID.randomUUID(), user);

        assertEquals(204, scim.patch(GROUPS + "/" + outer, addMembers(inner)).status());

        JsonNode read = scim.get(GROUPS + "/" + outer).json();
        assertEquals(Set.of(user, inner), memberIds(read));
        assertMember(read, inner, "Group", innerName);
        // the user's groups stay its direct memberships
        assertEquals(2, scim.get(USERS + "/" + user).json().path("groups").size());

        Reply created = scim.post(GROUPS, "{\"displayName\":\"Nest " + UUID.randomUUID() + "\",\"members\":[{\"value\":\""
                + outer + "\"}]}");
        assertEquals(201, created.status(), created::toString);
        assertMember(created.json(), outer, "Group", read.path("displayName").asText());
    }

    @Test
    void aGroupCannotContainItself() {
        Http scim = newTenantClient();
        String name = "Self " + UUID.randomUUID();
        String group = createGroup(scim, name);

        assertScimError(scim.patch(GROUPS + "/" + group, addMembers(group)), 400, "invalidValue");
        assertScimError(scim.put(GROUPS + "/" + group, "{\"displayName\":\"" + name + "\",\"members\":[{\"value\":\""
                + group + "\"}]}"), 400, "invalidValue");
        assertScimError(scim.patch(GROUPS + "/" + group, op("{\"op\":\"replace\",\"path\":\"members\",\"value\":["
                + "{\"value\":\"" + group + "\"}]}")), 400, "invalidValue");

        assertEquals(Set.of(), memberIds(scim.get(GROUPS + "/" + group).json()));
    }

    // --- PUT ----------------------------------------------------------------------------------------------------------

    @Test
    void putReplacesDisplayNameMembersAndDropsAttributesNotSent() {
        Http scim = newTenantClient();
        String a = createUser(scim, uniqueName("a"), null);
        String b = createUser(scim, uniqueName("b"), null);
        String c = createUser(scim, uniqueName("c"), "Carol");
        Reply created = scim.post(GROUPS, "{\"displayName\":\"Before " + UUID.randomUUID() + "\",\"externalId\":\"e1\","
                + "\"members\":[{\"value\":\"" + a + "\"},{\"value\":\"" + b + "\"}]}");
        String group = created.text("id");
        String renamed = "After " + UUID.randomUUID();

        Reply put = scim.put(GROUPS + "/" + group, "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"id\":\"" + group
                + "\",\"displayName\":\"" + renamed + "\",\"members\":[{\"value\":\"" + c + "\"}]}");
        assertEquals(200, put.status(), put::toString);
        assertTrue(put.contentType().startsWith(Http.SCIM_JSON), put::contentType);
        assertEquals(group, put.text("id"));
        assertEquals(renamed, put.text("displayName"));
        assertFalse(put.json().has("externalId"), put::toString);
        assertEquals(Set.of(c), memberIds(put.json()));
        assertMember(put.json(), c, "User", "Carol");
        assertEquals(created.json().path("meta").path("created").asText(),
                put.json().path("meta").path("created").asText());

        JsonNode read = scim.get(GROUPS + "/" + group).json();
        assertEquals(renamed, read.path("displayName").asText());
        assertEquals(Set.of(c), memberIds(read));
        assertFalse(scim.get(USERS + "/" + a).json().has("groups"));
    }

    @Test
    void putWithUnknownMemberChangesNothing() {
        Http scim = newTenantClient();
        String a = createUser(scim, uniqueName("a"), null);
        String name = "Stable " + UUID.randomUUID();
        String group = createGroup(scim, name, a);
        assertScimError(scim.put(GROUPS + "/" + group, "{\"displayName\":\"Other " + UUID.randomUUID()
                + "\",\"members\":[{\"value\":\"" + UUID.randomUUID() + "\"}]}"), 400, "invalidValue");
        JsonNode read = scim.get(GROUPS + "/" + group).json();
        assertEquals(name, read.path("displayName").asText());
        assertEquals(Set.of(a), memberIds(read));
    }

    @Test
    void putOfUnknownGroupIsNotFound() {
        Http scim = newTenantClient();
        assertScimError(scim.put(GROUPS + "/" + UUID.randomUUID(), "{\"displayName\":\"x\"}"), 404, null);
        assertScimError(scim.patch(GROUPS + "/" + UUID.randomUUID(), addMembers(UUID.randomUUID().toString())),
                404, null);
        assertScimError(scim.get(GROUPS + "/" + UUID.randomUUID()), 404, null);
    }

    // --- DELETE -------------------------------------------------------------------------------------------------------

    @Test
    void deleteAnswers204ThenNotFoundAndTheGroupLeavesItsMembersGroups() {
        Http scim = newTenantClient();
        String user = createUser(scim, uniqueName("u"), null);
        String kept = createGroup(scim, "Kept " + UUID.randomUUID(), user);
        String doomed = createGroup(scim, "Doomed " + UUID.randomUUID(), user);
        String parent = createGroup(scim, "Parent " + UUID.randomUUID(), doomed, user);

        Reply deleted = scim.delete(GROUPS + "/" + doomed);
        assertEquals(204, deleted.status(), deleted::toString);
        assertTrue(deleted.body().isEmpty(), deleted::toString);

        assertScimError(scim.get(GROUPS + "/" + doomed), 404, null);
        assertScimError(scim.delete(GROUPS + "/" + doomed), 404, null);

        Reply member = scim.get(USERS + "/" + user);
        assertEquals(200, member.status(), "the members of a deleted group are not deleted");
        Set<String> groups = new TreeSet<>();
        member.json().path("groups").forEach(g -> groups.add(g.path("value").asText()));
        assertEquals(new TreeSet<>(List.of(kept, parent)), groups);
        assertEquals(Set.of(user), memberIds(scim.get(GROUPS + "/" + parent).json()));
    }

    @Test
    void deletingAUserRemovesItFromItsGroups() {
        Http scim = newTenantClient();
        String leaving = createUser(scim, uniqueName("leaving"), null);
        String staying = createUser(scim, uniqueName("staying"), null);
        String group = createGroup(scim, "G " + UUID.randomUUID(), leaving, staying);

        assertEquals(204, scim.delete(USERS + "/" + leaving).status());

        assertEquals(Set.of(staying), memberIds(scim.get(GROUPS + "/" + group).json()));
        // and the id can no longer be added
        assertScimError(scim.patch(GROUPS + "/" + group, addMembers(leaving)), 400, "invalidValue");
    }

    // --- uniqueness and required attributes -------------------------------------------------------------------------

    @Test
    void duplicateDisplayNameInAnotherCaseIsAUniquenessConflict() {
        Http scim = newTenantClient();
        String suffix = UUID.randomUUID().toString();
        createGroup(scim, "Sales " + suffix);

        JsonNode error = assertScimError(scim.post(GROUPS, "{\"displayName\":\"SALES " + suffix.toUpperCase() + "\"}"),
                409, "uniqueness");
        assertTrue(error.path("detail").asText().contains("SALES"), error::toString);

        String other = createGroup(scim, "Other " + suffix);
        assertScimError(scim.patch(GROUPS + "/" + other, op("{\"op\":\"replace\",\"path\":\"displayName\","
                + "\"value\":\"sales " + suffix + "\"}")), 409, "uniqueness");
        assertScimError(scim.put(GROUPS + "/" + other, "{\"displayName\":\"Sales " + suffix + "\"}"), 409,
                "uniqueness");
        assertEquals("Other " + suffix, scim.get(GROUPS + "/" + other).text("displayName"));

        Reply list = scim.get(GROUPS + "?filter=displayName+eq+%22sales+" + suffix + "%22");
        assertEquals(1, list.json().path("totalResults").asInt(), list::toString);
    }

    @Test
    void renamingAGroupToItsOwnNameInAnotherCaseIsAllowed() {
        Http scim = newTenantClient();
        String suffix = UUID.randomUUID().toString();
        String group = createGroup(scim, "Case " + suffix);
        Reply reply = scim.patch(GROUPS + "/" + group, op("{\"op\":\"replace\",\"path\":\"displayName\","
                + "\"value\":\"CASE " + suffix + "\"}"));
        assertEquals(204, reply.status(), reply::toString);
        assertEquals("CASE " + suffix, scim.get(GROUPS + "/" + group).text("displayName"));
    }

    @Test
    void overlongDisplayNameOrExternalIdIsInvalidValueNotAServerError() {
        Http scim = newTenantClient();
        String longName = "N".repeat(600);
        assertScimError(scim.post(GROUPS, "{\"displayName\":\"" + longName + "\"}"), 400, "invalidValue");
        assertScimError(scim.post(GROUPS, "{\"displayName\":\"ok " + UUID.randomUUID() + "\",\"externalId\":\""
                + "e".repeat(600) + "\"}"), 400, "invalidValue");
        String group = createGroup(scim, "Short " + UUID.randomUUID());
        assertScimError(scim.patch(GROUPS + "/" + group, op("{\"op\":\"replace\",\"path\":\"displayName\","
                + "\"value\":\"" + longName + "\"}")), 400, "invalidValue");
        assertEquals(1, scim.get(GROUPS).json().path("totalResults").asInt());
    }

    @Test
    void missingDisplayNameIsInvalidValue() {
        Http scim = newTenantClient();
        assertScimError(scim.post(GROUPS, "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"externalId\":\"x\"}"), 400,
                "invalidValue");
        assertScimError(scim.post(GROUPS, "{\"displayName\":\"\"}"), 400, "invalidValue");

        String group = createGroup(scim, "Named " + UUID.randomUUID());
        assertScimError(scim.put(GROUPS + "/" + group, "{\"externalId\":\"x\"}"), 400, "invalidValue");
        assertScimError(scim.patch(GROUPS + "/" + group, op("{\"op\":\"remove\",\"path\":\"displayName\"}")), 400,
                "invalidValue");
    }

    // --- filters and paging -------------------------------------------------------------------------------------------

    @Test
    void filterDisplayNameEqIsCaseInsensitive() {
        Http scim = newTenantClient();
        String suffix = UUID.randomUUID().toString();
        String group = createGroup(scim, "Marketing " + suffix);
        createGroup(scim, "Marketing2 " + suffix);

        Reply reply = scim.get(GROUPS + "?filter=" + enc("displayName eq \"mARKETING " + suffix.toUpperCase() + "\""));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, reply.json().path("totalResults").asInt(), reply::toString);
        assertEquals(group, reply.json().path("Resources").path(0).path("id").asText());
        assertEquals("Marketing " + suffix, reply.json().path("Resources").path(0).path("displayName").asText());
    }

    @Test
    void filterExternalIdEqMatchesExactly() {
        Http scim = newTenantClient();
        String externalId = "Ext-" + UUID.randomUUID();
        String group = scim.post(GROUPS, "{\"displayName\":\"E " + UUID.randomUUID() + "\",\"externalId\":\""
                + externalId + "\"}").text("id");
        createGroup(scim, "No external id " + UUID.randomUUID());

        Reply reply = scim.get(GROUPS + "?filter=" + enc("externalId eq \"" + externalId + "\""));
        assertEquals(1, reply.json().path("totalResults").asInt(), reply::toString);
        assertEquals(group, reply.json().path("Resources").path(0).path("id").asText());

        Reply otherCase = scim.get(GROUPS + "?filter=" + enc("externalId eq \"" + externalId.toLowerCase() + "\""));
        assertEquals(0, otherCase.json().path("totalResults").asInt(), "externalId is caseExact: " + otherCase);
    }

    @Test
    void filterIdEqFindsTheGroupAndAndCombinesFilters() {
        Http scim = newTenantClient();
        String name = "ById " + UUID.randomUUID();
        String group = createGroup(scim, name);
        createGroup(scim, "Another " + UUID.randomUUID());

        Reply reply = scim.get(GROUPS + "?filter=" + enc("id eq \"" + group + "\""));
        assertEquals(1, reply.json().path("totalResults").asInt(), reply::toString);
        assertEquals(name, reply.json().path("Resources").path(0).path("displayName").asText());

        Reply both = scim.get(GROUPS + "?filter=" + enc("id eq \"" + group + "\" and displayName eq \"" + name + "\""));
        assertEquals(1, both.json().path("totalResults").asInt(), both::toString);
        Reply neither = scim.get(GROUPS + "?filter=" + enc("id eq \"" + group + "\" and displayName eq \"x\""));
        assertEquals(0, neither.json().path("totalResults").asInt(), neither::toString);
    }

    @Test
    void unsupportedOrMalformedFilterIsInvalidFilter() {
        Http scim = newTenantClient();
        assertScimError(scim.get(GROUPS + "?filter=" + enc("displayName eq")), 400, "invalidFilter");
        assertScimError(scim.get(GROUPS + "?filter=" + enc("members.$ref eq \"x\"")), 400, "invalidFilter");
        assertScimError(scim.get(GROUPS + "?filter=" + enc("owner eq \"x\"")), 400, "invalidFilter");
    }

    @Test
    void pagingWithStartIndexAndCountWalksTheGroupsInCreationOrder() {
        Http scim = newTenantClient();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createGroup(scim, "Page " + i + " " + UUID.randomUUID()));
        }

        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= 5; start += 2) {
            Reply page = scim.get(GROUPS + "?startIndex=" + start + "&count=2&excludedAttributes=members");
            assertEquals(200, page.status(), page::toString);
            assertEquals(5, page.json().path("totalResults").asInt(), page::toString);
            assertEquals(start, page.json().path("startIndex").asInt(), page::toString);
            int expected = Math.min(2, 5 - start + 1);
            assertEquals(expected, page.json().path("itemsPerPage").asInt(), page::toString);
            assertEquals(expected, page.json().path("Resources").size(), page::toString);
            page.json().path("Resources").forEach(r -> seen.add(r.path("id").asText()));
        }
        assertEquals(created, seen);

        Reply beyond = scim.get(GROUPS + "?startIndex=6&count=2");
        assertEquals(5, beyond.json().path("totalResults").asInt());
        assertEquals(0, beyond.json().path("Resources").size(), beyond::toString);
        assertEquals(6, beyond.json().path("startIndex").asInt(), beyond::toString);

        Reply onlyTotal = scim.get(GROUPS + "?count=0");
        assertEquals(5, onlyTotal.json().path("totalResults").asInt());
        assertEquals(0, onlyTotal.json().path("Resources").size(), onlyTotal::toString);

        Reply all = scim.get(GROUPS);
        assertEquals(5, all.json().path("Resources").size(), all::toString);
        assertEquals(1, all.json().path("startIndex").asInt());
    }

    // --- helpers --------------------------------------------------------------------------------------------------------

    private static String createUser(Http scim, String userName, String displayName) {
        Reply reply = scim.post(USERS, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + userName + "\"" + (displayName == null ? "" : ",\"displayName\":\"" + displayName + "\"") + "}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }

    private static String createGroup(Http scim, String displayName, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        Reply reply = scim.post(GROUPS, "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"" + displayName
                + "\",\"members\":[" + members + "]}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }

    private static String op(String operations) {
        return String.format(PATCH_OP, operations);
    }

    private static String addMembers(String... ids) {
        StringBuilder values = new StringBuilder();
        for (String id : ids) {
            values.append(values.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        return op("{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + values + "]}");
    }

    private static Set<String> memberIds(JsonNode group) {
        Set<String> ids = new TreeSet<>();
        group.path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }

    private void assertMember(JsonNode group, String id, String type, String display) {
        JsonNode found = null;
        for (JsonNode member : group.path("members")) {
            if (member.path("value").asText().equals(id)) {
                found = member;
            }
        }
        assertTrue(found != null, () -> id + " is not a member: " + group);
        assertEquals(type, found.path("type").asText(), found::toString);
        assertEquals(root() + (type.equals("User") ? USERS : GROUPS) + "/" + id, found.path("$ref").asText());
        assertEquals(display, found.path("display").asText(), found::toString);
    }

}
