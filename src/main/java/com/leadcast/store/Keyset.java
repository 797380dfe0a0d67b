package com.leadcast.store;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.scim.query.CursorPosition;
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
import java.util.List;

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
        List<Selection<?>> selections = new ArrayList<>(List.of(root, root.get("createdAt"), root.get("id")));
        if (sortKey instanceof SortCompiler.ColumnKey) {
            selections.add(columns.get(1).expression());
        }
        return selections;
    }

    /** The key of a row selected as {@link #selections()}. */
    List<Object> key(Tuple row, EntityManager em) {
        List<Object> key = new ArrayList<>();
        if (sortKey != null) {
            Object value = sortKey instanceof SortCompiler.IndexedKey indexed
                    ? indexedValue(indexed, row.get(2, String.class), em) : row.get(3);
            key.add(value == null ? 1 : 0);
            key.add(value);
        }
        key.add(row.get(1));
        key.add(row.get(2));
        return key;
    }

    /** The value a resource sorts by in the attribute index: its smallest, as the ordering's subquery has it. */
    private static Object indexedValue(SortCompiler.IndexedKey key, String resourceId, EntityManager em) {
        List<?> values = em.createQuery("select min(v." + key.field() + ") from AttributeValueEntity v "
                        + "where v.resourceId = :id and v.path = :path")
                .setParameter("id", resourceId)
                .setParameter("path", key.path())
                .getResultList();
        return values.isEmpty() ? null : values.get(0);
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
