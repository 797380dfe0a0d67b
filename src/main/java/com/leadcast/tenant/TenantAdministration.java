package com.leadcast.tenant;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.roles.RoleMapping;
import com.leadcast.security.TokenSecrets;
import com.leadcast.store.TenantData;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

import static java.time.temporal.ChronoUnit.MICROS;

/**
 * Creating, listing and deleting tenants and their API tokens. Deleting a tenant deletes everything it owns (the
 * database cascades from the tenant row); revoking a token takes effect on the next request.
 */
@Stateless
public class TenantAdministration {

    /** A newly issued token: the entity and its secret, which exists nowhere else and is shown once. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    @PersistenceContext(unitName = "scim")
    private EntityManager em;

    @Inject
    TenantData tenantData;

    @Inject
    Event<TenantChanged> changed;

    /** A new tenant; {@code roleMapping} null means {@link RoleMapping#SINGLE}, Entra's default. */
    public Tenant createTenant(String name, String roleMapping) {
        if (name == null || name.isBlank()) {
            throw ScimException.invalidValue("\"name\" is required: the tenant's display name");
        }
        if (name.length() > 200) {
            throw ScimException.invalidValue("\"name\" may be at most 200 characters long");
        }
        Tenant tenant = new Tenant(name.trim(), now(),
                roleMapping == null ? RoleMapping.SINGLE : RoleMapping.of(roleMapping));
        em.persist(tenant);
        return tenant;
    }

    public List<Tenant> tenants() {
        return em.createQuery("select t from Tenant t order by t.createdAt, t.id", Tenant.class).getResultList();
    }

    public Tenant tenant(String id) {
        Tenant tenant = em.find(Tenant.class, id);
        if (tenant == null) {
            throw ScimException.notFound("Tenant " + id + " not found");
        }
        return tenant;
    }

    /** Changes the settings given (non-null) of the tenant {@code id}. */
    public Tenant updateTenant(String id, String roleMapping) {
        Tenant tenant = tenant(id);
        if (roleMapping != null) {
            tenant.setRoleMapping(RoleMapping.of(roleMapping));
            changed.fire(new TenantChanged(id));
        }
        return tenant;
    }

    /**
     * Gives the tenant {@code id} its own rate limit, or ({@code null}) returns it to the server's default. Observers
     * of {@link TenantChanged} hear of it when the transaction commits.
     */
    public Tenant setRateLimit(String id, RateLimit rateLimit) {
        Tenant tenant = tenant(id);
        tenant.setRateLimit(rateLimit);
        changed.fire(new TenantChanged(id));
        return tenant;
    }

    public void deleteTenant(String id) {
        Tenant tenant = tenant(id);
        tenantData.erase(id);
        em.createQuery("delete from ApiToken t where t.tenantId = :tenant").setParameter("tenant", id).executeUpdate();
        em.remove(tenant);
        changed.fire(new TenantChanged(id));
    }

    public IssuedToken issueToken(String tenantId, String label, Instant expiresAt) {
        tenant(tenantId);
        if (label == null || label.isBlank()) {
            throw ScimException.invalidValue("\"label\" is required: say where the token is used, e.g. "
                    + "\"Entra ID production\"");
        }
        if (label.length() > 200) {
            throw ScimException.invalidValue("\"label\" may be at most 200 characters long");
        }
        Instant now = now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ScimException.invalidValue("\"expiresAt\" must be in the future");
        }
        String secret = TokenSecrets.newSecret();
        ApiToken token = new ApiToken(tenantId, label.trim(), TokenSecrets.hash(secret),
                TokenSecrets.visiblePrefix(secret), now, expiresAt == null ? null : expiresAt.truncatedTo(MICROS));
        em.persist(token);
        return new IssuedToken(token, secret);
    }

    /**
     * The current time as the database keeps it (TIMESTAMP(6), microseconds), so that the times in a creation response
     * are those every later read shows; the database would otherwise round the clock's nanoseconds.
     */
    private static Instant now() {
        return Instant.now().truncatedTo(MICROS);
    }

    public List<ApiToken> tokens(String tenantId) {
        tenant(tenantId);
        return em.createQuery("select t from ApiToken t where t.tenantId = :tenant order by t.createdAt, t.id",
                ApiToken.class).setParameter("tenant", tenantId).getResultList();
    }

    public void revokeToken(String tenantId, String tokenId) {
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || !token.getTenantId().equals(tenantId)) {
            throw ScimException.notFound("Token " + tokenId + " not found for tenant " + tenantId);
        }
        token.revoke(Instant.now());
        changed.fire(new TenantChanged(tenantId));
    }
}
