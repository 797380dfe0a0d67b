package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /Bulk} (RFC 7644 §3.7): bulkId references, per-operation outcomes, failOnErrors, limits. */
class BulkIT extends ScimTestBase {

    private static final String BULK = "/scim/v2/Bulk";
    private static final String HEAD = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],";
    private Http scim;

    @BeforeEach
    void client() {
        scim = newTenantClient();
    }

    private JsonNode bulk(String body) {
        Reply reply = scim.post(BULK, body);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("urn:ietf:params:scim:api:messages:2.0:BulkResponse", reply.json().path("schemas").path(0).asText());
        return reply.json().path("Operations");
    }

    @Test
    void aGroupMayReferToUsersCreatedInTheSameRequestEvenBeforeThem() {
        JsonNode results = bulk(HEAD + "\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g\",\"data\":{\"displayName\":\"Bulk team\","
                + "\"members\":[{\"value\":\"bulkId:u1\"},{\"value\":\"bulkId:u2\"}]}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u1\",\"data\":{\"userName\":\"bulk1@x.com\"}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u2\",\"data\":{\"userName\":\"bulk2@x.com\"}}]}");
        assertEquals(3, results.size());
        for (JsonNode result : results) {
            assertEquals("201", result.path("status").asText(), results::toString);
            assertTrue(result.path("location").asText().contains("/scim/v2/"), results::toString);
            assertTrue(result.path("version").asText().startsWith("W/"), results::toString);
        }
        assertEquals("g", results.path(0).path("bulkId").asText());
        String groupLocation = results.path(0).path("location").asText();
        Reply group = scim.get(groupLocation.substring(groupLocation.indexOf("/scim/v2")));
        assertEquals(2, group.json().path("members").size(), group::toString);
    }

    @Test
    void everyMethodAndOneFailureDoNotStopTheOthers() {
        String id = scim.post(USERS, "{\"userName\":\"" + uniqueName("b") + "\",\"title\":\"old\"}").text("id");
        JsonNode results = bulk(HEAD + "\"Operations\":["
                + "{\"method\":\"PATCH\",\"path\":\"/Users/" + id + "\",\"data\":{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"new\"}]}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"bad\",\"data\":{\"displayName\":\"no userName\"}},"
                + "{\"method\":\"PUT\",\"path\":\"/Users/" + id + "\",\"data\":{\"userName\":\"renamed@x.com\",\"title\":\"put\"}},"
                + "{\"method\":\"DELETE\",\"path\":\"/Users/nope\"}]}");
        assertEquals("200", results.path(0).path("status").asText(), results::toString);
        assertEquals("400", results.path(1).path("status").asText(), results::toString);
        assertEquals("invalidValue", results.path(1).path("response").path("scimType").asText(), results::toString);
        assertEquals("200", results.path(2).path("status").asText(), results::toString);
        assertEquals("404", results.path(3).path("status").asText(), results::toString);
        assertEquals("put", scim.get(USERS + "/" + id).text("title"));
    }

    @Test
    void failOnErrorsStopsProcessing() {
        JsonNode results = bulk(HEAD + "\"failOnErrors\":1,\"Operations\":["
                + "{\"method\":\"DELETE\",\"path\":\"/Users/missing\"},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"later\",\"data\":{\"userName\":\"never@x.com\"}}]}");
        assertEquals(1, results.size(), results::toString);
        Reply none = scim.get(USERS + "?filter=userName%20eq%20%22never@x.com%22");
        assertEquals(0, none.json().path("totalResults").asInt());
    }

    @Test
    void versionIsAPreconditionAndUnknownOrCircularReferencesAreConflicts() {
        String id = scim.post(USERS, "{\"userName\":\"" + uniqueName("v") + "\"}").text("id");
        JsonNode results = bulk(HEAD + "\"Operations\":["
                + "{\"method\":\"DELETE\",\"path\":\"/Users/" + id + "\",\"version\":\"W/\\\"77\\\"\"},"
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"a\",\"data\":{\"displayName\":\"A\",\"members\":[{\"value\":\"bulkId:b\"}]}},"
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"b\",\"data\":{\"displayName\":\"B\",\"members\":[{\"value\":\"bulkId:a\"}]}},"
                + "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"c\",\"data\":{\"displayName\":\"C\",\"members\":[{\"value\":\"bulkId:zzz\"}]}}]}");
        assertEquals("412", results.path(0).path("status").asText(), results::toString);
        assertEquals("409", results.path(1).path("status").asText(), results::toString);
        assertEquals("409", results.path(2).path("status").asText(), results::toString);
        assertEquals("409", results.path(3).path("status").asText(), results::toString);
        assertEquals(200, scim.get(USERS + "/" + id).status());
    }

    @Test
    void malformedRequestsAndLimits() {
        assertScimError(scim.post(BULK, "{\"Operations\":[]}"), 400, "invalidSyntax");
        assertScimError(scim.post(BULK, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{}]}"), 400, "invalidSyntax");
        StringBuilder many = new StringBuilder(HEAD + "\"Operations\":[");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"method\":\"DELETE\",\"path\":\"/Users/x").append(i).append("\"}");
        }
        assertScimError(scim.post(BULK, many + "]}"), 413, null);
        String big = "x".repeat(1_100_000);
        assertScimError(scim.post(BULK, HEAD + "\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b\","
                + "\"data\":{\"userName\":\"" + big + "\"}}]}"), 413, null);
        JsonNode results = bulk(HEAD + "\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{\"userName\":\"nobulkid@x.com\"}},"
                + "{\"method\":\"GET\",\"path\":\"/Users\"},{\"method\":\"POST\",\"path\":\"/Things\",\"bulkId\":\"t\",\"data\":{}}]}");
        assertEquals("400", results.path(0).path("status").asText(), results::toString);
        assertEquals("400", results.path(1).path("status").asText(), results::toString);
        assertEquals("invalidPath", results.path(2).path("response").path("scimType").asText(), results::toString);
    }
}
