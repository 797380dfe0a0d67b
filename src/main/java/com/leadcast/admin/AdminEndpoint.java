package com.leadcast.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.admission.AdmissionControl;
import com.leadcast.api.AdminApi;
import com.leadcast.api.model.AppRole;
import com.leadcast.api.model.EffectiveRateLimit;
import com.leadcast.api.model.IssuedToken;
import com.leadcast.api.model.TenantCreateRequest;
import com.leadcast.api.model.TokenCreateRequest;
import com.leadcast.api.model.TokenInfo;
import com.leadcast.approles.AppRoleCatalog;
import com.leadcast.rest.PublicUrls;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.roles.RoleCatalog;
import com.leadcast.security.Roles;
import com.leadcast.tenant.ApiToken;
import com.leadcast.tenant.RateLimit;
import com.leadcast.tenant.Tenant;
import com.leadcast.tenant.TenantAdministration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The admin API of {@code openapi/scim-api.yaml} (tag Admin), over {@link TenantAdministration} and the
 * {@link AppRoleCatalog}; a tenant's {@link Onboarding} sheet is put together from both.
 */
@Stateless
@RolesAllowed(Roles.SCIM_ADMIN)
public class AdminEndpoint implements AdminApi {

    @Inject
    TenantAdministration administration;

    @Inject
    AppRoleCatalog appRoles;

    @Inject
    PublicUrls urls;

    @Inject
    AdmissionControl admission;

    private final ConsentUrls consentUrls = ConsentUrls.fromEnvironment();

    @Override
    public Response createTenant(TenantCreateRequest request) {
        if (request == null) {
            throw ScimException.invalidSyntax("Send {\"name\": \"...\"} to create a tenant");
        }
        Tenant tenant = administration.createTenant(request.getName(), request.getRoleMapping());
        return Response.created(URI.create(adminBase() + "/tenants/" + tenant.getId()))
                .type(MediaType.APPLICATION_JSON_TYPE).entity(view(tenant)).build();
    }

    @Override
    public Response listTenants() {
        return json(administration.tenants().stream().map(this::view).toList());
    }

    @Override
    public Response getTenant(String tenantId) {
        return json(view(administration.tenant(tenantId)));
    }

    @Override
    public Response updateTenant(String tenantId, ObjectNode request) {
        if (request == null) {
            throw ScimException.invalidSyntax("Send the settings to change, e.g. {\"roleMapping\": \"multiple\"} or "
                    + "{\"rateLimit\": {\"requestsPerSecond\": 50, \"burst\": 100}}");
        }
        TenantUpdate update = TenantUpdate.of(request);
        Tenant tenant = administration.updateTenant(tenantId, update.roleMapping().orElse(null));
        if (update.rateLimitGiven()) {
            tenant = administration.setRateLimit(tenantId, update.rateLimit());
        }
        return json(view(tenant));
    }

    @Override
    public Response deleteTenant(String tenantId) {
        administration.deleteTenant(tenantId);
        return Response.noContent().build();
    }

    @Override
    public Response getTenantOnboarding(String tenantId) {
        Tenant tenant = administration.tenant(tenantId);
        return json(Onboarding.of(tenant, administration.tokens(tenantId), appRoles.current(), consentUrls,
                urls.scimBase(), adminBase() + "/tenants/" + tenant.getId() + "/tokens", Instant.now()));
    }

    @Override
    public Response createToken(String tenantId, TokenCreateRequest request) {
        if (request == null) {
            throw ScimException.invalidSyntax("Send {\"label\": \"...\", \"expiresAt\": optional} to issue a token");
        }
        TenantAdministration.IssuedToken issued = administration.issueToken(tenantId, request.getLabel(),
                request.getExpiresAt() == null ? null : request.getExpiresAt().toInstant());
        ApiToken token = issued.token();
        IssuedToken body = new IssuedToken()
                .id(token.getId())
                .token(issued.secret())
                .label(token.getLabel())
                .createdAt(time(token.getCreatedAt()))
                .expiresAt(time(token.getExpiresAt()));
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    @Override
    public Response listTokens(String tenantId) {
        return json(administration.tokens(tenantId).stream().map(t -> new TokenInfo()
                .id(t.getId())
                .label(t.getLabel())
                .prefix(t.getTokenPrefix())
                .createdAt(time(t.getCreatedAt()))
                .expiresAt(time(t.getExpiresAt()))
                .revokedAt(time(t.getRevokedAt()))
                .lastUsedAt(time(t.getLastUsedAt()))).toList());
    }

    @Override
    public Response revokeToken(String tenantId, String tokenId) {
        administration.revokeToken(tenantId, tokenId);
        return Response.noContent().build();
    }

    @Override
    public Response getAppRoles() {
        return json(view(appRoles.current()));
    }

    @Override
    public Response replaceAppRoles(List<AppRole> roles) {
        if (roles == null) {
            throw ScimException.invalidSyntax("Send the catalog as a JSON array of {\"value\", \"displayName\", "
                    + "\"description\"}; [] empties it");
        }
        return json(view(appRoles.replace(roles.stream().map(r -> r == null ? null
                : new com.leadcast.scim.roles.AppRole(r.getValue(), r.getDisplayName(), r.getDescription())).toList())));
    }

    /** The admin API's base URL, e.g. {@code https://acme.leadcast.app/admin/v1}. */
    private String adminBase() {
        String scimBase = urls.scimBase();
        return scimBase.substring(0, scimBase.length() - PublicUrls.SCIM_PATH.length()) + "/admin/v1";
    }

    private static List<AppRole> view(RoleCatalog catalog) {
        return catalog.roles().stream().map(r -> new AppRole()
                .value(r.value())
                .displayName(r.displayName())
                .description(r.description())).toList();
    }

    private com.leadcast.api.model.Tenant view(Tenant tenant) {
        return new com.leadcast.api.model.Tenant()
                .id(tenant.getId())
                .name(tenant.getName())
                .scimBaseUrl(URI.create(urls.scimBase()))
                .roleMapping(tenant.getRoleMapping().wireName())
                .rateLimit(tenant.getRateLimit().map(AdminEndpoint::view).orElse(null))
                .effectiveRateLimit(effective(tenant))
                .createdAt(time(tenant.getCreatedAt()));
    }

    private static com.leadcast.api.model.RateLimit view(RateLimit limit) {
        return new com.leadcast.api.model.RateLimit().requestsPerSecond(limit.requestsPerSecond()).burst(limit.burst());
    }

    private EffectiveRateLimit effective(Tenant tenant) {
        RateLimit limit = tenant.getRateLimit().orElse(admission.defaultRateLimit());
        return new EffectiveRateLimit().requestsPerSecond(limit.requestsPerSecond()).burst(limit.burst())
                .serverDefault(tenant.getRateLimit().isEmpty());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Response json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
