package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API exactly as {@code openapi/scim-api.yaml} (tag Admin) describes it: tenants and their tokens, plain
 * {@code application/json} bodies, ScimError bodies for failures, the server's admin token as bearer.
 */
class AdminApiIT extends ScimTestBase {

    private static final String TENANTS = "/admin/v1/tenants";
    private static final String JSON = "application/json";

    // --- tenants ----------------------------------------------------------------------------------------------------

    @Test
    void createTenantAnswers201WithIdNameScimBaseUrlCreatedAtAndLocation() {
        String name = "Contoso " + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(5);

        Reply reply = admin.post(TENANTS, "{\"name\":\"" + name + "\"}");

        assertEquals(201, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(JSON), reply::contentType);
        JsonNode tenant = reply.json();
        String id = tenant.path("id").asText();
        assertTrue(id.length() >= 8, reply::toString);
        assertEquals(name, tenant.path("name").asText());
        assertEquals(root() + "/scim/v2", tenant.path("scimBaseUrl").asText());
        assertTrue(tenant.path("scimBaseUrl").asText().endsWith("/scim/v2"));
        assertRecent(tenant.path("createdAt").asText(), before);
        assertEquals(root() + TENANTS + "/" + id, reply.header("Location").orElse(null));
        assertEquals("single", tenant.path("roleMapping").asText(), reply::toString);
        assertTrue(tenant.path("effectiveRateLimit").path("serverDefault").asBoolean(), reply::toString);
        assertEquals("active", tenant.path("status").asText(), reply::toString);
        assertEquals(7, tenant.size(), () -> "exactly id, name, status, scimBaseUrl, roleMapping, effectiveRateLimit, "
                + "createdAt: " + reply);
    }

    @Test
    void listTenantsContainsTheCreatedTenant() {
        String name = "Listed " + UUID.randomUUID();
        String id = admin.post(TENANTS, "{\"name\":\"" + name + "\"}").text("id");

        Reply list = admin.get(TENANTS + "?name=" + name.substring("Listed ".length()).toUpperCase());

        assertEquals(200, list.status(), list::toString);
        assertTrue(list.contentType().startsWith(JSON), list::contentType);
        assertEquals(1, list.json().path("tenants").size(), list::toString);
        assertFalse(list.json().has("nextCursor"), list::toString);
        JsonNode found = null;
        for (JsonNode tenant : list.json().path("tenants")) {
            if (tenant.path("id").asText().equals(id)) {
                found = tenant;
            }
        }
        assertNotNull(found, list::toString);
        assertEquals(name, found.path("name").asText());
        assertEquals(root() + "/scim/v2", found.path("scimBaseUrl").asText());
        assertFalse(found.path("createdAt").asText().isEmpty());
    }

    @Test
    void getTenantReturnsIt() {
        String name = "One " + UUID.randomUUID();
        Reply created = admin.post(TENANTS, "{\"name\":\"" + name + "\"}");
        String id = created.text("id");

        Reply reply = admin.get(TENANTS + "/" + id);

        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(JSON), reply::contentType);
        assertEquals(created.json(), reply.json());
    }

    @Test
    void deleteTenantAnswers204ThenTheTenantIsNotFound() {
        String name = "Deleted " + UUID.randomUUID();
        String id = admin.post(TENANTS, "{\"name\":\"" + name + "\"}").text("id");

        Reply deleted = admin.delete(TENANTS + "/" + id + "?confirm=" + id);
        assertEquals(204, deleted.status(), deleted::toString);
        assertTrue(deleted.body().isEmpty(), deleted::toString);

        assertAdminError(admin.get(TENANTS + "/" + id), 404);
        assertAdminError(admin.delete(TENANTS + "/" + id + "?confirm=" + id), 404);
        assertEquals(0, admin.get(TENANTS + "?name=" + enc(name)).json().path("tenants").size(),
                "deleted tenant still listed");
    }

    @Test
    void tenantWithoutNameIsRefused() {
        assertAdminError(admin.post(TENANTS, "{}"), 400);
        assertAdminError(admin.post(TENANTS, "{\"name\":\"   \"}"), 400);
        assertAdminError(admin.post(TENANTS, "{\"name\":null}"), 400);
        assertAdminError(admin.post(TENANTS, "{\"name\":\"" + "x".repeat(201) + "\"}"), 400);
        assertAdminError(admin.post(TENANTS, ""), 400);
        assertAdminError(admin.post(TENANTS, "{\"name\":"), 400);
    }

    @Test
    void tenantNameIsTrimmed() {
        Reply reply = admin.post(TENANTS, "{\"name\":\"  Padded  \"}");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("Padded", reply.text("name"));
    }

    @Test
    void unknownTenantIsNotFoundEverywhere() {
        String unknown = UUID.randomUUID().toString();
        assertAdminError(admin.get(TENANTS + "/" + unknown), 404);
        assertAdminError(admin.delete(TENANTS + "/" + unknown), 404);
        assertAdminError(admin.get(TENANTS + "/" + unknown + "/tokens"), 404);
        assertAdminError(admin.post(TENANTS + "/" + unknown + "/tokens", "{\"label\":\"x\"}"), 404);
        assertAdminError(admin.delete(TENANTS + "/" + unknown + "/tokens/" + UUID.randomUUID()), 404);

        String tenant = newTenant();
        assertAdminError(admin.delete(TENANTS + "/" + tenant + "/tokens/" + UUID.randomUUID()), 404);
    }

    @Test
    void unknownAdminPathOrMethodIsAJsonError() {
        assertAdminError(admin.get("/admin/v1/nothing"), 404);
        Reply wrongMethod = admin.put(TENANTS, "{\"name\":\"x\"}");
        assertAdminError(wrongMethod, 405);
        String allow = wrongMethod.header("Allow").orElse("");
        assertTrue(allow.contains("GET") && allow.contains("POST") && !allow.contains("PUT"), () -> "Allow: " + allow);
    }

    // --- tokens -------------------------------------------------------------------------------------------------------

    @Test
    void issueTokenAnswers201WithAShortRandomSecretShownOnce() {
        String tenant = newTenant();
        Instant before = Instant.now().minusSeconds(5);
        Instant expiresAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Reply reply = admin.post(TENANTS + "/" + tenant + "/tokens",
                "{\"label\":\"Entra ID production\",\"expiresAt\":\"" + expiresAt + "\"}");

        assertEquals(201, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(JSON), reply::contentType);
        JsonNode token = reply.json();
        String secret = token.path("token").asText();
        assertTrue(secret.startsWith("lcs_"), secret);
        assertTrue(secret.length() < 1024, "Entra keeps secrets under 1 KB");
        assertTrue(secret.substring(4).matches("[A-Za-z0-9_-]{43,}"), () -> "256 random bits in base64url: " + secret);
        assertFalse(token.path("id").asText().isEmpty(), reply::toString);
        assertEquals("Entra ID production", token.path("label").asText());
        assertRecent(token.path("createdAt").asText(), before);
        assertEquals(expiresAt, OffsetDateTime.parse(token.path("expiresAt").asText()).toInstant(), reply::toString);

        Reply second = admin.post(TENANTS + "/" + tenant + "/tokens", "{\"label\":\"second\"}");
        assertFalse(second.text("token").equals(secret), "every token is a new secret");
        assertFalse(second.json().has("expiresAt") && !second.json().path("expiresAt").isNull(),
                () -> "no expiry unless asked: " + second);
        assertEquals(200, new Http(root(), secret).get(USERS).status(), "the issued token works at once");
    }

    @Test
    void listTokensNeverShowsTheSecretButItsPrefixAndDates() {
        String tenant = newTenant();
        Reply issued = admin.post(TENANTS + "/" + tenant + "/tokens", "{\"label\":\"listed\"}");
        String secret = issued.text("token");

        Reply list = admin.get(TENANTS + "/" + tenant + "/tokens");

        assertEquals(200, list.status(), list::toString);
        assertTrue(list.contentType().startsWith(JSON), list::contentType);
        assertFalse(list.body().contains(secret), "the secret is shown only once");
        assertFalse(list.body().contains(secret.substring(secret.length() - 16)), list::toString);
        assertEquals(1, list.json().size(), list::toString);
        JsonNode token = list.json().path(0);
        assertEquals(issued.text("id"), token.path("id").asText());
        assertEquals("listed", token.path("label").asText());
        String prefix = token.path("prefix").asText();
        assertTrue(prefix.startsWith("lcs_") && secret.startsWith(prefix), () -> prefix + " / " + secret);
        assertTrue(prefix.length() < secret.length() / 2, prefix);
        assertEquals(OffsetDateTime.parse(issued.text("createdAt")).toInstant(),
                OffsetDateTime.parse(token.path("createdAt").asText()).toInstant());
        assertFalse(token.has("token"), list::toString);
        assertFalse(token.has("revokedAt"), list::toString);
        assertFalse(token.has("lastUsedAt"), () -> "not used yet: " + list);
    }

    @Test
    void lastUsedAtIsSetOnceTheTokenWasUsed() {
        String tenant = newTenant();
        Reply issued = admin.post(TENANTS + "/" + tenant + "/tokens", "{\"label\":\"used\"}");
        Instant before = Instant.now().minusSeconds(5);

        assertEquals(200, new Http(root(), issued.text("token")).get(USERS).status());

        JsonNode token = admin.get(TENANTS + "/" + tenant + "/tokens").json().path(0);
        assertRecent(token.path("lastUsedAt").asText(), before);
        assertFalse(token.has("revokedAt"), token::toString);
    }

    @Test
    void revokeTokenAnswers204AndRevokedAtIsSet() {
        String tenant = newTenant();
        Reply issued = admin.post(TENANTS + "/" + tenant + "/tokens", "{\"label\":\"to revoke\"}");
        Reply kept = admin.post(TENANTS + "/" + tenant + "/tokens", "{\"label\":\"kept\"}");
        Instant before = Instant.now().minusSeconds(5);

        Reply revoked = admin.delete(TENANTS + "/" + tenant + "/tokens/" + issued.text("id"));
        assertEquals(204, revoked.status(), revoked::toString);
        assertTrue(revoked.body().isEmpty(), revoked::toString);

        JsonNode list = admin.get(TENANTS + "/" + tenant + "/tokens").json();
        assertEquals(2, list.size(), list::toString);
        for (JsonNode token : list) {
            if (token.path("id").asText().equals(issued.text("id"))) {
                assertRecent(token.path("revokedAt").asText(), before);
            } else {
                assertEquals(kept.text("id"), token.path("id").asText());
                assertFalse(token.has("revokedAt"), token::toString);
            }
        }
        assertEquals(401, new Http(root(), issued.text("token")).get(USERS).status());
        assertEquals(200, new Http(root(), kept.text("token")).get(USERS).status());
    }

    @Test
    void tokenWithoutLabelIsRefused() {
        String tenant = newTenant();
        String tokens = TENANTS + "/" + tenant + "/tokens";
        assertAdminError(admin.post(tokens, "{}"), 400);
        assertAdminError(admin.post(tokens, "{\"label\":\"\"}"), 400);
        assertAdminError(admin.post(tokens, "{\"expiresAt\":\"" + Instant.now().plusSeconds(3600) + "\"}"), 400);
        assertAdminError(admin.post(tokens, "{\"label\":\"" + "x".repeat(201) + "\"}"), 400);
        assertAdminError(admin.post(tokens, ""), 400);
        assertEquals(0, admin.get(tokens).json().size(), "no token was issued");
    }

    @Test
    void expiresAtInThePastOrUnreadableIsRefused() {
        String tenant = newTenant();
        String tokens = TENANTS + "/" + tenant + "/tokens";
        assertAdminError(admin.post(tokens, "{\"label\":\"old\",\"expiresAt\":\"" + Instant.now().minusSeconds(60)
                + "\"}"), 400);
        assertAdminError(admin.post(tokens, "{\"label\":\"old\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"), 400);
        assertAdminError(admin.post(tokens, "{\"label\":\"bad\",\"expiresAt\":\"next week\"}"), 400);
        assertEquals(0, admin.get(tokens).json().size(), "no token was issued");
    }

    // --- media types and authentication -----------------------------------------------------------------------------

    @Test
    void bodiesOtherThanJsonAreUnsupportedMediaType() {
        Reply reply = admin.send(admin.request(TENANTS).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertAdminError(reply, 415);
    }

    @Test
    void missingTokenIsA401BearerChallenge() {
        Http anonymous = new Http(root(), null).json();
        for (Reply reply : new Reply[]{anonymous.get(TENANTS), anonymous.post(TENANTS, "{\"name\":\"x\"}"),
                anonymous.delete(TENANTS + "/" + UUID.randomUUID())}) {
            assertAdminError(reply, 401);
            assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith("Bearer"), reply::toString);
        }
    }

    @Test
    void wrongTokenIsA401InvalidTokenChallenge() {
        int before = admin.get(TENANTS + "?count=1000&name=intruder").json().path("tenants").size();
        for (String token : new String[]{"it-admin-token-please-chang", "lcs_" + "A".repeat(43), newToken(newTenant())}) {
            Http wrong = new Http(root(), token).json();
            Reply reply = wrong.post(TENANTS, "{\"name\":\"intruder\"}");
            assertAdminError(reply, 401);
            String challenge = reply.header("WWW-Authenticate").orElse("");
            assertTrue(challenge.startsWith("Bearer") && challenge.contains("error=\"invalid_token\""), challenge);
            assertAdminError(wrong.get(TENANTS), 401);
        }
        assertEquals(before, admin.get(TENANTS + "?count=1000&name=intruder").json().path("tenants").size(),
                "no tenant was added with a wrong token");
    }

    @Test
    void tokenInAnotherAuthorizationSchemeIsNotAccepted() {
        Reply reply = admin.send(new Http(root(), null).request(TENANTS)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + System.getProperty("it.admin.token")).getBytes())).GET());
        assertAdminError(reply, 401);
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    /** An admin API failure: the ScimError body in application/json, as the contract's Admin* responses say. */
    private static JsonNode assertAdminError(Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(JSON), () -> "Content-Type " + reply.contentType() + ": " + reply);
        JsonNode body = reply.json();
        assertNotNull(body, reply::toString);
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", body.path("schemas").path(0).asText(),
                reply::toString);
        assertEquals(String.valueOf(status), body.path("status").asText(), reply::toString);
        assertTrue(body.path("detail").asText().length() > 10, reply::toString);
        return body;
    }

    private static void assertRecent(String timestamp, Instant notBefore) {
        assertFalse(timestamp == null || timestamp.isEmpty(), "missing timestamp");
        Instant instant = OffsetDateTime.parse(timestamp).toInstant();
        assertTrue(!instant.isBefore(notBefore) && instant.isBefore(Instant.now().plus(Duration.ofSeconds(5))),
                () -> timestamp + " is not the time of the request");
    }
}
