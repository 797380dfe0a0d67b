package com.leadcast.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.admission.AdmissionControl;
import com.leadcast.api.AdminApi;
import com.leadcast.api.model.ActivityHour;
import com.leadcast.api.model.AppRole;
import com.leadcast.api.model.EffectiveRateLimit;
import com.leadcast.api.model.IssuedToken;
import com.leadcast.api.model.TenantCreateRequest;
import com.leadcast.api.model.TenantList;
import com.leadcast.api.model.TokenCreateRequest;
import com.leadcast.api.model.TokenInfo;
import com.leadcast.approles.AppRoleCatalog;
import com.leadcast.audit.AuditTrail;
import com.leadcast.audit.Audited;
import com.leadcast.observability.TenantActivity;
import com.leadcast.rest.PublicUrls;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.roles.RoleCatalog;
import com.leadcast.security.Roles;
import com.leadcast.store.TenantData;
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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The admin API of {@code openapi/scim-api.yaml} (tag Admin), over {@link TenantAdministration} and the
 * {@link AppRoleCatalog}; a tenant's {@link Onboarding} sheet is put together from both.
 */
@Stateless
@Audited
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

    @Inject
    AuditTrail audit;

    @Inject
    TenantActivity activity;

    private final ConsentUrls consentUrls = ConsentUrls.fromEnvironment();

    @Override
    public Response createTenant(TenantCreateRequest request) {
        if (request == null) {
            throw ScimException.invalidSyntax("Send {\"name\": \"...\"} to create a tenant");
        }
        Tenant tenant = administration.createTenant(request.getName(), request.getRoleMapping(),
                request.getExternalId());
        return Response.created(URI.create(adminBase() + "/tenants/" + tenant.getId()))
                .type(MediaType.APPLICATION_JSON_TYPE).entity(view(tenant)).build();
    }

    @Override
    public Response listTenants(String count, String cursor, String externalId, String name) {
        Optional<AdminPaging.Position> after = AdminPaging.position(cursor);
        TenantAdministration.TenantPage page = administration.tenants(AdminPaging.count(count),
                after.map(AdminPaging.Position::at).orElse(null), after.map(AdminPaging.Position::id).orElse(null),
                blankAsNull(externalId), blankAsNull(name));
        TenantList list = new TenantList().tenants(page.tenants().stream().map(this::view).toList());
        if (page.more()) {
            Tenant last = page.tenants().get(page.tenants().size() - 1);
            list.nextCursor(AdminPaging.cursor(new AdminPaging.Position(last.getCreatedAt(), last.getId())));
        }
        return json(list);
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
        return json(view(administration.updateTenant(tenantId, TenantUpdate.of(request))));
    }

    @Override
    public Response deleteTenant(String tenantId, String confirm) {
        administration.deleteTenant(tenantId, confirm);
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
        return json(administration.tokens(tenantId).stream().map(AdminEndpoint::view).toList());
    }

    @Override
    public Response getToken(String tenantId, String tokenId) {
        return json(view(administration.token(tenantId, tokenId)));
    }

    private static TokenInfo view(ApiToken token) {
        return new TokenInfo()
                .id(token.getId())
                .label(token.getLabel())
                .prefix(token.getTokenPrefix())
                .createdAt(time(token.getCreatedAt()))
                .expiresAt(time(token.getExpiresAt()))
                .revokedAt(time(token.getRevokedAt()))
                .lastUsedAt(time(token.getLastUsedAt()));
    }

    @Override
    public Response getTenantActivity(String tenantId) {
        Tenant tenant = administration.tenant(tenantId);
        TenantData.Size size = administration.size(tenantId);
        TenantActivity.Report report = activity.of(tenant.getId(), Instant.now());
        Optional<Instant> tokenUse = administration.tokens(tenantId).stream().map(ApiToken::getLastUsedAt)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo);
        Optional<Instant> last = Stream.of(report.lastRequestAt(), tokenUse).flatMap(Optional::stream)
                .max(Instant::compareTo);
        return json(new com.leadcast.api.model.TenantActivity()
                .tenantId(tenant.getId())
                .users(size.users())
                .groups(size.groups())
                .memberships(size.memberships())
                .lastRequestAt(time(last.orElse(null)))
                .requests24h(report.requests())
                .errors24h(report.errors())
                .hourly(report.hours().stream().map(h -> new ActivityHour().hour(time(h.start()))
                        .requests(h.requests()).errors(h.errors())).toList()));
    }

    @Override
    public Response getTenantAudit(String tenantId, String count, String cursor, String resourceId, String action,
                                   String since) {
        return json(AuditView.page(audit, tenantId, blankAsNull(resourceId), action, count, cursor, since));
    }

    @Override
    public Response getAdminAudit(String count, String cursor, String action, String since) {
        return json(AuditView.page(audit, null, null, action, count, cursor, since));
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
                .externalId(tenant.getExternalId().orElse(null))
                .status(com.leadcast.api.model.Tenant.StatusEnum.fromValue(tenant.getStatus().wireName()))
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

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Response json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
