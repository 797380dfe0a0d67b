package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** sortBy and sortOrder (RFC 7644 §3.4.2.3), evaluated by the database, combined with filters and paging. */
class SortingIT extends ScimTestBase {

    private Http scim;

    @BeforeEach
    void population() {
        scim = newTenantClient();
        create("{\"userName\":\"b@x.com\",\"name\":{\"familyName\":\"delta\"},\"title\":\"T2\",\"active\":true,"
                + "\"emails\":[{\"value\":\"zz@x.com\"},{\"value\":\"bb@x.com\"}],"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"7\"}}");
        create("{\"userName\":\"C@x.com\",\"name\":{\"familyName\":\"Alpha\"},\"active\":false,"
                + "\"emails\":[{\"value\":\"aa@x.com\"}],"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"10\"}}");
        create("{\"userName\":\"a@x.com\",\"name\":{\"familyName\":\"charlie\"},\"title\":\"T1\"}");
    }

    private void create(String json) {
        Reply reply = scim.post(USERS, json);
        assertEquals(201, reply.status(), reply::toString);
    }

    private List<String> order(String query) {
        Reply reply = scim.get(USERS + "?" + query);
        assertEquals(200, reply.status(), () -> query + " -> " + reply);
        List<String> names = new ArrayList<>();
        for (JsonNode user : reply.json().path("Resources")) {
            names.add(user.path("userName").asText().substring(0, 1).toLowerCase());
        }
        return names;
    }

    @Test
    void sortsCaseInsensitiveStringsAscendingAndDescending() {
        assertEquals(List.of("a", "b", "c"), order("sortBy=userName"));
        assertEquals(List.of("c", "b", "a"), order("sortBy=userName&sortOrder=descending"));
        assertEquals(List.of("c", "a", "b"), order("sortBy=name.familyName&sortOrder=ascending"));
    }

    @Test
    void missingValuesComeLastAscendingAndFirstDescending() {
        assertEquals(List.of("a", "b", "c"), order("sortBy=title"));
        assertEquals(List.of("c", "b", "a"), order("sortBy=title&sortOrder=descending"));
    }

    @Test
    void multiValuedAttributesSortByTheirSmallestValue() {
        assertEquals(List.of("c", "b", "a"), order("sortBy=emails"));
        assertEquals(List.of("c", "b", "a"), order("sortBy=emails.value"));
    }

    @Test
    void extensionStringsSortAsStringsAndBooleansSort() {
        assertEquals(List.of("c", "b", "a"),
                order("sortBy=urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"));
        assertEquals(List.of("c", "b", "a"), order("sortBy=active"));
    }

    @Test
    void sortingCombinesWithFilterAndPaging() {
        String filter = URLEncoder.encode("userName ne \"b@x.com\"", StandardCharsets.UTF_8);
        assertEquals(List.of("c"), order("filter=" + filter + "&sortBy=userName&sortOrder=descending&count=1"));
        assertEquals(List.of("a"), order("filter=" + filter + "&sortBy=userName&sortOrder=descending&startIndex=2"));
        assertEquals(List.of("b", "c"), order("sortBy=meta.created&startIndex=1&count=2"));
    }

    @Test
    void searchRequestCarriesSorting() {
        Reply reply = scim.post(USERS + "/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"sortBy\":\"userName\",\"sortOrder\":\"descending\",\"count\":2}");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("C@x.com", reply.json().path("Resources").path(0).path("userName").asText());
        assertEquals(3, reply.json().path("totalResults").asInt());
    }

    @Test
    void unknownAttributesAndOrdersAreRefused() {
        assertScimError(scim.get(USERS + "?sortBy=shoeSize"), 400, "invalidValue");
        assertScimError(scim.get(USERS + "?sortBy=userName&sortOrder=sideways"), 400, "invalidValue");
        assertScimError(scim.get(USERS + "?sortBy=" + URLEncoder.encode("emails[type eq \"work\"]",
                StandardCharsets.UTF_8)), 400, "invalidValue");
        assertScimError(scim.get(USERS + "?sortBy=groups"), 400, "invalidValue");
    }

    @Test
    void anUnsortableSortByIsRefusedEvenWhenOnlyTheTotalIsAskedFor() {
        assertScimError(scim.get(USERS + "?sortBy=shoeSize&count=0"), 400, "invalidValue");
        assertScimError(scim.get(USERS + "?sortBy=password&count=0"), 400, "invalidValue");
        assertScimError(scim.get(GROUPS + "?sortBy=members&count=0"), 400, "invalidValue");
        assertEquals(200, scim.get(USERS + "?sortBy=userName&count=0").status());
    }
}
