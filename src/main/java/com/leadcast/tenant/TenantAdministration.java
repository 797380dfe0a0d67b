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
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static java.time.temporal.ChronoUnit.MICROS;

/**
 * Creating, listing, changing and deleting tenants and their API tokens. Deleting a tenant deletes everything it owns
 * (after a confirmation); revoking a token or suspending a tenant takes effect on the next request.
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

    /** A page of the tenant list: the tenants, oldest first, and whether more follow the last of them. */
    public record TenantPage(List<Tenant> tenants, boolean more) {
    }

    /**
     * A new tenant; {@code roleMapping} null means {@link RoleMapping#SINGLE}, Entra's default; {@code externalId},
     * the operator's own id for the customer, is optional and unique.
     */
    public Tenant createTenant(String name, String roleMapping, String externalId) {
        Tenant tenant = new Tenant(TenantNames.name(name), now(),
                roleMapping == null ? RoleMapping.SINGLE : RoleMapping.of(roleMapping));
        if (externalId != null) {
            tenant.setExternalId(uniqueExternalId(TenantNames.externalId(externalId), tenant.getId()));
        }
        em.persist(tenant);
        return tenant;
    }

    /**
     * Up to {@code count} tenants created after the tenant at ({@code afterCreatedAt}, {@code afterId}) (both null:
     * from the first), oldest first; {@code externalId} (exact) and {@code nameContains} (any case) narrow the list
     * when given.
     */
    public TenantPage tenants(int count, Instant afterCreatedAt, String afterId, String externalId,
                              String nameContains) {
        StringBuilder query = new StringBuilder("select t from Tenant t where 1 = 1");
        if (afterId != null) {
            query.append(" and (t.createdAt > :at or (t.createdAt = :at and t.id > :id))");
        }
        if (externalId != null) {
            query.append(" and t.externalId = :externalId");
        }
        if (nameContains != null) {
            query.append(" and lower(t.name) like :name escape '!'");
        }
        TypedQuery<Tenant> tenants = em.createQuery(query.append(" order by t.createdAt, t.id").toString(),
                Tenant.class).setMaxResults(count + 1);
        if (afterId != null) {
            tenants.setParameter("at", afterCreatedAt).setParameter("id", afterId);
        }
        if (externalId != null) {
            tenants.setParameter("externalId", externalId);
        }
        if (nameContains != null) {
            tenants.setParameter("name", "%" + nameContains.toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        List<Tenant> page = tenants.getResultList();
        return page.size() > count ? new TenantPage(page.subList(0, count), true) : new TenantPage(page, false);
    }

    public Tenant tenant(String id) {
        Tenant tenant = em.find(Tenant.class, id);
        if (tenant == null) {
            throw ScimException.notFound("Tenant " + id + " not found");
        }
        return tenant;
    }

    /**
     * Applies {@code changes} to the tenant {@code id}. Observers of {@link TenantChanged} (the settings cache, the
     * rate limiter) hear of it when the transaction commits.
     */
    public Tenant updateTenant(String id, TenantChanges changes) {
        Tenant tenant = tenant(id);
        changes.name().ifPresent(tenant::setName);
        if (changes.externalIdGiven()) {
            tenant.setExternalId(changes.externalId().map(e -> uniqueExternalId(e, id)).orElse(null));
        }
        changes.status().ifPresent(tenant::setStatus);
        changes.roleMapping().ifPresent(tenant::setRoleMapping);
        if (changes.rateLimitGiven()) {
            tenant.setRateLimit(changes.rateLimit().orElse(null));
        }
        changed.fire(new TenantChanged(id));
        return tenant;
    }

    /** What the tenant {@code id} holds. @throws ScimException {@code 404} for no such tenant */
    public TenantData.Size size(String id) {
        tenant(id);
        return tenantData.size(id);
    }

    /** @throws ScimException {@code 409 uniqueness} when another tenant has {@code externalId} */
    private String uniqueExternalId(String externalId, String tenantId) {
        List<String> holders = em.createQuery("select t.id from Tenant t where t.externalId = :externalId",
                String.class).setParameter("externalId", externalId).getResultList();
        if (holders.stream().anyMatch(holder -> !holder.equals(tenantId))) {
            throw ScimException.uniqueness("Another tenant already has the externalId \"" + externalId
                    + "\"; an externalId names one customer");
        }
        return externalId;
    }

    /**
     * Deletes the tenant {@code id} and everything it holds, once {@code confirmation} repeats its id: a deletion
     * cannot be undone, so a request without it is refused with what would be lost.
     *
     * @return what the tenant held
     * @throws ScimException {@code 400 invalidValue} without the confirmation, {@code 404} for no such tenant
     */
    public TenantData.Size deleteTenant(String id, String confirmation) {
        Tenant tenant = tenant(id);
        TenantData.Size size = tenantData.size(id);
        if (!id.equals(confirmation)) {
            long tokens = em.createQuery("select count(t) from ApiToken t where t.tenantId = :tenant", Long.class)
                    .setParameter("tenant", id).getSingleResult();
            throw ScimException.invalidValue("Deleting the tenant \"" + tenant.getName() + "\" deletes its "
                    + size.users() + " user(s), " + size.groups() + " group(s), " + size.memberships()
                    + " membership(s) and " + tokens + " token(s), and cannot be undone; to confirm, repeat the "
                    + "request with ?confirm=" + id);
        }
        tenantData.erase(id);
        em.createQuery("delete from ApiToken t where t.tenantId = :tenant").setParameter("tenant", id).executeUpdate();
        em.remove(tenant);
        changed.fire(new TenantChanged(id));
        return size;
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

    /** @throws ScimException {@code 404} unless the tenant {@code tenantId} has the token {@code tokenId} */
    public ApiToken token(String tenantId, String tokenId) {
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || !token.getTenantId().equals(tenantId)) {
            tenant(tenantId);
            throw ScimException.notFound("Token " + tokenId + " not found for tenant " + tenantId);
        }
        return token;
    }

    public void revokeToken(String tenantId, String tokenId) {
        ApiToken token = token(tenantId, tokenId);
        token.revoke(Instant.now());
        changed.fire(new TenantChanged(tenantId));
    }
}
