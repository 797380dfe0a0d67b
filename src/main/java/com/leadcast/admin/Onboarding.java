package com.leadcast.admin;

import com.leadcast.api.model.AdminConsentUrls;
import com.leadcast.api.model.AppRole;
import com.leadcast.api.model.OnboardingApiToken;
import com.leadcast.api.model.RoleAttributeMapping;
import com.leadcast.api.model.TenantOnboarding;
import com.leadcast.scim.roles.RoleCatalog;
import com.leadcast.scim.roles.RoleMapping;
import com.leadcast.tenant.ApiToken;
import com.leadcast.tenant.Tenant;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's onboarding sheet: what the Entra setup guide's "Prerequisites" tell a tenant's administrator to ask the
 * app administrator for (admin consent URLs, SCIM endpoint URL, how to get the API token, app roles), plus the exact
 * role mapping to configure for the tenant's {@link RoleMapping}. Plain data in, the admin API's model out.
 */
final class Onboarding {

    /** Entra's feature flag for RFC-conformant PATCH requests, appended to the Tenant URL. */
    static final String ENTRA_FLAG = "aadOptscim062020";

    private Onboarding() {
    }

    /**
     * The sheet for {@code tenant}, whose tokens are {@code tokens}; {@code scimBase} is the SCIM base URL and
     * {@code tokensUrl} the admin API URL that issues the tenant's tokens.
     */
    static TenantOnboarding of(Tenant tenant, List<ApiToken> tokens, RoleCatalog catalog, ConsentUrls consent,
                               String scimBase, String tokensUrl, Instant now) {
        RoleMapping mapping = tenant.getRoleMapping();
        return new TenantOnboarding()
                .tenantId(tenant.getId())
                .tenantName(tenant.getName())
                .adminConsentUrls(new AdminConsentUrls().test(consent.test()).production(consent.production()))
                .scimEndpointUrl(URI.create(scimBase))
                .entraTenantUrl(URI.create(scimBase + "?" + ENTRA_FLAG))
                .apiToken(apiToken(tokens, tokensUrl, now))
                .appRoles(catalog.roles().stream().map(r -> new AppRole()
                        .value(r.value()).displayName(r.displayName()).description(r.description())).toList())
                .roleMapping(mapping.wireName())
                .roleAttributeMapping(new RoleAttributeMapping()
                        .mappingType("Expression")
                        .expression(mapping.entraExpression())
                        .targetAttribute(mapping.entraTargetAttribute())
                        .notes(notes(mapping, catalog)));
    }

    private static OnboardingApiToken apiToken(List<ApiToken> tokens, String tokensUrl, Instant now) {
        int active = (int) tokens.stream().filter(t -> t.unusableReason(now) == null).count();
        String instructions = "The app administrator issues the token with POST " + tokensUrl + " (admin bearer, "
                + "body {\"label\": \"Entra ID provisioning\"}) and hands the returned \"token\" (lcs_...) to the "
                + "tenant's administrator over a secure channel: it is shown only once. In Entra, paste it bare, "
                + "without \"Bearer \", into Provisioning > Admin Credentials > Secret Token, then click Test "
                + "Connection.";
        if (active == 0) {
            instructions += " This tenant has no active token yet.";
        }
        return new OnboardingApiToken().instructions(instructions).issueUrl(URI.create(tokensUrl)).activeTokens(active);
    }

    private static List<String> notes(RoleMapping mapping, RoleCatalog catalog) {
        List<String> notes = new ArrayList<>();
        notes.add("Add the mapping to the separate non-gallery enterprise application that runs provisioning "
                + "(Provisioning > Mappings > Provision Microsoft Entra ID Users > Add New Mapping), not to the "
                + "sign-in app created by admin consent.");
        if (catalog.isEmpty()) {
            notes.add("The app-role catalog is empty, so Leadcast accepts any role value.");
        } else {
            notes.add("Define app roles on that application whose values are exactly the appRoles values ("
                    + String.join(", ", catalog.roles().stream().map(r -> r.value()).toList()) + ") and assign "
                    + "every user or group one of them; Default Access and other values are refused with 400 "
                    + "invalidValue.");
        }
        if (mapping == RoleMapping.SINGLE) {
            notes.add("Each user holds one Leadcast role: assign one role per user. With several assignments Entra's "
                    + "choice is not predictable, and Leadcast keeps the role it receives last.");
        } else {
            notes.add("First add roles to the target attributes: Show advanced options > Edit attribute list, name "
                    + "roles, type String, Multi-Value ticked.");
            notes.add("AssertiveAppRoleAssignmentsComplex sends each user's complete role set, so roles removed in "
                    + "Entra are removed in Leadcast. AppRoleAssignmentsComplex([appRoleAssignments]) works too but "
                    + "only ever adds roles.");
        }
        notes.add("Never map appRoleAssignments with the mapping type Direct: Leadcast refuses the raw assignment "
                + "object with 400 invalidValue.");
        notes.add("Role expressions need the scope \"Sync only assigned users and groups\"; Provision on demand "
                + "does not send roles.");
        return notes;
    }
}
