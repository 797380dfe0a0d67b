package com.leadcast.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
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

    /** The length of the columns copied out of the document, {@code VARCHAR(512)} in every migration. */
    static final int MAX_COLUMN_LENGTH = 512;

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
        this.createdAt = storable(now);
        this.lastModifiedAt = storable(now);
    }

    /** Stores {@code document} and the columns derived from it. */
    void writeDocument(ObjectNode document, Instant now) {
        this.attributes = Json.write(document);
        this.externalId = column("externalId", Json.text(document, "externalId"));
        this.lastModifiedAt = storable(now);
        deriveColumns(document);
    }

    /**
     * {@code instant} at the millisecond precision of {@code meta}, which every database stores exactly: with the
     * clock's nanoseconds the database rounds to microseconds, and a resource answered from memory (POST) could
     * show another {@code meta.created} than the same resource read back (GET).
     */
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * {@code value} of {@code attribute} for a column of its own, refused as {@code invalidValue} when longer than
     * the column: the database would refuse it with an error that is no client's to read.
     */
    protected static String column(String attribute, String value) {
        // UTF-16 units, as H2 counts them; PostgreSQL and MariaDB count code points, which are never more
        int length = value == null ? 0 : value.length();
        if (length > MAX_COLUMN_LENGTH) {
            throw ScimException.invalidValue("Attribute '" + attribute + "' is " + length
                    + " characters long; the maximum is " + MAX_COLUMN_LENGTH);
        }
        return value;
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
