package com.leadcast.tenant;

import com.leadcast.scim.roles.RoleMapping;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer organisation; all SCIM data belongs to exactly one tenant. Its {@link RoleMapping} says how its identity
 * provider's role assignments apply to its users.
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public RoleMapping getRoleMapping() {
        return RoleMapping.of(roleMapping);
    }

    public void setRoleMapping(RoleMapping roleMapping) {
        this.roleMapping = roleMapping.wireName();
    }
}
