package com.leadcast.store;

import com.leadcast.scim.schema.ResourceType;

import java.util.Map;

/**
 * How the attributes of one resource type are found in SQL: some have columns of their own on the resource entity,
 * one multi-valued attribute may be the membership rows ({@code members} of a Group, {@code groups} of a User), and
 * every other attribute is in the {@link AttributeIndex}.
 *
 * @param columns    lower-case attribute paths ({@code username}, {@code meta.lastmodified}) → entity columns
 * @param membership the attribute stored as membership rows, or null
 */
record QueryModel(ResourceType type, Map<String, Column> columns, Membership membership) {

    /** How a string column compares: as stored, through a lower-cased key column, or lower-cased on the fly. */
    enum Matching { EXACT, KEY_COLUMN, LOWER }

    /** An attribute with a column of its own on the resource entity. */
    record Column(String field, Matching matching) {
        static Column exact(String field) {
            return new Column(field, Matching.EXACT);
        }
    }

    /**
     * A multi-valued attribute kept as {@link MemberEntity} rows: {@code ownerField} is the row's column equal to the
     * resource's id, {@code valueField} the column holding the attribute's {@code value}, {@code typeField} the one
     * holding its {@code type} (null where the type is constant).
     */
    record Membership(String attribute, String ownerField, String valueField, String typeField) {
    }
}
