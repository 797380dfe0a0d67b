package com.leadcast.store;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.CompareOp;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.AttributeType;
import com.leadcast.scim.text.CaseFolding;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One comparison {@code attrPath compareOp compValue} of RFC 7644 §3.4.2.2, typed by the attribute: as SQL on a
 * column or an index field, or evaluated here where every resource has the same value ({@code meta.resourceType},
 * the {@code type} of a user's {@code groups}). {@code gt ge lt le} on booleans and binaries, {@code co sw ew} on
 * anything but strings and references, and an operand of the wrong kind are {@code invalidFilter}.
 */
final class Comparison {

    private final CriteriaBuilder cb;

    Comparison(CriteriaBuilder cb) {
        this.cb = cb;
    }

    /**
     * {@code field op value} for the type of {@code leaf}, as a new predicate that is never negated ({@code op} is
     * not {@code ne}: callers negate {@code eq}). {@code matching} says how a string field compares.
     */
    @SuppressWarnings("unchecked")
    Predicate test(Attribute leaf, CompareOp op, Object value, AttrPath path, Expression<?> field,
                   QueryModel.Matching matching) {
        AttributeType type = leaf.type();
        switch (type) {
            case BOOLEAN -> {
                Boolean operand = booleanOperand(value);
                if (operand == null || op != CompareOp.EQ) {
                    throw ScimException.invalidFilter("'" + path + "' is a boolean: use eq or ne with true or false");
                }
                return cb.equal(field, operand);
            }
            case INTEGER, DECIMAL -> {
                return ordered(op, (Expression<BigDecimal>) field, numberOperand(value, path), path);
            }
            case DATE_TIME -> {
                return ordered(op, (Expression<Instant>) field, timeOperand(value, path), path);
            }
            default -> {
                if (type == AttributeType.BINARY && op != CompareOp.EQ) {
                    throw ScimException.invalidFilter("'" + path + "' is binary: only eq, ne and pr apply");
                }
                Expression<String> text = (Expression<String>) field;
                String operand = String.valueOf(value);
                if (matching == QueryModel.Matching.KEY_COLUMN) {
                    operand = CaseFolding.fold(operand);
                } else if (matching == QueryModel.Matching.LOWER) {
                    text = cb.lower(text);
                    operand = CaseFolding.fold(operand);
                }
                return switch (op) {
                    case CO -> cb.like(text, "%" + escapeLike(operand) + "%", '\\');
                    case SW -> cb.like(text, escapeLike(operand) + "%", '\\');
                    case EW -> cb.like(text, "%" + escapeLike(operand), '\\');
                    default -> ordered(op, text, operand, path);
                };
            }
        }
    }

    /**
     * Whether the case-insensitive string {@code constant}, the value every resource has, satisfies {@code op value}
     * ({@code op} is not {@code ne}).
     */
    static boolean holds(String constant, CompareOp op, Object value) {
        String text = CaseFolding.fold(constant);
        String operand = CaseFolding.fold(String.valueOf(value));
        return switch (op) {
            case EQ -> text.equals(operand);
            case CO -> text.contains(operand);
            case SW -> text.startsWith(operand);
            case EW -> text.endsWith(operand);
            case GT -> text.compareTo(operand) > 0;
            case GE -> text.compareTo(operand) >= 0;
            case LT -> text.compareTo(operand) < 0;
            case LE -> text.compareTo(operand) <= 0;
            default -> throw new IllegalArgumentException(op + " is not a comparison of a value");
        };
    }

    /** {@code eq null} and {@code ne null} test absence and presence; every other operator with null is refused. */
    static void requirePresenceTest(CompareOp op, AttrPath path) {
        if (op != CompareOp.EQ && op != CompareOp.NE) {
            throw ScimException.invalidFilter("'" + path + " " + op.keyword() + " null' compares with null: only "
                    + "eq null and ne null are meaningful");
        }
    }

    private <T extends Comparable<? super T>> Predicate ordered(CompareOp op, Expression<T> field, T operand,
                                                               AttrPath path) {
        return switch (op) {
            case EQ -> cb.equal(field, operand);
            case GT -> cb.greaterThan(field, operand);
            case GE -> cb.greaterThanOrEqualTo(field, operand);
            case LT -> cb.lessThan(field, operand);
            case LE -> cb.lessThanOrEqualTo(field, operand);
            default -> throw ScimException.invalidFilter("Operator '" + op.keyword() + "' does not apply to '" + path
                    + "': co, sw and ew are for strings");
        };
    }

    private static Boolean booleanOperand(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private static BigDecimal numberOperand(Object value, AttrPath path) {
        try {
            return value instanceof Long l ? BigDecimal.valueOf(l)
                    : value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw ScimException.invalidFilter("'" + path + "' is numeric: compare it with a number, not " + value);
        }
    }

    private static Instant timeOperand(Object value, AttrPath path) {
        try {
            return OffsetDateTime.parse(String.valueOf(value)).toInstant();
        } catch (DateTimeParseException e) {
            throw ScimException.invalidFilter("'" + path + "' is a dateTime: compare it with a value such as "
                    + "\"2026-01-31T12:00:00Z\", not " + value);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
