package com.leadcast.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's bearer token. Only the SHA-256 hash of the secret is stored; the secret itself is shown once, when the
 * token is issued. {@link #tokenPrefix} (the first characters) lets an admin recognise a token in a list.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 36)
    private String tenantId;

    @Column(nullable = false, length = 200)
    private String label;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "token_prefix", nullable = false, length = 16)
    private String tokenPrefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    public ApiToken(String tenantId, String label, String tokenHash, String tokenPrefix, Instant createdAt,
                    Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.label = label;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Why this token cannot be used at {@code now}, or {@code null} when it can. */
    public String unusableReason(Instant now) {
        return unusableReason(revokedAt, expiresAt, now);
    }

    /** Why a token revoked at {@code revokedAt} (null: not) and expiring at {@code expiresAt} cannot be used now. */
    public static String unusableReason(Instant revokedAt, Instant expiresAt, Instant now) {
        if (revokedAt != null) {
            return "The token was revoked";
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return "The token expired at " + expiresAt;
        }
        return null;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getLabel() {
        return label;
    }

    public String getTokenPrefix() {
        return tokenPrefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
