package com.leadcast.scim.query;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.ResourceType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order of a query over several resource types ({@code POST /.search} at the root), as {@link MergedPaging}
 * merges them.
 *
 * <p>Without {@code sortBy}: each type in turn (Users, then Groups), each in creation order. With {@code sortBy}
 * (RFC 7644 §3.4.2.3): one order across the types by the attribute's value, as each type orders it alone — strings
 * case-insensitively unless {@code caseExact}, a multi-valued attribute by its smallest value — then by creation
 * time and id. A type that does not have the attribute (a Group sorted by {@code userName}) sorts as resources
 * without a value: last in ascending order, first in descending order, among them in creation order. An attribute
 * that none of the types has is {@code 400 invalidValue}, and so are one the types define differently and a
 * write-only one ({@code password}).
 */
public final class MergedOrder {

    private MergedOrder() {
    }

    /**
     * For each of {@code types}, whether it has the attribute {@code sortBy} names, so that its resources are read
     * sorted by it; all false without {@code sortBy}.
     *
     * @throws ScimException {@code 400 invalidValue} if no type has the attribute, two define it differently, or it
     *                       is write-only
     */
    public static List<Boolean> sortedTypes(List<ResourceType> types, AttrPath sortBy) {
        List<Boolean> sorted = new ArrayList<>();
        Attribute first = null;
        for (ResourceType type : types) {
            Optional<Attribute> leaf = sortBy == null ? Optional.empty() : leaf(type, sortBy);
            if (leaf.isPresent() && leaf.get().writeOnly()) {
                throw ScimException.invalidValue("sortBy: " + sortBy + " is write-only and cannot be sorted on");
            }
            sorted.add(leaf.isPresent());
            if (leaf.isPresent() && first != null && (first.type() != leaf.get().type()
                    || first.caseExact() != leaf.get().caseExact())) {
                throw ScimException.invalidValue("sortBy: '" + sortBy + "' is not the same kind of value in every "
                        + "resource type, so they cannot be sorted together; sort per resource type instead");
            }
            first = first == null ? leaf.orElse(null) : first;
        }
        if (sortBy != null && !sorted.contains(true)) {
            throw ScimException.invalidValue("sortBy names '" + sortBy + "', which is not an attribute of "
                    + String.join(" or ", types.stream().map(ResourceType::name).toList()));
        }
        return sorted;
    }

    /** The attribute whose values {@code sortBy} orders by in {@code type}: a sub-attribute, or complex's value. */
    private static Optional<Attribute> leaf(ResourceType type, AttrPath sortBy) {
        return type.resolve(sortBy.uri(), sortBy.name()).map(ResourceType.AttributeRef::attribute).flatMap(a -> {
            if (sortBy.subAttr() != null) {
                return a.subAttribute(sortBy.subAttr());
            }
            return a.isComplex() ? a.subAttribute("value") : Optional.of(a);
        });
    }

    /**
     * The merged order of rows whose keys have the layout of {@link KeyedRow}: {@code [missing, value, createdAt,
     * id]} for a type in {@code sorted}, {@code [createdAt, id]} otherwise.
     *
     * @param sortBy     whether the query names a {@code sortBy}
     * @param descending its {@code sortOrder}
     * @param sorted     per type, as {@link #sortedTypes} answered
     */
    public static Comparator<MergedPaging.Row> of(boolean sortBy, boolean descending, List<Boolean> sorted) {
        Comparator<MergedPaging.Row> creation = Comparator
                .comparing((MergedPaging.Row r) -> (Comparable) key(r, 2), MergedOrder::compareValues)
                .thenComparing(r -> (Comparable) key(r, 1), MergedOrder::compareValues);
        if (!sortBy) {
            return Comparator.comparingInt(MergedPaging.Row::source).thenComparing(creation);
        }
        Comparator<MergedPaging.Row> byValue = Comparator
                .comparingInt((MergedPaging.Row r) -> sorted.get(r.source()) ? ((Number) r.row().key().get(0)).intValue() : 1)
                .thenComparing(r -> sorted.get(r.source()) ? (Comparable) r.row().key().get(1) : null,
                        Comparator.nullsFirst(MergedOrder::compareValues));
        return (descending ? byValue.reversed() : byValue).thenComparing(creation)
                .thenComparingInt(MergedPaging.Row::source);
    }

    /** The key's {@code n}-th value from its end: 1 is the id, 2 the creation time. */
    private static Object key(MergedPaging.Row row, int n) {
        List<Object> key = row.row().key();
        return key.get(key.size() - n);
    }

    /** Values of one kind by their natural order (strings by UTF-16 units); values of unlike kinds by kind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Comparable a, Comparable b) {
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        return a.compareTo(b);
    }
}
