package com.leadcast.tenant;

import com.leadcast.scim.roles.RoleMapping;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer organisation; all SCIM data belongs to exactly one tenant. Its {@link RoleMapping} says how its identity
 * provider's role assignments apply to its users; its own {@link RateLimit}, if any, replaces the server's default.
 * A {@link TenantStatus#SUSPENDED suspended} tenant keeps its data and tokens, but its SCIM requests are refused.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "role_mapping", nullable = false, length = 16)
    private String roleMapping;

    /** Both null, or both set: the tenant's own rate limit (migration V5). */
    @Column(name = "rate_limit_rps")
    private Integer rateLimitRps;

    @Column(name = "rate_limit_burst")
    private Integer rateLimitBurst;

    /** {@link TenantStatus#wireName()} (migration V8). */
    @Column(nullable = false, length = 16)
    private String status = TenantStatus.ACTIVE.wireName();

    /** The operator's own id for this customer, unique when set (migration V8). */
    @Column(name = "external_id", length = 200)
    private String externalId;

    protected Tenant() {
    }

    public Tenant(String name, Instant createdAt, RoleMapping roleMapping) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.createdAt = createdAt;
        this.roleMapping = roleMapping.wireName();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Optional<String> getExternalId() {
        return Optional.ofNullable(externalId);
    }

    /** Sets the operator's id for the customer; {@code null} removes it. */
    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public TenantStatus getStatus() {
        return TenantStatus.of(status);
    }

    public void setStatus(TenantStatus status) {
        this.status = status.wireName();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public RoleMapping getRoleMapping() {
        return RoleMapping.of(roleMapping);
    }

    public void setRoleMapping(RoleMapping roleMapping) {
        this.roleMapping = roleMapping.wireName();
    }

    /** The tenant's own rate limit; empty: the server's default applies. */
    public Optional<RateLimit> getRateLimit() {
        return rateLimitRps == null || rateLimitBurst == null ? Optional.empty()
                : Optional.of(new RateLimit(rateLimitRps, rateLimitBurst));
    }

    /** Gives the tenant its own rate limit; {@code null} returns it to the server's default. */
    public void setRateLimit(RateLimit rateLimit) {
        this.rateLimitRps = rateLimit == null ? null : rateLimit.requestsPerSecond();
        this.rateLimitBurst = rateLimit == null ? null : rateLimit.burst();
    }
}
