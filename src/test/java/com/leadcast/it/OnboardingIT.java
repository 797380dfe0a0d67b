package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /admin/v1/tenants/{id}/onboarding} (issue 4): what the tenant's Entra administrator must receive, as the
 * setup guide's prerequisites list it. The server runs with a configured test consent URL ({@code it.consent.url.test})
 * and no production one, so production is Leadcast's published URL.
 */
class OnboardingIT extends ScimTestBase {

    private static final String TENANTS = "/admin/v1/tenants";
    private static final String PUBLISHED_PRODUCTION =
            "https://login.microsoftonline.com/common/adminconsent?client_id=560f4554-4d0a-4cf3-8130-a684717912ba";

    @AfterEach
    void emptyCatalog() {
        assertEquals(200, admin.put("/admin/v1/app-roles", "[]").status());
    }

    @Test
    void aNewTenantsSheetHasConsentUrlsScimUrlTokenInstructionsAndTheSingleRoleMapping() {
        String id = newTenant();

        Reply reply = admin.get(TENANTS + "/" + id + "/onboarding");

        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply::contentType);
        JsonNode sheet = reply.json();
        assertEquals(id, sheet.path("tenantId").asText(), reply::toString);
        assertTrue(sheet.path("tenantName").asText().startsWith("Tenant "), reply::toString);
        assertEquals(System.getProperty("it.consent.url.test"), sheet.path("adminConsentUrls").path("test").asText());
        assertEquals(PUBLISHED_PRODUCTION, sheet.path("adminConsentUrls").path("production").asText());
        assertEquals(root() + "/scim/v2", sheet.path("scimEndpointUrl").asText());
        assertEquals(root() + "/scim/v2?aadOptscim062020", sheet.path("entraTenantUrl").asText());
        assertEquals(0, sheet.path("apiToken").path("activeTokens").asInt(-1), reply::toString);
        assertEquals(root() + TENANTS + "/" + id + "/tokens", sheet.path("apiToken").path("issueUrl").asText());
        assertTrue(sheet.path("apiToken").path("instructions").asText().contains("Secret Token"), reply::toString);
        assertEquals(tree("[]"), sheet.path("appRoles"));
        assertEquals("single", sheet.path("roleMapping").asText());
        JsonNode mapping = sheet.path("roleAttributeMapping");
        assertEquals("Expression", mapping.path("mappingType").asText());
        assertEquals("SingleAppRoleAssignment([appRoleAssignments])", mapping.path("expression").asText());
        assertEquals("roles[primary eq \"True\"].value", mapping.path("targetAttribute").asText());
        assertTrue(mapping.path("notes").size() >= 3, reply::toString);
    }

    @Test
    void theScimEndpointUrlOfTheSheetAnswersEntrasTestConnectionWithATokenIssuedAsInstructed() {
        String id = newTenant();
        JsonNode sheet = admin.get(TENANTS + "/" + id + "/onboarding").json();
        Reply issued = admin.post(sheet.path("apiToken").path("issueUrl").asText().substring(root().length()),
                j("{'label':'Entra ID provisioning'}"));
        assertEquals(201, issued.status(), issued::toString);

        Http entra = new Http(root(), issued.text("token"));
        String probe = sheet.path("scimEndpointUrl").asText().substring(root().length()) + "/Users?filter="
                + enc("userName eq \"" + UUID.randomUUID() + "\"");
        Reply answer = entra.get(probe);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(0, answer.json().path("totalResults").asInt(-1), answer::toString);
        assertEquals(1, admin.get(TENANTS + "/" + id + "/onboarding").json().path("apiToken").path("activeTokens")
                .asInt());
    }

    @Test
    void revokedTokensDoNotCountAsActive() {
        String id = newTenant();
        newToken(id);
        String revoked = admin.post(TENANTS + "/" + id + "/tokens", j("{'label':'old'}")).text("id");
        assertEquals(204, admin.delete(TENANTS + "/" + id + "/tokens/" + revoked).status());

        JsonNode sheet = admin.get(TENANTS + "/" + id + "/onboarding").json();

        assertEquals(1, sheet.path("apiToken").path("activeTokens").asInt(), sheet::toString);
    }

    @Test
    void theSheetListsTheCatalogAndFollowsTheTenantsRoleMapping() {
        assertEquals(200, admin.put("/admin/v1/app-roles", j("[{'value':'Admin','displayName':'Administrator'},"
                + "{'value':'Reader','displayName':'Reader','description':'Reads'}]")).status());
        String id = newTenant();
        assertEquals(200, admin.patch(TENANTS + "/" + id, j("{'roleMapping':'multiple'}")).status());

        JsonNode sheet = admin.get(TENANTS + "/" + id + "/onboarding").json();

        assertEquals(tree("[{'value':'Admin','displayName':'Administrator'},"
                + "{'value':'Reader','displayName':'Reader','description':'Reads'}]"), sheet.path("appRoles"));
        assertEquals("multiple", sheet.path("roleMapping").asText());
        JsonNode mapping = sheet.path("roleAttributeMapping");
        assertEquals("AssertiveAppRoleAssignmentsComplex([appRoleAssignments])", mapping.path("expression").asText());
        assertEquals("roles", mapping.path("targetAttribute").asText());
        List<String> notes = new ArrayList<>();
        mapping.path("notes").forEach(n -> notes.add(n.asText()));
        assertTrue(notes.stream().anyMatch(n -> n.contains("Admin, Reader")), notes::toString);
        assertTrue(notes.stream().anyMatch(n -> n.contains("Multi-Value")), notes::toString);
    }

    @Test
    void anUnknownTenantIs404AndTheSheetNeedsTheAdminToken() {
        assertScimError(admin.get(TENANTS + "/" + UUID.randomUUID() + "/onboarding"), 404, null);

        String id = newTenant();
        assertScimError(new Http(root(), newToken(id)).get(TENANTS + "/" + id + "/onboarding"), 401, null);
        Reply anonymous = new Http(root(), null).get(TENANTS + "/" + id + "/onboarding");
        assertScimError(anonymous, 401, null);
        assertFalse(anonymous.body().contains("lcs_"), anonymous::toString);
    }
}
