package com.leadcast.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One SCIM write or admin action, successful or refused (table {@code audit_entry}, migration V9). It holds ids,
 * attribute paths and statuses, never a value that was written: the trail may be read by people who may not see the
 * data.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    /** Attribute paths kept per entry; a write of more is recorded with the first ones and "…". */
    static final int MAX_ATTRIBUTES = 100;
    private static final int MAX_ATTRIBUTES_LENGTH = 4000;
    private static final int MAX_ID_LENGTH = 64;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    @Column(name = "tenant_id", length = 36)
    private String tenantId;

    @Column(nullable = false, length = 32)
    private String action;

    @Column(name = "resource_type", nullable = false, length = 32)
    private String resourceType;

    @Column(name = "resource_id", length = MAX_ID_LENGTH)
    private String resourceId;

    @Column(nullable = false)
    private int status;

    @Column(name = "scim_type", length = 32)
    private String scimType;

    @Column(name = "actor_type", nullable = false, length = 16)
    private String actorType;

    @Column(name = "actor_id", length = MAX_ID_LENGTH)
    private String actorId;

    @Column(name = "request_id", length = 128)
    private String requestId;

    /** The attribute paths, one per line. */
    @Column(length = MAX_ATTRIBUTES_LENGTH)
    private String attributes;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, String tenantId, AuditedOperation operation, String resourceId, int status,
               String scimType, Actor actor, String requestId, List<String> attributes) {
        this.id = UUID.randomUUID().toString();
        this.at = at;
        this.tenantId = tenantId;
        this.action = operation.action();
        this.resourceType = operation.resourceType();
        this.resourceId = clip(resourceId, MAX_ID_LENGTH);
        this.status = status;
        this.scimType = scimType;
        this.actorType = actor.type().wireName();
        this.actorId = clip(actor.id(), MAX_ID_LENGTH);
        this.requestId = requestId;
        this.attributes = attributes.isEmpty() ? null : clip(String.join("\n", attributes), MAX_ATTRIBUTES_LENGTH);
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    public String getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getAction() {
        return action;
    }

    public String getResourceType() {
        return resourceType;
    }

    public String getResourceId() {
        return resourceId;
    }

    public int getStatus() {
        return status;
    }

    public String getScimType() {
        return scimType;
    }

    public Actor.Type getActorType() {
        return Actor.Type.of(actorType);
    }

    public String getActorId() {
        return actorId;
    }

    public String getRequestId() {
        return requestId;
    }

    public List<String> getAttributes() {
        return attributes == null ? List.of() : Arrays.asList(attributes.split("\n"));
    }
}
