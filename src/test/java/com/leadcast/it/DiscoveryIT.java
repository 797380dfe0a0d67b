package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Discovery (RFC 7644 §4) describes exactly what the server does, and the features it does not offer answer 501
 * with a SCIM error an admin can act on.
 */
class DiscoveryIT extends ScimTestBase {

    private static final String BASE = "/scim/v2";
    private static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void serviceProviderConfigDescribesTheImplementedFeatures() {
        Reply reply = newTenantClient().get(BASE + "/ServiceProviderConfig");

        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
        JsonNode config = reply.json();
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
                config.path("schemas").path(0).asText());
        assertTrue(config.path("patch").path("supported").asBoolean(false), reply::toString);
        assertTrue(config.path("bulk").path("supported").asBoolean(false), reply::toString);
        assertEquals(1000, config.path("bulk").path("maxOperations").asInt(), reply::toString);
        assertTrue(config.path("bulk").has("maxOperations") && config.path("bulk").has("maxPayloadSize"),
                () -> "RFC 7643 §5 requires them: " + reply);
        assertTrue(config.path("filter").path("supported").asBoolean(false), reply::toString);
        assertEquals(1000, config.path("filter").path("maxResults").asInt(), reply::toString);
        assertTrue(config.path("sort").path("supported").asBoolean(false), reply::toString);
        assertTrue(config.path("etag").path("supported").asBoolean(false), reply::toString);
        assertTrue(config.path("changePassword").path("supported").isBoolean(), reply::toString);
        assertTrue(config.path("changePassword").path("supported").asBoolean(), reply::toString);

        JsonNode schemes = config.path("authenticationSchemes");
        assertEquals(1, schemes.size(), reply::toString);
        assertEquals("oauthbearertoken", schemes.path(0).path("type").asText());
        assertFalse(schemes.path(0).path("name").asText().isEmpty(), reply::toString);
        assertFalse(schemes.path(0).path("description").asText().isEmpty(), reply::toString);

        JsonNode pagination = config.path("pagination");
        assertTrue(pagination.path("index").asBoolean(false), reply::toString);
        assertTrue(pagination.path("cursor").asBoolean(false), reply::toString);
        assertEquals("index", pagination.path("defaultPaginationMethod").asText(), reply::toString);
        assertEquals(100, pagination.path("defaultPageSize").asInt(), reply::toString);
        assertEquals(1000, pagination.path("maxPageSize").asInt(), reply::toString);
        // LEADCAST_CURSOR_TIMEOUT of the server (failsafe's environment): the configured value, not the default
        int configured = Integer.getInteger("it.cursor.timeout");
        assertEquals(configured, pagination.path("cursorTimeout").asInt(), reply::toString);

        assertEquals("ServiceProviderConfig", config.path("meta").path("resourceType").asText());
        assertEquals(root() + BASE + "/ServiceProviderConfig", config.path("meta").path("location").asText());
    }

    @Test
    void maxResultsIsTheLargestPageReallyServed() {
        Http scim = newTenantClient();
        Reply reply = scim.get(USERS + "?count=5000");
        assertEquals(200, reply.status(), reply::toString);
        // an empty tenant, but the requested count was accepted and lowered, not refused
        assertEquals(0, reply.json().path("totalResults").asInt());
    }

    @Test
    void resourceTypesListUserWithEnterpriseExtensionAndGroup() {
        Reply reply = newTenantClient().get(BASE + "/ResourceTypes");

        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
        JsonNode body = reply.json();
        assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse", body.path("schemas").path(0).asText());
        assertEquals(2, body.path("totalResults").asInt(), reply::toString);
        assertEquals(2, body.path("Resources").size(), reply::toString);
        Map<String, JsonNode> types = new HashMap<>();
        body.path("Resources").forEach(t -> types.put(t.path("name").asText(), t));

        JsonNode user = types.get("User");
        assertNotNull(user, reply::toString);
        assertUserResourceType(user);

        JsonNode group = types.get("Group");
        assertNotNull(group, reply::toString);
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:ResourceType", group.path("schemas").path(0).asText());
        assertEquals("Group", group.path("id").asText());
        assertEquals("/Groups", group.path("endpoint").asText());
        assertEquals(GROUP_URN, group.path("schema").asText());
        assertEquals(0, group.path("schemaExtensions").size(), group::toString);
        assertEquals(root() + BASE + "/ResourceTypes/Group", group.path("meta").path("location").asText());
    }

    @Test
    void oneResourceTypeByName() {
        Http scim = newTenantClient();
        Reply reply = scim.get(BASE + "/ResourceTypes/User");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
        assertUserResourceType(reply.json());

        Reply group = scim.get(BASE + "/ResourceTypes/Group");
        assertEquals(200, group.status(), group::toString);
        assertEquals("/Groups", group.json().path("endpoint").asText());
    }

    @Test
    void schemasListTheThreeSchemasWithAttributesAndAbsoluteLocations() {
        Reply reply = newTenantClient().get(BASE + "/Schemas");

        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
        JsonNode body = reply.json();
        assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse", body.path("schemas").path(0).asText());
        assertEquals(3, body.path("totalResults").asInt(), reply::toString);
        Map<String, JsonNode> schemas = new HashMap<>();
        body.path("Resources").forEach(s -> schemas.put(s.path("id").asText(), s));
        assertEquals(Set.of(USER_URN, ENTERPRISE_URN, GROUP_URN), schemas.keySet());

        for (JsonNode schema : schemas.values()) {
            String id = schema.path("id").asText();
            assertEquals("urn:ietf:params:scim:schemas:core:2.0:Schema", schema.path("schemas").path(0).asText(),
                    schema::toString);
            assertFalse(schema.path("name").asText().isEmpty(), id);
            assertTrue(schema.path("attributes").size() > 0, id);
            assertEquals("Schema", schema.path("meta").path("resourceType").asText(), id);
            assertEquals(root() + BASE + "/Schemas/" + id, schema.path("meta").path("location").asText(), id);
        }
        assertTrue(attributeNames(schemas.get(USER_URN)).containsAll(Set.of("userName", "name", "displayName",
                "emails", "active", "groups", "password")), () -> attributeNames(schemas.get(USER_URN)).toString());
        assertTrue(attributeNames(schemas.get(ENTERPRISE_URN)).containsAll(Set.of("employeeNumber", "manager")));
        assertEquals(Set.of("displayName", "members"), attributeNames(schemas.get(GROUP_URN)));

        JsonNode members = attribute(schemas.get(GROUP_URN), "members");
        assertEquals("complex", members.path("type").asText());
        assertTrue(members.path("multiValued").asBoolean(false));
        Set<String> subs = new TreeSet<>();
        members.path("subAttributes").forEach(s -> subs.add(s.path("name").asText()));
        assertEquals(new TreeSet<>(Set.of("value", "$ref", "display", "type")), subs);
        JsonNode userName = attribute(schemas.get(USER_URN), "userName");
        assertTrue(userName.path("required").asBoolean(false));
        assertEquals("server", userName.path("uniqueness").asText());
        assertEquals("never", attribute(schemas.get(USER_URN), "password").path("returned").asText());
        assertEquals("readOnly", attribute(schemas.get(USER_URN), "groups").path("mutability").asText());
    }

    @Test
    void oneSchemaByUrn() {
        Http scim = newTenantClient();
        for (String urn : new String[]{USER_URN, GROUP_URN, ENTERPRISE_URN}) {
            Reply reply = scim.get(BASE + "/Schemas/" + urn);
            assertEquals(200, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
            assertEquals(urn, reply.text("id"));
            assertTrue(reply.json().path("attributes").size() > 0, reply::toString);
            assertEquals(root() + BASE + "/Schemas/" + urn, reply.json().path("meta").path("location").asText());
        }
    }

    @Test
    void unknownSchemaOrResourceTypeIsAScimNotFound() {
        Http scim = newTenantClient();
        assertScimError(scim.get(BASE + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:Nothing"), 404, null);
        assertScimError(scim.get(BASE + "/ResourceTypes/Device"), 404, null);
    }

    @Test
    void meIsNotImplementedForAProvisioningToken() {
        Http scim = newTenantClient();
        JsonNode error = assertScimError(scim.get(BASE + "/Me"), 501, null);
        assertTrue(error.path("detail").asText().contains("/Me"), error::toString);
    }

    @Test
    void discoveryNeedsAToken() {
        Http anonymous = new Http(root(), null);
        for (String path : new String[]{"/ServiceProviderConfig", "/ResourceTypes", "/ResourceTypes/User", "/Schemas",
                "/Schemas/" + USER_URN}) {
            Reply reply = anonymous.get(BASE + path);
            assertScimError(reply, 401, null);
            assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith("Bearer"), reply::toString);
        }
        assertScimError(new Http(root(), "lcs_wrong").get(BASE + "/ServiceProviderConfig"), 401, null);
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private void assertUserResourceType(JsonNode user) {
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:ResourceType", user.path("schemas").path(0).asText());
        assertEquals("User", user.path("id").asText());
        assertEquals("User", user.path("name").asText());
        assertEquals("/Users", user.path("endpoint").asText());
        assertEquals(USER_URN, user.path("schema").asText());
        assertEquals(1, user.path("schemaExtensions").size(), user::toString);
        assertEquals(ENTERPRISE_URN, user.path("schemaExtensions").path(0).path("schema").asText());
        assertFalse(user.path("schemaExtensions").path(0).path("required").asBoolean(true), user::toString);
        assertEquals("ResourceType", user.path("meta").path("resourceType").asText());
        assertEquals(root() + BASE + "/ResourceTypes/User", user.path("meta").path("location").asText());
    }

    private static Set<String> attributeNames(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("attributes").forEach(a -> names.add(a.path("name").asText()));
        return names;
    }

    private static JsonNode attribute(JsonNode schema, String name) {
        for (JsonNode a : schema.path("attributes")) {
            if (a.path("name").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no attribute " + name + " in " + schema.path("id"));
    }
}
