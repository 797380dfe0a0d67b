package com.leadcast.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.CompareOp;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.schema.Attribute;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Decides whether one value of a multi-valued attribute matches the value filter of a PATCH path, e.g. the
 * {@code type eq "work"} of {@code emails[type eq "work"].value} (RFC 7644 §3.5.2). Comparisons follow the
 * sub-attribute's type and {@code caseExact}; {@code "True"}/{@code "False"} strings compare as booleans, as
 * Entra ID sends them.
 */
final class ValueFilterMatcher implements Filter.Visitor<Boolean> {

    private final Attribute attribute;
    private final JsonNode element;

    private ValueFilterMatcher(Attribute attribute, JsonNode element) {
        this.attribute = attribute;
        this.element = element;
    }

    static boolean matches(Attribute attribute, JsonNode element, Filter filter) {
        return filter.accept(new ValueFilterMatcher(attribute, element));
    }

    @Override
    public Boolean visitAnd(Filter.And and) {
        return and.filters().stream().allMatch(f -> f.accept(this));
    }

    @Override
    public Boolean visitOr(Filter.Or or) {
        return or.filters().stream().anyMatch(f -> f.accept(this));
    }

    @Override
    public Boolean visitNot(Filter.Not not) {
        return !not.filter().accept(this);
    }

    @Override
    public Boolean visitPresent(Filter.Present present) {
        JsonNode value = valueOf(present.path());
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
    }

    @Override
    public Boolean visitValuePath(Filter.ValuePath valuePath) {
        throw ScimException.invalidPath("Value filters cannot be nested: " + valuePath);
    }

    @Override
    public Boolean visitCompare(Filter.Compare compare) {
        Attribute sub = subAttribute(compare.path());
        JsonNode actual = valueOf(compare.path());
        Object expected = compare.value();
        if (actual == null || actual.isNull()) {
            return compare.op() == CompareOp.EQ ? expected == null : compare.op() == CompareOp.NE && expected != null;
        }
        int order;
        switch (sub.type()) {
            case BOOLEAN -> {
                Boolean wanted = asBoolean(expected);
                if (wanted == null || (compare.op() != CompareOp.EQ && compare.op() != CompareOp.NE)) {
                    throw ScimException.invalidFilter("'" + compare.path() + "' is a boolean: compare it with eq or "
                            + "ne and true or false");
                }
                boolean equal = asBoolean(actual.isBoolean() ? actual.booleanValue() : actual.asText()) == wanted;
                return compare.op() == CompareOp.EQ == equal;
            }
            case INTEGER, DECIMAL -> order = compareNumbers(actual, expected, compare);
            case DATE_TIME -> order = compareDates(actual.asText(), expected, compare);
            default -> {
                String a = actual.asText();
                String e = String.valueOf(expected);
                if (!sub.caseExact()) {
                    a = a.toLowerCase(Locale.ROOT);
                    e = e.toLowerCase(Locale.ROOT);
                }
                switch (compare.op()) {
                    case CO -> {
                        return a.contains(e);
                    }
                    case SW -> {
                        return a.startsWith(e);
                    }
                    case EW -> {
                        return a.endsWith(e);
                    }
                    default -> order = a.compareTo(e);
                }
            }
        }
        return switch (compare.op()) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            default -> throw ScimException.invalidFilter("Operator " + compare.op().keyword()
                    + " does not apply to '" + compare.path() + "'");
        };
    }

    private Attribute subAttribute(AttrPath path) {
        if (!attribute.isComplex()) {
            if (path.name().equalsIgnoreCase("value")) {
                return attribute;
            }
        } else {
            var sub = attribute.subAttribute(path.name());
            if (sub.isPresent()) {
                return sub.get();
            }
        }
        throw ScimException.invalidPath("'" + attribute.name() + "' has no sub-attribute '" + path.name() + "'");
    }

    private JsonNode valueOf(AttrPath path) {
        subAttribute(path);
        if (!element.isObject()) {
            return path.name().equalsIgnoreCase("value") ? element : null;
        }
        for (var it = element.fields(); it.hasNext(); ) {
            var field = it.next();
            if (field.getKey().equalsIgnoreCase(path.name())) {
                return field.getValue();
            }
        }
        return null;
    }

    private static Boolean asBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private static int compareNumbers(JsonNode actual, Object expected, Filter.Compare compare) {
        try {
            BigDecimal a = actual.isNumber() ? actual.decimalValue() : new BigDecimal(actual.asText());
            BigDecimal e = expected instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(expected));
            return a.compareTo(e);
        } catch (NumberFormatException e) {
            throw ScimException.invalidFilter("'" + compare.path() + "' is numeric; " + expected + " is not a number");
        }
    }

    private static int compareDates(String actual, Object expected, Filter.Compare compare) {
        try {
            return OffsetDateTime.parse(actual).toInstant().compareTo(OffsetDateTime.parse(String.valueOf(expected))
                    .toInstant());
        } catch (DateTimeParseException e) {
            throw ScimException.invalidFilter("'" + compare.path() + "' is a dateTime; compare it with a value such "
                    + "as \"2026-01-31T12:00:00Z\"");
        }
    }
}
