package com.leadcast.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.text.CaseFolding;
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

    /**
     * How many characters (code points) the columns copied out of the document hold: {@code VARCHAR(512)} on
     * PostgreSQL and MariaDB, which count code points, {@code VARCHAR(1024)} on H2, which counts UTF-16 units.
     */
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
        String json = Json.write(document);
        DocumentLimits.check(resourceType(), document, json);
        this.attributes = json;
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
        // characters as the client counts them (code points), as PostgreSQL and MariaDB count them; H2 counts UTF-16
        // units, so its columns are twice as long (db/migration/h2)
        int length = value == null ? 0 : CaseFolding.length(value);
        if (length > MAX_COLUMN_LENGTH) {
            throw ScimException.invalidValue("Attribute '" + attribute + "' is " + length
                    + " characters long; the maximum is " + MAX_COLUMN_LENGTH);
        }
        return value;
    }

    /** The SCIM resource type name ("User", "Group"), for error details. */
    protected abstract String resourceType();

    /** Copies the attributes that have columns of their own out of {@code document}. */
    protected abstract void deriveColumns(ObjectNode document);

    /** How many characters the stored document has, what a list page weighs it by ({@link PageBudget}). */
    int documentLength() {
        return attributes.length();
    }

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
