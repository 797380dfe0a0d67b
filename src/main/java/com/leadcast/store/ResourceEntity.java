package com.leadcast.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What every stored SCIM resource has: a server-assigned {@code id}, its tenant, the JSON document of its
 * attributes exactly as checked by the engine, and the data of its {@code meta} (RFC 7643 §3.1). Columns that
 * queries and constraints need are copied out of the document by {@link #writeDocument}.
 */
@MappedSuperclass
public abstract class ResourceEntity {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 36, updatable = false)
    private String tenantId;

    @Column(name = "external_id", length = 512)
    private String externalId;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "attributes", nullable = false)
    private String attributes;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_modified_at", nullable = false)
    private Instant lastModifiedAt;

    protected ResourceEntity() {
    }

    protected ResourceEntity(String tenantId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        this.lastModifiedAt = this.createdAt;
    }

    /**
     * Stores {@code document} and the columns derived from it. Times are kept to the microsecond, the precision of
     * the columns, so that the response to a write shows the {@code meta} times every later read shows (the database
     * would round the clock's nanoseconds, now and then into the next millisecond).
     */
    void writeDocument(ObjectNode document, Instant now) {
        this.attributes = Json.write(document);
        this.externalId = Json.text(document, "externalId");
        this.lastModifiedAt = now.truncatedTo(ChronoUnit.MICROS);
        deriveColumns(document);
    }

    /** Copies the attributes that have columns of their own out of {@code document}. */
    protected abstract void deriveColumns(ObjectNode document);

    public ObjectNode document() {
        return Json.readObject(attributes);
    }

    public String getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getExternalId() {
        return externalId;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastModifiedAt() {
        return lastModifiedAt;
    }
}
