package com.leadcast.scim.filter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * AST of a SCIM filter (RFC 7644 §3.4.2.2). All nodes are immutable records; consume them with a
 * {@link Visitor} or an {@code instanceof} chain.
 *
 * <p><b>Canonical text.</b> {@code toString()} of every node renders filter text that
 * {@link FilterParser#parse(String)} turns back into an equal tree (for every tree the parser produces;
 * a hand-built {@code BigDecimal} without fraction, such as {@code 5}, comes back as a {@code Long}):
 * <ul>
 *   <li>keywords in lower case, one space between tokens, attribute paths as written;</li>
 *   <li>every {@code and}/{@code or} node wrapped in one pair of parentheses, also at the top level:
 *       {@code a eq 1 or b eq 2 and c eq 3} renders as {@code (a eq 1 or (b eq 2 and c eq 3))} and
 *       {@code a pr or (b pr or c pr)} as {@code (a pr or b pr or c pr)};</li>
 *   <li>{@code not (x)} with one pair of parentheses: {@code not (a pr or b pr)};</li>
 *   <li>a value filter without its outer parentheses: {@code emails[type eq "work" and primary eq true]};</li>
 *   <li>strings as JSON strings escaping only {@code "}, {@code \}, and control characters;
 *       numbers via {@code Long.toString} / {@code BigDecimal.toString} (so {@code 1e3} becomes
 *       {@code 1E+3}); {@code true}, {@code false}, {@code null}.</li>
 * </ul>
 */
public sealed interface Filter {

    /** Dispatches to the matching {@link Visitor} method. */
    <R> R accept(Visitor<R> visitor);

    /** Visitor over the node types; Java 17 has no pattern matching for switch. */
    interface Visitor<R> {
        R visitAnd(And and);

        R visitOr(Or or);

        R visitNot(Not not);

        R visitCompare(Compare compare);

        R visitPresent(Present present);

        R visitValuePath(ValuePath valuePath);
    }

    /**
     * {@code f1 and f2 and ...}; binds tighter than {@code or}. Holds at least two operands. Since
     * {@code and} is associative, an operand that is itself an {@code And} is merged into the list, so a
     * long chain is one flat node and the tree depth stays bounded by the nesting limit.
     */
    record And(List<Filter> filters) implements Filter {
        public And {
            filters = Canonical.operands(filters, And.class);
        }

        /** Convenience constructor: {@code new And(a, b)} or {@code new And(a, b, c)}. */
        public And(Filter first, Filter second, Filter... more) {
            this(Canonical.list(first, second, more));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAnd(this);
        }

        @Override
        public String toString() {
            return "(" + Canonical.unwrapped(this) + ")";
        }
    }

    /** {@code f1 or f2 or ...}; holds at least two operands, flattened like {@link And}. */
    record Or(List<Filter> filters) implements Filter {
        public Or {
            filters = Canonical.operands(filters, Or.class);
        }

        /** Convenience constructor: {@code new Or(a, b)} or {@code new Or(a, b, c)}. */
        public Or(Filter first, Filter second, Filter... more) {
            this(Canonical.list(first, second, more));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitOr(this);
        }

        @Override
        public String toString() {
            return "(" + Canonical.unwrapped(this) + ")";
        }
    }

    /** {@code not (filter)}; binds tightest. */
    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNot(this);
        }

        @Override
        public String toString() {
            return "not (" + Canonical.unwrapped(filter) + ")";
        }
    }

    /**
     * {@code path op value} for every operator except {@link CompareOp#PR}. The value is a
     * {@link String}, a {@link Boolean}, {@code null}, or a number: a {@link Long} for an integer literal
     * that fits into a long, otherwise (fraction, exponent or out of range) a {@link BigDecimal}.
     * Unquoted words accepted by the parser's leniency arrive as {@link String}s too.
     */
    record Compare(AttrPath path, CompareOp op, Object value) implements Filter {
        public Compare {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(op, "op");
            if (op == CompareOp.PR) {
                throw new IllegalArgumentException("Use Filter.Present for the 'pr' operator");
            }
            if (value != null && !(value instanceof String || value instanceof Boolean
                    || value instanceof Long || value instanceof BigDecimal)) {
                throw new IllegalArgumentException(
                        "value must be a String, Boolean, Long, BigDecimal or null: " + value.getClass().getName());
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitCompare(this);
        }

        @Override
        public String toString() {
            return path + " " + op.keyword() + " " + Canonical.value(value);
        }
    }

    /** {@code path pr}: the attribute has a non-empty value. */
    record Present(AttrPath path) implements Filter {
        public Present {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitPresent(this);
        }

        @Override
        public String toString() {
            return path + " pr";
        }
    }

    /**
     * {@code attribute[filter]}: some element of the multi-valued {@code attribute} matches {@code filter},
     * whose attribute paths are plain sub-attribute names (no URI, no dot) and which contains no
     * further {@code ValuePath}.
     *
     * <p>The non-standard form sent by Microsoft Entra ID,
     * {@code emails[type eq "work"].value eq "alice@contoso.com"}, is represented as
     * {@code ValuePath(emails, And(type eq "work", value eq "alice@contoso.com"))}: the comparison applies
     * to the {@code value} sub-attribute of the same element that matches the bracket filter. (If the
     * bracket filter is itself an {@code And}, the comparison becomes its last operand.)
     */
    record ValuePath(AttrPath attribute, Filter filter) implements Filter {
        public ValuePath {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(filter, "filter");
            if (attribute.subAttr() != null) {
                throw new IllegalArgumentException("A value filter needs an attribute without sub-attribute: " + attribute);
            }
            checkValueFilter(filter);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitValuePath(this);
        }

        @Override
        public String toString() {
            return attribute + "[" + Canonical.unwrapped(filter) + "]";
        }
    }

    private static void checkValueFilter(Filter filter) {
        if (filter instanceof And and) {
            and.filters().forEach(Filter::checkValueFilter);
        } else if (filter instanceof Or or) {
            or.filters().forEach(Filter::checkValueFilter);
        } else if (filter instanceof Not not) {
            checkValueFilter(not.filter());
        } else if (filter instanceof ValuePath) {
            throw new IllegalArgumentException("Value filters cannot be nested");
        } else {
            AttrPath path = filter instanceof Compare compare ? compare.path() : ((Present) filter).path();
            if (path.uri() != null || path.subAttr() != null) {
                throw new IllegalArgumentException("A value filter may only use sub-attribute names: " + path);
            }
        }
    }
}
