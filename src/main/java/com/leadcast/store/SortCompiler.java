package com.leadcast.store;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.ResourceType;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import java.util.List;
import java.util.Locale;

/**
 * Compiles {@code sortBy}/{@code sortOrder} (RFC 7644 §3.4.2.3) to SQL ordering: a column where the attribute has
 * one, otherwise the attribute's indexed value. Strings sort case-insensitively unless {@code caseExact}; a
 * multi-valued attribute sorts by its smallest value (of {@code value} for complex ones); resources without a value
 * come last in ascending and first in descending order.
 */
final class SortCompiler {

    private SortCompiler() {
    }

    static List<Order> order(AttrPath sortBy, boolean descending, CriteriaBuilder cb, AbstractQuery<?> query,
                             Root<?> root, QueryModel model) {
        Expression<?> key = key(sortBy, cb, query, root, model);
        Expression<Integer> missing = missing(key, cb);
        return descending
                ? List.of(cb.desc(missing), cb.desc(key))
                : List.of(cb.asc(missing), cb.asc(key));
    }

    /** 1 where the resource has no value to sort by, else 0: ordered before the key, it puts those last. */
    static Expression<Integer> missing(Expression<?> key, CriteriaBuilder cb) {
        return cb.<Integer>selectCase().when(cb.isNull(key), 1).otherwise(0);
    }

    /** Where a resource's sort value is: a column of its own, or its rows in the {@link AttributeIndex}. */
    sealed interface SortKey permits ColumnKey, IndexedKey {
    }

    /** A column of the resource entity, lower-cased on the fly where its matching says so. */
    record ColumnKey(QueryModel.Column column) implements SortKey {
    }

    /**
     * Indexed values at {@code path}, in the {@link AttributeValueEntity} field {@code field}; a multi-valued
     * attribute sorts by its smallest value, a singular one has one row (element 0).
     */
    record IndexedKey(String path, String field, boolean multiValued) implements SortKey {
    }

    /** The value a resource sorts by: a column, or a subquery of its indexed values; null where it has none. */
    static Expression<?> key(AttrPath sortBy, CriteriaBuilder cb, AbstractQuery<?> query, Root<?> root,
                             QueryModel model) {
        return expression(resolve(sortBy, model), cb, query, root);
    }

    static Expression<?> expression(SortKey key, CriteriaBuilder cb, AbstractQuery<?> query, Root<?> root) {
        if (key instanceof ColumnKey columnKey) {
            QueryModel.Column column = columnKey.column();
            return column.matching() == QueryModel.Matching.LOWER ? cb.lower(root.get(column.field()))
                    : root.get(column.field());
        }
        IndexedKey indexed = (IndexedKey) key;
        Subquery<Comparable> value = query.subquery(Comparable.class);
        Root<AttributeValueEntity> v = value.from(AttributeValueEntity.class);
        value.select(indexed.multiValued() ? cb.least(v.<Comparable>get(indexed.field()))
                        : v.<Comparable>get(indexed.field()))
                .where(cb.equal(v.get("resourceId"), root.get("id")), cb.equal(v.get("path"), indexed.path()));
        return value;
    }

    /** Where the values {@code sortBy} names are stored, or {@code 400 invalidValue} where they cannot be sorted. */
    static SortKey resolve(AttrPath sortBy, QueryModel model) {
        ResourceType type = model.type();
        ResourceType.AttributeRef ref = type.resolve(sortBy.uri(), sortBy.name()).orElseThrow(() ->
                ScimException.invalidValue("sortBy names '" + sortBy + "', which is not an attribute of " + type.name()));
        Attribute attribute = ref.attribute();
        Attribute sub = null;
        if (sortBy.subAttr() != null) {
            sub = attribute.subAttribute(sortBy.subAttr()).orElseThrow(() -> ScimException.invalidValue("sortBy: '"
                    + attribute.name() + "' has no sub-attribute '" + sortBy.subAttr() + "'"));
        } else if (attribute.isComplex()) {
            sub = attribute.subAttribute("value").orElseThrow(() -> ScimException.invalidValue("sortBy: '"
                    + attribute.name() + "' is complex; sort by one of its sub-attributes"));
        }
        if (attribute.writeOnly() || sub != null && sub.writeOnly()) {
            throw ScimException.invalidValue("sortBy: " + sortBy + " is write-only and cannot be sorted on");
        }
        String columnKey = (attribute.name() + (sub == null ? "" : "." + sub.name())).toLowerCase(Locale.ROOT);
        QueryModel.Column column = ref.inExtension() ? null : model.columns().get(columnKey);
        if (column != null) {
            return new ColumnKey(column);
        }
        boolean common = !ref.inExtension() && type.commonAttributes().contains(attribute);
        boolean membership = model.membership() != null && !ref.inExtension()
                && attribute.named(model.membership().attribute());
        if (common || membership) {
            throw ScimException.invalidValue("sortBy: '" + sortBy + "' cannot be sorted on");
        }
        Attribute leaf = sub != null ? sub : attribute;
        String field = switch (leaf.type()) {
            case BOOLEAN -> "valueBoolean";
            case INTEGER, DECIMAL -> "valueNumber";
            case DATE_TIME -> "valueTime";
            default -> leaf.caseExact() ? "valueText" : "valueKey";
        };
        if (attribute.multiValued() && leaf.type() == com.leadcast.scim.schema.AttributeType.BOOLEAN) {
            throw ScimException.invalidValue("sortBy: '" + sortBy + "' is a boolean of a multi-valued attribute");
        }
        return new IndexedKey(AttributeIndex.path(ref.extensionUrn(), attribute, sub), field, attribute.multiValued());
    }
}
