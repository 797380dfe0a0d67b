package com.leadcast.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One indexed leaf value of a resource document (see {@link AttributeIndex}): its lower-case attribute path, the
 * element of a multi-valued attribute it belongs to, and the value in the column of its type.
 */
@Entity
@Table(name = "scim_attribute_value")
@IdClass(AttributeValueEntity.Key.class)
public class AttributeValueEntity {

    /** The composite key (resource, path, element). */
    public static class Key implements Serializable {
        private String resourceId;
        private String path;
        private int elementIndex;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && elementIndex == k.elementIndex && Objects.equals(resourceId, k.resourceId)
                    && Objects.equals(path, k.path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(resourceId, path, elementIndex);
        }
    }

    /** Longest text kept in the index; longer values are compared by this prefix. */
    static final int MAX_TEXT = 1024;

    @Id
    @Column(name = "resource_id", length = 36)
    private String resourceId;

    @Id
    @Column(name = "path", length = 300)
    private String path;

    @Id
    @Column(name = "element_index")
    private int elementIndex;

    @Column(name = "tenant_id", nullable = false, length = 36)
    private String tenantId;

    @Column(name = "value_text", length = MAX_TEXT)
    private String valueText;

    @Column(name = "value_key", length = MAX_TEXT)
    private String valueKey;

    @Column(name = "value_number", precision = 38, scale = 10)
    private BigDecimal valueNumber;

    @Column(name = "value_boolean")
    private Boolean valueBoolean;

    @Column(name = "value_time")
    private Instant valueTime;

    protected AttributeValueEntity() {
    }

    AttributeValueEntity(String tenantId, String resourceId, String path, int elementIndex) {
        this.tenantId = tenantId;
        this.resourceId = resourceId;
        this.path = path;
        this.elementIndex = elementIndex;
    }

    void text(String text, String key) {
        this.valueText = text;
        this.valueKey = key;
    }

    void number(BigDecimal number) {
        this.valueNumber = number;
    }

    void bool(boolean value) {
        this.valueBoolean = value;
    }

    void time(Instant time) {
        this.valueTime = time;
    }

    String path() {
        return path;
    }

    int elementIndex() {
        return elementIndex;
    }

    /** Where this row sits within its resource: its path and element, as one key. */
    String place() {
        return path + "#" + elementIndex;
    }

    /** Whether {@code other}, a row of the same place, holds the same value in every column. */
    boolean sameValue(AttributeValueEntity other) {
        return Objects.equals(valueText, other.valueText) && Objects.equals(valueKey, other.valueKey)
                && (valueNumber == null ? other.valueNumber == null
                : other.valueNumber != null && valueNumber.compareTo(other.valueNumber) == 0)
                && Objects.equals(valueBoolean, other.valueBoolean) && Objects.equals(valueTime, other.valueTime);
    }
}
