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
        Expression<Integer> missing = cb.<Integer>selectCase().when(cb.isNull(key), 1).otherwise(0);
        return descending
                ? List.of(cb.desc(missing), cb.desc(key))
                : List.of(cb.asc(missing), cb.asc(key));
    }

    private static Expression<?> key(AttrPath sortBy, CriteriaBuilder cb, AbstractQuery<?> query, Root<?> root,
                                     QueryModel model) {
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
        String columnKey = (attribute.name() + (sub == null ? "" : "." + sub.name())).toLowerCase(Locale.ROOT);
        QueryModel.Column column = ref.inExtension() ? null : model.columns().get(columnKey);
        if (column != null) {
            return column.matching() == QueryModel.Matching.LOWER ? cb.lower(root.get(column.field()))
                    : root.get(column.field());
        }
        boolean common = !ref.inExtension() && type.commonAttributes().contains(attribute);
        boolean membership = model.membership() != null && !ref.inExtension()
                && attribute.named(model.membership().attribute());
        if (common || membership) {
            throw ScimException.invalidValue("sortBy: '" + sortBy + "' cannot be sorted on");
        }
        Attribute leaf = sub != null ? sub : attribute;
        Subquery<Comparable> value = query.subquery(Comparable.class);
        Root<AttributeValueEntity> v = value.from(AttributeValueEntity.class);
        String field = switch (leaf.type()) {
            case BOOLEAN -> "valueBoolean";
            case INTEGER, DECIMAL -> "valueNumber";
            case DATE_TIME -> "valueTime";
            default -> leaf.caseExact() ? "valueText" : "valueKey";
        };
        if (attribute.multiValued() && leaf.type() == com.leadcast.scim.schema.AttributeType.BOOLEAN) {
            throw ScimException.invalidValue("sortBy: '" + sortBy + "' is a boolean of a multi-valued attribute");
        }
        // a singular attribute has one row (element 0); a multi-valued one sorts by its smallest value
        value.select(attribute.multiValued() ? cb.least(v.<Comparable>get(field)) : v.<Comparable>get(field))
                .where(cb.equal(v.get("resourceId"), root.get("id")),
                        cb.equal(v.get("path"), AttributeIndex.path(ref.extensionUrn(), attribute, sub)));
        return value;
    }
}
