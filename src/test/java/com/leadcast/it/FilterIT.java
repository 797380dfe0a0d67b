package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole filter grammar of RFC 7644 §3.4.2.2, evaluated by the database, over a small fixed population of one
 * tenant (the userName prefix before '@' names each user in assertions).
 */
class FilterIT extends ScimTestBase {

    private Http scim;
    private String aliceId;
    private String bobId;
    private String staffGroupId;
    private String timeBetween;

    @BeforeEach
    void population() throws InterruptedException {
        scim = newTenantClient();
        aliceId = create("""
                {"userName":"alice@contoso.com","externalId":"ext-alice","displayName":"Alice Adams","title":"Engineer",
                 "active":true,"name":{"givenName":"Alice","familyName":"Adams"},
                 "emails":[{"type":"work","value":"alice@contoso.com","primary":true},{"type":"home","value":"alice@home.example"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","employeeNumber":"100","manager":{"value":"m-1"}}}""");
        bobId = create("""
                {"userName":"Bob@Contoso.com","displayName":"bob brown","active":false,
                 "name":{"givenName":"Bob","familyName":"Brown"},
                 "emails":[{"type":"home","value":"bob@contoso.com"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Engineering"}}""");
        Thread.sleep(50);
        timeBetween = java.time.Instant.now().toString();
        Thread.sleep(50);
        create("""
                {"userName":"carol@fabrikam.com","title":"Engineer","name":{"familyName":"Clark_100%"},
                 "emails":[{"type":"work","value":"carol@fabrikam.com"}],
                 "phoneNumbers":[{"type":"mobile","value":"+1 555 0100"}]}""");
        create("""
                {"userName":"dave@contoso.com","emails":[{"type":"other","value":"dave@contoso.com"}]}""");
        Reply group = scim.post(GROUPS, "{\"displayName\":\"Staff\",\"members\":[{\"value\":\"" + aliceId + "\"}]}");
        assertEquals(201, group.status(), group::toString);
        staffGroupId = group.text("id");
    }

    private String create(String json) {
        Reply reply = scim.post(USERS, json);
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }

    private Set<String> users(String filter) {
        Reply reply = scim.get(USERS + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), () -> filter + " -> " + reply);
        Set<String> names = new TreeSet<>();
        for (JsonNode user : reply.json().path("Resources")) {
            names.add(user.path("userName").asText().split("@")[0].toLowerCase());
        }
        assertEquals(names.size(), reply.json().path("totalResults").asInt(), () -> filter + " -> " + reply);
        return names;
    }

    private static Set<String> names(String... names) {
        return new TreeSet<>(Set.of(names));
    }

    @Test
    void stringOperatorsHonourCaseExactOfTheSchema() {
        assertEquals(names("bob"), users("userName eq \"bob@contoso.com\""));
        assertEquals(names("alice", "bob", "dave"), users("userName co \"CONTOSO\""));
        assertEquals(names("carol"), users("userName sw \"car\""));
        assertEquals(names("carol"), users("userName ew \"fabrikam.com\""));
        assertEquals(names("alice", "bob", "dave"), users("userName ne \"carol@fabrikam.com\""));
        assertEquals(names("bob"), users("displayName eq \"BOB BROWN\""));
        assertEquals(names("alice"), users("externalId eq \"ext-alice\""));
        assertEquals(names(), users("externalId eq \"EXT-ALICE\""));
    }

    @Test
    void orderingComparisonsOnStrings() {
        assertEquals(names("carol", "dave"), users("userName gt \"bob@contoso.com\""));
        assertEquals(names("alice", "bob"), users("userName le \"bob@contoso.com\""));
    }

    @Test
    void likeWildcardsInValuesAreLiteral() {
        assertEquals(names("carol"), users("name.familyName co \"_100%\""));
        assertEquals(names(), users("name.familyName co \"%\" and userName sw \"alice\""));
    }

    @Test
    void presenceAndAbsence() {
        assertEquals(names("alice", "carol"), users("title pr"));
        assertEquals(names("bob", "dave"), users("not (title pr)"));
        assertEquals(names("carol"), users("phoneNumbers pr"));
        assertEquals(names("alice", "bob", "carol"), users("name pr"));
        assertEquals(names("bob", "dave"), users("title eq null"));
    }

    @Test
    void neMatchesResourcesWithoutTheAttribute() {
        assertEquals(names("bob", "dave"), users("title ne \"Engineer\""));
    }

    @Test
    void multiValuedComparisonMeansAnyValue() {
        assertEquals(names("alice"), users("emails.value eq \"alice@home.example\""));
        assertEquals(names("alice", "bob", "dave"), users("emails co \"contoso.com\""));
    }

    @Test
    void valueFiltersApplyToOneElement() {
        assertEquals(names("alice"), users("emails[type eq \"work\" and value co \"contoso\"]"));
        assertEquals(names(), users("emails[type eq \"home\" and value eq \"alice@contoso.com\"]"));
        assertEquals(names("alice", "bob"), users("emails[type eq \"home\"]"));
        assertEquals(names("alice", "carol"), users("emails[type eq \"work\" or type eq \"mobile\"]"));
        assertEquals(names("bob", "dave"), users("emails[not (type eq \"work\") and not (type eq \"home\" and value sw \"alice\")]"));
    }

    @Test
    void entraFormOfAValuePathComparison() {
        assertEquals(names("alice"), users("emails[type eq \"work\"].value eq \"alice@contoso.com\""));
        assertEquals(names(), users("emails[type eq \"home\"].value eq \"alice@contoso.com\""));
    }

    @Test
    void booleansIncludingEntraStrings() {
        assertEquals(names("bob"), users("active eq false"));
        assertEquals(names("bob"), users("active eq \"False\""));
        assertEquals(names("alice"), users("active eq true"));
    }

    @Test
    void extensionAttributesByUrn() {
        String urn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";
        assertEquals(names("alice"), users(urn + "department eq \"sales\""));
        assertEquals(names("alice"), users(urn + "manager.value eq \"m-1\""));
        assertEquals(names("alice", "bob"), users(urn + "department pr"));
    }

    @Test
    void precedenceNotBeforeAndBeforeOr() {
        assertEquals(names("alice", "carol"),
                users("userName sw \"carol\" or title eq \"Engineer\" and userName co \"contoso\""));
        assertEquals(names("alice"),
                users("(userName sw \"carol\" or title eq \"Engineer\") and userName co \"contoso\""));
        assertEquals(names("bob", "carol", "dave"), users("not (userName co \"a\" and userName co \"o.com\") or userName sw \"d\""));
    }

    @Test
    void metaDatesCompareAsInstants() {
        assertEquals(names("carol", "dave"), users("meta.created gt \"" + timeBetween + "\""));
        assertEquals(names("alice", "bob"), users("meta.lastModified lt \"" + timeBetween + "\""));
        assertEquals(names("alice", "bob", "carol", "dave"), users("meta.resourceType eq \"User\""));
    }

    @Test
    void usersByTheirGroupsAndGroupsByTheirMembers() {
        assertEquals(names("alice"), users("groups.value eq \"" + staffGroupId + "\""));
        assertEquals(names("alice"), users("groups pr"));
        Reply groups = scim.get(GROUPS + "?filter=" + URLEncoder.encode("members.value eq \"" + aliceId + "\"",
                StandardCharsets.UTF_8));
        assertEquals(1, groups.json().path("totalResults").asInt(), groups::toString);
        Reply none = scim.get(GROUPS + "?filter=" + URLEncoder.encode("members[value eq \"" + bobId
                + "\" and type eq \"User\"]", StandardCharsets.UTF_8));
        assertEquals(0, none.json().path("totalResults").asInt(), none::toString);
        Reply byType = scim.get(GROUPS + "?filter=" + URLEncoder.encode("members[type eq \"user\"] and displayName eq \"staff\"",
                StandardCharsets.UTF_8));
        assertEquals(1, byType.json().path("totalResults").asInt(), byType::toString);
    }

    @Test
    void notHoldsForResourcesWithoutTheAttributeAndTwiceIsNoNegation() {
        assertEquals(names("bob", "carol", "dave"), users("not (externalId eq \"ext-alice\")"));
        assertEquals(names("alice"), users("not (not (externalId eq \"ext-alice\"))"));
        assertEquals(names("bob", "dave"), users("not (not (not (title pr)))"));
    }

    @Test
    void constantsAndMemberIdsCompareLikeStrings() {
        assertEquals(names(), users("meta.resourceType sw \"G\""));
        assertEquals(names("alice", "bob", "carol", "dave"), users("meta.resourceType pr"));
        assertEquals(names(), users("groups.type co \"x\""));
        assertEquals(names("alice"), users("groups eq \"" + staffGroupId.toUpperCase() + "\""));
    }

    @Test
    void passwordIsWriteOnlyAndCannotBeFilteredOrSortedOn() {
        create("""
                {"userName":"erin@contoso.com","password":"Secret-123"}""");
        for (String filter : new String[]{"password eq \"Secret-123\"", "password ne \"x\"", "password co \"S\"",
                "password sw \"S\"", "password ew \"3\"", "password gt \"a\"", "password ge \"a\"",
                "password lt \"z\"", "password le \"z\"", "password pr", "not (password pr)", "password eq null",
                "userName eq \"erin@contoso.com\" and password eq \"Secret-123\"", "password[value eq \"x\"]",
                "urn:ietf:params:scim:schemas:core:2.0:User:password pr"}) {
            Reply reply = scim.get(USERS + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
            JsonNode error = assertScimError(reply.status() == 400 ? reply : fail(filter + " -> " + reply), 400,
                    "invalidFilter");
            assertTrue(error.path("detail").asText().endsWith("password is write-only and cannot be filtered on"),
                    reply::toString);
        }
        assertScimError(scim.post(USERS + "/.search", "{\"filter\":\"password pr\"}"), 400, "invalidFilter");
        JsonNode sort = assertScimError(scim.get(USERS + "?sortBy=password"), 400, "invalidValue");
        assertTrue(sort.path("detail").asText().contains("write-only"), sort::toString);
    }

    @Test
    void refusedFiltersSayWhy() {
        for (String filter : new String[]{"active gt true", "nickName2 eq \"x\"", "meta.location eq \"x\"",
                "name eq \"x\"", "title[value eq \"x\"]", "meta.created gt \"yesterday\"", "userName eq \"a\" and",
                "x509Certificates.value gt \"x\"", "emails[kind eq \"x\"]", "title co 5 and emails.primary co \"t\"",
                "emails[value co null]"}) {
            Reply reply = scim.get(USERS + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
            JsonNode error = assertScimError(reply.status() == 400 ? reply : fail(filter + " -> " + reply), 400,
                    "invalidFilter");
            assertTrue(error.path("detail").asText().length() > 20, reply::toString);
        }
    }
}
