package com.leadcast.store;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.scim.query.CursorPosition;
import com.leadcast.scim.query.KeyedRow;
import com.leadcast.scim.query.ListQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyset paging for the cursors of RFC 9865: the columns a query is ordered by — with {@code sortBy}, whether the
 * sort value is missing and the value itself (as {@link SortCompiler} orders them), then always {@code createdAt}
 * and {@code id}, which make every row's key unique — and the predicate "rows after (or before) this key in that
 * order", written out as {@code (c1 > k1) or (c1 = k1 and c2 > k2) or ...} with each column's own direction.
 * A page so read neither repeats nor skips rows when other rows are inserted or deleted between requests.
 *
 * <p>A resource without a sort value has a null key value; that column is left out of the predicate, since the
 * "missing" column before it already separates those resources from the others, and among them the value ties.
 */
final class Keyset {

    /** One ordering column: its expression and whether the query orders it descending. */
    private record Column(Expression<?> expression, boolean descending) {
    }

    private final List<Column> columns;
    /** Where the sort value is, or null without {@code sortBy}. */
    private final SortCompiler.SortKey sortKey;
    private final Root<?> root;

    private Keyset(List<Column> columns, SortCompiler.SortKey sortKey, Root<?> root) {
        this.columns = columns;
        this.sortKey = sortKey;
        this.root = root;
    }

    /** The ordering columns of {@code listQuery}, as expressions on {@code root} of {@code query}. */
    static Keyset of(ListQuery listQuery, CriteriaBuilder cb, AbstractQuery<?> query, Root<?> root, QueryModel model) {
        List<Column> columns = new ArrayList<>();
        SortCompiler.SortKey sortKey = null;
        if (listQuery.sortBy() != null) {
            sortKey = SortCompiler.resolve(listQuery.sortBy(), model);
            Expression<?> key = SortCompiler.expression(sortKey, cb, query, root);
            columns.add(new Column(SortCompiler.missing(key, cb), listQuery.descending()));
            columns.add(new Column(key, listQuery.descending()));
        }
        columns.add(new Column(root.get("createdAt"), false));
        columns.add(new Column(root.get("id"), false));
        return new Keyset(columns, sortKey, root);
    }

    /**
     * What to select to know a row's key: the row, its {@code createdAt} and {@code id}, and a sort column. An
     * indexed sort value is a subquery, which JPA does not allow in a select clause; {@link #key} looks it up.
     */
    List<Selection<?>> selections() {
        List<Selection<?>> selections = new ArrayList<>(List.of(root));
        selections.addAll(keySelections());
        return selections;
    }

    /** What to select to know a row's key without reading the row: {@link #selections()} without the row. */
    List<Selection<?>> keySelections() {
        List<Selection<?>> selections = new ArrayList<>(List.of(root.get("createdAt"), root.get("id")));
        if (sortKey instanceof SortCompiler.ColumnKey) {
            selections.add(columns.get(1).expression());
        }
        return selections;
    }

    /** The key of a row selected as {@link #selections()}. */
    List<Object> key(Tuple row, EntityManager em) {
        Object value = sortKey instanceof SortCompiler.IndexedKey indexed
                ? indexedValues(indexed, List.of(row.get(2, String.class)), em).get(row.get(2, String.class))
                : sortKey == null ? null : row.get(3);
        return key(row, 1, value);
    }

    /**
     * What to select for {@link #keys}: {@link #keySelections()} and the stored document's length in characters,
     * the measure of {@link PageBudget}.
     */
    List<Selection<?>> keyedRowSelections(CriteriaBuilder cb) {
        List<Selection<?>> selections = keySelections();
        selections.add(cb.function("char_length", Integer.class, root.get("attributes")));
        return selections;
    }

    /** The keyed rows of rows selected as {@link #keyedRowSelections}, with the indexed sort values in one query. */
    List<KeyedRow> keys(List<Tuple> rows, EntityManager em) {
        Map<String, Object> indexed = sortKey instanceof SortCompiler.IndexedKey key && !rows.isEmpty()
                ? indexedValues(key, rows.stream().map(row -> row.get(1, String.class)).toList(), em) : Map.of();
        return rows.stream().map(row -> {
            String id = row.get(1, String.class);
            Object value = sortKey instanceof SortCompiler.IndexedKey ? indexed.get(id)
                    : sortKey == null ? null : row.get(2);
            Number size = row.get(row.getElements().size() - 1, Number.class);
            return new KeyedRow(id, key(row, 0, value), size == null ? 0 : size.longValue());
        }).toList();
    }

    /** The key of a row whose {@code createdAt} and {@code id} are at {@code offset}, with its sort value. */
    private List<Object> key(Tuple row, int offset, Object value) {
        List<Object> key = new ArrayList<>();
        if (sortKey != null) {
            key.add(value == null ? 1 : 0);
            key.add(value);
        }
        key.add(row.get(offset));
        key.add(row.get(offset + 1));
        return key;
    }

    /**
     * The values resources sort by in the attribute index: of a multi-valued attribute the smallest, as the
     * ordering's subquery has it.
     */
    private static Map<String, Object> indexedValues(SortCompiler.IndexedKey key, List<String> resourceIds,
                                                    EntityManager em) {
        Map<String, Object> values = new HashMap<>();
        // a singular attribute has one row (element 0), and booleans are singular: PostgreSQL has no min(boolean)
        String jpql = key.multiValued()
                ? "select v.resourceId, min(v." + key.field() + ") from AttributeValueEntity v "
                        + "where v.resourceId in :ids and v.path = :path group by v.resourceId"
                : "select v.resourceId, v." + key.field() + " from AttributeValueEntity v "
                        + "where v.resourceId in :ids and v.path = :path";
        em.createQuery(jpql, Object[].class)
                .setParameter("ids", resourceIds)
                .setParameter("path", key.path())
                .getResultList()
                .forEach(row -> values.put((String) row[0], row[1]));
        return values;
    }

    /** The query's order, or its exact reverse for reading backwards. */
    List<Order> order(CriteriaBuilder cb, boolean backward) {
        return columns.stream()
                .map(c -> c.descending() != backward ? cb.desc(c.expression()) : cb.asc(c.expression()))
                .toList();
    }

    /** The rows on the side of {@code position}'s key that it reads. */
    Predicate beyond(CursorPosition position, CriteriaBuilder cb) {
        List<Object> key = position.key();
        if (key.size() != columns.size()) {
            throw new ScimException(400, ScimType.INVALID_CURSOR, "The cursor belongs to another query");
        }
        List<Predicate> alternatives = new ArrayList<>();
        List<Predicate> equalSoFar = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = key.get(i);
            if (value == null) {
                continue;
            }
            Column column = columns.get(i);
            boolean greater = column.descending() == position.backward();
            boolean orEqual = position.inclusive() && i == columns.size() - 1;
            List<Predicate> alternative = new ArrayList<>(equalSoFar);
            alternative.add(compare(column.expression(), value, greater, orEqual, cb));
            alternatives.add(cb.and(alternative.toArray(Predicate[]::new)));
            equalSoFar.add(cb.equal(column.expression(), value));
        }
        return cb.or(alternatives.toArray(Predicate[]::new));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate compare(Expression<?> expression, Object value, boolean greater, boolean orEqual,
                                     CriteriaBuilder cb) {
        Expression<Comparable> comparable = (Expression<Comparable>) expression;
        Comparable bound = (Comparable) value;
        if (greater) {
            return orEqual ? cb.greaterThanOrEqualTo(comparable, bound) : cb.greaterThan(comparable, bound);
        }
        return orEqual ? cb.lessThanOrEqualTo(comparable, bound) : cb.lessThan(comparable, bound);
    }
}
