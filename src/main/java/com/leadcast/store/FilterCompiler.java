package com.leadcast.store;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.CompareOp;
import com.leadcast.scim.filter.Filter;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiles a SCIM filter (RFC 7644 §3.4.2.2) to a JPA criteria predicate over a resource entity, so the database
 * does the filtering. Supported so far: {@code eq} on the attributes a resource type maps to columns, combined with
 * {@code and}; every other filter is refused with {@code invalidFilter} and a detail saying what is supported,
 * never ignored.
 */
final class FilterCompiler implements Filter.Visitor<Predicate> {

    /** How a column compares: as stored, through a lower-cased key column, or lower-cased on the fly. */
    enum Matching { EXACT, KEY_COLUMN, LOWER }

    /** An attribute with a column of its own. */
    record Column(String field, Matching matching) {
    }

    private final CriteriaBuilder cb;
    private final Root<?> root;
    private final Map<String, Column> columns;

    private FilterCompiler(CriteriaBuilder cb, Root<?> root, Map<String, Column> columns) {
        this.cb = cb;
        this.root = root;
        this.columns = columns;
    }

    /** The predicate for {@code filter}; {@code columns} maps lower-case attribute names to columns. */
    static Predicate compile(Filter filter, CriteriaBuilder cb, Root<?> root, Map<String, Column> columns) {
        return filter.accept(new FilterCompiler(cb, root, columns));
    }

    @Override
    public Predicate visitAnd(Filter.And and) {
        return cb.and(and.filters().stream().map(f -> f.accept(this)).toArray(Predicate[]::new));
    }

    @Override
    public Predicate visitOr(Filter.Or or) {
        throw unsupported("'or'");
    }

    @Override
    public Predicate visitNot(Filter.Not not) {
        throw unsupported("'not'");
    }

    @Override
    public Predicate visitPresent(Filter.Present present) {
        throw unsupported("'pr'");
    }

    @Override
    public Predicate visitValuePath(Filter.ValuePath valuePath) {
        throw unsupported("the value filter '" + valuePath + "'");
    }

    @Override
    public Predicate visitCompare(Filter.Compare compare) {
        if (compare.op() != CompareOp.EQ) {
            throw unsupported("the operator '" + compare.op().keyword() + "'");
        }
        if (compare.path().subAttr() != null || compare.path().uri() != null) {
            throw unsupported("the attribute '" + compare.path() + "'");
        }
        Column column = columns.get(compare.path().name().toLowerCase(Locale.ROOT));
        if (column == null) {
            throw unsupported("the attribute '" + compare.path() + "'");
        }
        if (!(compare.value() instanceof String value)) {
            throw ScimException.invalidFilter("'" + compare.path() + "' is a string: compare it with a quoted value, "
                    + "e.g. " + compare.path() + " eq \"value\"");
        }
        Expression<String> field = root.get(column.field());
        return switch (column.matching()) {
            case EXACT -> cb.equal(field, value);
            case KEY_COLUMN -> cb.equal(field, value.toLowerCase(Locale.ROOT));
            case LOWER -> cb.equal(cb.lower(field), value.toLowerCase(Locale.ROOT));
        };
    }

    private ScimException unsupported(String what) {
        String attributes = columns.keySet().stream().sorted().collect(Collectors.joining(", "));
        return ScimException.invalidFilter("This server does not filter on " + what + " yet: it supports 'eq' on "
                + attributes + ", combined with 'and'");
    }
}
