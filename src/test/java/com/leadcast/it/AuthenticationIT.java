package com.leadcast.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bearer authentication of the SCIM and admin APIs (RFC 6750) and tokens' life cycle. */
class AuthenticationIT extends ScimTestBase {

    @Test
    void missingTokenIsAChallengeWithScimBodyNotARedirect() {
        Reply reply = new Http(root(), null).get(USERS);
        assertScimError(reply, 401, null);
        assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith("Bearer"), reply::toString);
    }

    @Test
    void unknownTokenIsRefusedAsInvalidToken() {
        Reply reply = new Http(root(), "lcs_not-a-real-token").get(USERS);
        assertScimError(reply, 401, null);
        assertTrue(reply.header("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""), reply::toString);
    }

    @Test
    void validTokenIsAcceptedAndEntraTestConnectionGetsEmptyList() {
        Http scim = newTenantClient();
        Reply reply = scim.get(USERS + "?filter=userName+eq+%227d420df3-9995-4831-a406-ecf8166f5f6a%22");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
        assertEquals(0, reply.json().path("totalResults").asInt());
        assertEquals(0, reply.json().path("Resources").size());
    }

    @Test
    void revokedTokenStopsWorkingAtOnce() {
        String tenant = newTenant();
        Reply issued = admin.post("/admin/v1/tenants/" + tenant + "/tokens", "{\"label\":\"to revoke\"}");
        Http scim = new Http(root(), issued.text("token"));
        assertEquals(200, scim.get(USERS).status());

        assertEquals(204, admin.delete("/admin/v1/tenants/" + tenant + "/tokens/" + issued.text("id")).status());

        Reply reply = scim.get(USERS);
        assertScimError(reply, 401, null);
        assertTrue(reply.json().path("detail").asText().contains("revoked"), reply::toString);
    }

    @Test
    void expiredTokenIsRefused() throws InterruptedException {
        String tenant = newTenant();
        String expiresAt = java.time.Instant.now().plusSeconds(2).toString();
        Reply issued = admin.post("/admin/v1/tenants/" + tenant + "/tokens",
                "{\"label\":\"short-lived\",\"expiresAt\":\"" + expiresAt + "\"}");
        assertEquals(201, issued.status(), issued::toString);
        Http scim = new Http(root(), issued.text("token"));
        assertEquals(200, scim.get(USERS).status());
        Thread.sleep(2500);
        Reply reply = scim.get(USERS);
        assertScimError(reply, 401, null);
        assertTrue(reply.json().path("detail").asText().contains("expired"), reply::toString);
    }

    @Test
    void tenantTokenCannotCallTheAdminApiAndAdminTokenCannotCallScim() {
        Http scim = newTenantClient();
        Reply refused = scim.get("/admin/v1/tenants");
        assertEquals(401, refused.status(), refused::toString);
        // the admin API's errors are the ScimError body in application/json (openapi/scim-api.yaml, AdminUnauthorized)
        assertTrue(refused.contentType().startsWith("application/json"), refused::contentType);
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", refused.json().path("schemas").path(0).asText());
        assertScimError(admin.get(USERS), 401, null);
    }

    @Test
    void openApiDescriptionIsPublic() {
        Reply reply = new Http(root(), null).get("/openapi.yaml");
        assertEquals(200, reply.status());
        assertTrue(reply.body().startsWith("openapi: 3"), () -> reply.body().substring(0, 40));
        assertTrue(reply.body().contains("/scim/v2/Users"));
    }

    @Test
    void unknownEndpointIsAScimNotFound() {
        assertScimError(newTenantClient().get("/scim/v2/Nothing"), 404, null);
        assertScimError(new Http(root(), null).get("/no/such/page"), 404, null);
    }
}
