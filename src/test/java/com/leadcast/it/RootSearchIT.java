package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /.search} at the root (RFC 7644 §3.4.3): Users then Groups, paged across both. */
class RootSearchIT extends ScimTestBase {

    private static final String SEARCH = "/scim/v2/.search";
    private Http scim;

    @BeforeEach
    void population() {
        scim = newTenantClient();
        for (String name : List.of("u1", "u2", "u3")) {
            assertEquals(201, scim.post(USERS, "{\"userName\":\"" + name + "@x.com\",\"displayName\":\"D " + name + "\"}").status());
        }
        for (String name : List.of("g1", "g2")) {
            assertEquals(201, scim.post(GROUPS, "{\"displayName\":\"D " + name + "\"}").status());
        }
    }

    private JsonNode search(String body) {
        Reply reply = scim.post(SEARCH, body);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON));
        return reply.json();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("Resources").forEach(r -> names.add(r.path("displayName").asText().substring(2)));
        return names;
    }

    @Test
    void searchesUsersThenGroups() {
        JsonNode all = search("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]}");
        assertEquals(5, all.path("totalResults").asInt());
        assertEquals(List.of("u1", "u2", "u3", "g1", "g2"), names(all));
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:Group",
                all.path("Resources").path(3).path("schemas").path(0).asText());
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

    @Test
    void aFilterOnAnAttributeOfOneTypeMatchesNothingOfTheOther() {
        JsonNode users = search("{\"filter\":\"userName sw \\\"u\\\"\"}");
        assertEquals(List.of("u1", "u2", "u3"), names(users));
        JsonNode both = search("{\"filter\":\"displayName ew \\\"2\\\"\"}");
        assertEquals(List.of("u2", "g2"), names(both));
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertScimError(scim.post(SEARCH, "{\"filter\":\"shoeSize eq 1\"}"), 400, "invalidFilter");
        assertScimError(scim.post(SEARCH, "{\"sortBy\":\"displayName\"}"), 400, "invalidValue");
        assertScimError(scim.post(SEARCH, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}"), 400,
                "invalidSyntax");
    }
}
