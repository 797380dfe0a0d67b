package com.leadcast.scim.filter;

import java.util.Locale;
import java.util.Optional;

/**
 * Attribute operators of RFC 7644 §3.4.2.2 (Table 3). Keywords are matched case-insensitively
 * and rendered in lower case.
 */
public enum CompareOp {
    /** equal */
    EQ,
    /** not equal */
    NE,
    /** contains */
    CO,
    /** starts with */
    SW,
    /** ends with */
    EW,
    /** present (has value); the only operator without a comparison value, see {@link Filter.Present} */
    PR,
    /** greater than */
    GT,
    /** greater than or equal to */
    GE,
    /** less than */
    LT,
    /** less than or equal to */
    LE;

    /** Returns the lower-case keyword used in filter text, e.g. {@code "eq"}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks up an operator by its keyword, ignoring case; empty if {@code word} is not an operator. */
    public static Optional<CompareOp> fromKeyword(String word) {
        for (CompareOp op : values()) {
            if (op.name().equalsIgnoreCase(word)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
