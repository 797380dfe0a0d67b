package com.leadcast.scim.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Canonical form of AST nodes: text rendering (format documented on {@link Filter}) and flattening. */
final class Canonical {
    private Canonical() {
    }

    /** A node's text without the parentheses that wrap an {@code and}/{@code or} node. */
    static String unwrapped(Filter filter) {
        if (filter instanceof Filter.And and) {
            return join(and.filters(), " and ");
        }
        if (filter instanceof Filter.Or or) {
            return join(or.filters(), " or ");
        }
        return filter.toString();
    }

    private static String join(List<Filter> filters, String operator) {
        return filters.stream().map(Filter::toString).collect(Collectors.joining(operator));
    }

    /** Validates and flattens the operands of an {@code And} or {@code Or} (both are associative). */
    static List<Filter> operands(List<Filter> filters, Class<? extends Filter> type) {
        List<Filter> flat = new ArrayList<>();
        for (Filter filter : Objects.requireNonNull(filters, "filters")) {
            Objects.requireNonNull(filter, "filters must not contain null");
            if (filter instanceof Filter.And and && type == Filter.And.class) {
                flat.addAll(and.filters());
            } else if (filter instanceof Filter.Or or && type == Filter.Or.class) {
                flat.addAll(or.filters());
            } else {
                flat.add(filter);
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException(type.getSimpleName() + " needs at least two operands");
        }
        return List.copyOf(flat);
    }

    static List<Filter> list(Filter first, Filter second, Filter... more) {
        List<Filter> list = new ArrayList<>(Arrays.asList(first, second));
        list.addAll(Arrays.asList(more));
        return list;
    }

    /** A comparison value as {@code compValue} text: JSON string, number, {@code true}, {@code false}, {@code null}. */
    static String value(Object value) {
        return value instanceof String s ? quote(s) : String.valueOf(value);
    }

    /** A JSON string literal (RFC 8259 §7) escaping only what JSON requires. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
