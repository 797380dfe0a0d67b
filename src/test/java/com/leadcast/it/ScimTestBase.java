package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deploys the WAR that {@code mvn package} built and gives each test an admin client and helpers to make a tenant
 * with a token. The SCIM base is {@code /scim/v2}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ScimTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    protected static final String USERS = "/scim/v2/Users";
    protected static final String GROUPS = "/scim/v2/Groups";

    @ArquillianResource
    protected URL base;

    protected Http admin;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @BeforeEach
    void clients() {
        admin = new Http(root(), System.getProperty("it.admin.token")).json();
    }

    protected String root() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    /** A new tenant's id. */
    protected String newTenant() {
        Reply reply = admin.post("/admin/v1/tenants", "{\"name\":\"Tenant " + UUID.randomUUID() + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }

    /** A token of {@code tenantId}. */
    protected String newToken(String tenantId) {
        Reply reply = admin.post("/admin/v1/tenants/" + tenantId + "/tokens", "{\"label\":\"test\"}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("token");
    }

    /** A SCIM client of a new tenant. */
    protected Http newTenantClient() {
        return new Http(root(), newToken(newTenant()));
    }

    /**
     * Asserts a SCIM error response (RFC 7644 §3.12): {@code application/scim+json}, or {@code application/json}
     * on the admin API.
     */
    protected static JsonNode assertScimError(Reply reply, int status, String scimType) {
        assertEquals(status, reply.status(), reply::toString);
        String mediaType = reply.raw().request().uri().getPath().startsWith("/admin/") ? "application/json" : Http.SCIM_JSON;
        assertTrue(reply.contentType().startsWith(mediaType), () -> "Content-Type " + reply.contentType());
        JsonNode body = reply.json();
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", body.path("schemas").path(0).asText(), reply::toString);
        assertEquals(String.valueOf(status), body.path("status").asText(), reply::toString);
        if (scimType != null) {
            assertEquals(scimType, body.path("scimType").asText(), reply::toString);
        }
        assertTrue(body.path("detail").asText().length() > 10, () -> "a detail an admin can act on: " + reply);
        return body;
    }

    /** JSON written with single quotes for readability, and a backtick for a quote inside a string. */
    protected static String j(String text) {
        return text.replace('\'', '"').replace("`", "\\\"");
    }

    /** {@link #j} parsed. */
    protected static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(j(text));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A query parameter value, URL-encoded. */
    protected static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    protected static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.com";
    }
}
