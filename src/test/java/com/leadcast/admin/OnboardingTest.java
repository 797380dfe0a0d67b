package com.leadcast.admin;

import com.leadcast.api.model.TenantOnboarding;
import com.leadcast.scim.roles.AppRole;
import com.leadcast.scim.roles.RoleCatalog;
import com.leadcast.scim.roles.RoleMapping;
import com.leadcast.tenant.ApiToken;
import com.leadcast.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ConsentUrls} configuration and the {@link Onboarding} sheet for each role mapping. */
class OnboardingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final String SCIM = "https://acme.leadcast.app/scim/v2";
    private static final String TOKENS = "https://acme.leadcast.app/admin/v1/tenants/t1/tokens";
    private static final RoleCatalog CATALOG = RoleCatalog.of(List.of(new AppRole("Admin", "Administrator", null),
            new AppRole("Reader", null, null)));

    @Test
    void unsetConsentUrlsAreLeadcastsPublishedOnes() {
        ConsentUrls urls = ConsentUrls.from(name -> null);

        assertEquals(URI.create(ConsentUrls.PUBLISHED_TEST), urls.test());
        assertEquals(URI.create(ConsentUrls.PUBLISHED_PRODUCTION), urls.production());
        assertTrue(urls.test().toString().contains("5297c3c4-1e1a-4d0f-9c71-c82dad658318"));
    }

    @Test
    void configuredConsentUrlsWinAndAnEmptyOneIsNotOffered() {
        Map<String, String> environment = Map.of(ConsentUrls.TEST_VARIABLE, " https://login.example/consent?id=1 ",
                ConsentUrls.PRODUCTION_VARIABLE, "");

        ConsentUrls urls = ConsentUrls.from(environment::get);

        assertEquals(URI.create("https://login.example/consent?id=1"), urls.test());
        assertNull(urls.production());
    }

    @Test
    void aConsentUrlThatIsNotAnAbsoluteHttpUrlIsLeftOut() {
        for (String bad : List.of("login.example/consent", "ftp://login.example/x", "https://", "http://a b")) {
            assertNull(ConsentUrls.from(name -> bad).test(), bad);
        }
    }

    @Test
    void singleMappingSheetNamesTheSingleRoleExpressionAndTheFlaggedTenantUrl() {
        Tenant tenant = new Tenant("Contoso", NOW, RoleMapping.SINGLE);

        TenantOnboarding sheet = Onboarding.of(tenant, List.of(), CATALOG, ConsentUrls.from(name -> null), SCIM,
                TOKENS, NOW);

        assertEquals(URI.create(SCIM), sheet.getScimEndpointUrl());
        assertEquals(URI.create(SCIM + "?aadOptscim062020"), sheet.getEntraTenantUrl());
        assertEquals("single", sheet.getRoleMapping());
        assertEquals("Expression", sheet.getRoleAttributeMapping().getMappingType());
        assertEquals("SingleAppRoleAssignment([appRoleAssignments])", sheet.getRoleAttributeMapping().getExpression());
        assertEquals("roles[primary eq \"True\"].value", sheet.getRoleAttributeMapping().getTargetAttribute());
        assertEquals(List.of("Admin", "Reader"), sheet.getAppRoles().stream().map(r -> r.getValue()).toList());
        assertTrue(sheet.getRoleAttributeMapping().getNotes().stream().anyMatch(n -> n.contains("Admin, Reader")));
        assertEquals(0, sheet.getApiToken().getActiveTokens());
        assertTrue(sheet.getApiToken().getInstructions().contains("no active token"));
        assertEquals(URI.create(TOKENS), sheet.getApiToken().getIssueUrl());
    }

    @Test
    void multipleMappingSheetNamesTheAssertiveExpressionAndTheAttributeListStep() {
        TenantOnboarding sheet = Onboarding.of(new Tenant("Fabrikam", NOW, RoleMapping.MULTIPLE), List.of(),
                RoleCatalog.EMPTY, ConsentUrls.from(name -> null), SCIM, TOKENS, NOW);

        assertEquals("AssertiveAppRoleAssignmentsComplex([appRoleAssignments])",
                sheet.getRoleAttributeMapping().getExpression());
        assertEquals("roles", sheet.getRoleAttributeMapping().getTargetAttribute());
        List<String> notes = sheet.getRoleAttributeMapping().getNotes();
        assertTrue(notes.stream().anyMatch(n -> n.contains("Multi-Value")), notes::toString);
        assertTrue(notes.stream().anyMatch(n -> n.contains("accepts any role value")), notes::toString);
        assertTrue(sheet.getAppRoles().isEmpty());
    }

    @Test
    void onlyTokensNeitherRevokedNorExpiredCountAsActive() {
        ApiToken active = token(null);
        ApiToken expired = token(NOW.minusSeconds(1));
        ApiToken revoked = token(null);
        revoked.revoke(NOW.minusSeconds(60));

        TenantOnboarding sheet = Onboarding.of(new Tenant("Contoso", NOW, RoleMapping.SINGLE),
                List.of(active, expired, revoked), CATALOG, ConsentUrls.from(name -> null), SCIM, TOKENS, NOW);

        assertEquals(1, sheet.getApiToken().getActiveTokens());
        assertFalse(sheet.getApiToken().getInstructions().contains("no active token"));
    }

    private static ApiToken token(Instant expiresAt) {
        return new ApiToken("t1", "Entra", "hash-" + System.nanoTime(), "lcs_abcd", NOW.minusSeconds(3600), expiresAt);
    }
}
