package com.leadcast.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A SCIM User (RFC 7643 §4.1). {@code userNameKey} is the lower-cased {@code userName} that carries the
 * case-insensitive uniqueness constraint per tenant; the password is kept only as a hash, never in the document.
 */
@Entity
@Table(name = "scim_user")
public class UserEntity extends ResourceEntity {

    @Column(name = "user_name", nullable = false, length = 512)
    private String userName;

    @Column(name = "user_name_key", nullable = false, length = 512)
    private String userNameKey;

    @Column(name = "display_name", length = 512)
    private String displayName;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "password_hash")
    private String passwordHash;

    protected UserEntity() {
    }

    UserEntity(String tenantId, Instant now) {
        super(tenantId, now);
    }

    @Override
    protected String resourceType() {
        return "User";
    }

    @Override
    protected void deriveColumns(ObjectNode document) {
        userName = column("userName", Json.text(document, "userName"));
        userNameKey = column("userName", Json.key(userName));
        displayName = column("displayName", Json.text(document, "displayName"));
        active = !document.has("active") || document.get("active").asBoolean(true);
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getUserName() {
        return userName;
    }

    public boolean isActive() {
        return active;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }
}
