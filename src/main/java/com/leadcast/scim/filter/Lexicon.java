package com.leadcast.scim.filter;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** Character-level rules of the RFC 7644 §3.4.2.2 grammar (Figure 1) and JSON numbers (RFC 8259 §6). */
final class Lexicon {
    private static final Set<String> RESERVED = Set.of(
            "and", "or", "not", "eq", "ne", "co", "sw", "ew", "pr", "gt", "ge", "lt", "le");

    private Lexicon() {
    }

    /** {@code ATTRNAME = ALPHA *(nameChar)}, plus {@code $} as a name character and {@code $ref} as a name. */
    static boolean isAttrName(String s) {
        if (s.equalsIgnoreCase("$ref")) {
            return true;
        }
        if (s.isEmpty() || !isAlpha(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(c -> isNameChar((char) c));
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNameChar(char c) {
        return isAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '$';
    }

    /** Logical and comparison keywords, which are never taken as unquoted string values. */
    static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }

    /** {@code number = [ "-" ] int [ frac ] [ exp ]} of RFC 8259 §6. */
    static boolean isJsonNumber(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        if (i < s.length() && s.charAt(i) == '0') {
            i++;
        } else {
            int start = i;
            i = skipDigits(s, i);
            if (i == start) {
                return false;
            }
        }
        if (i < s.length() && s.charAt(i) == '.') {
            int start = ++i;
            i = skipDigits(s, i);
            if (i == start) {
                return false;
            }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            i = skipDigits(s, i);
            if (i == start) {
                return false;
            }
        }
        return i == s.length();
    }

    /**
     * Converts a valid JSON number: {@link Long} for integers that fit, otherwise {@link BigDecimal}. An integer
     * spelled with an exponent whose decimal has no scale ({@code 1E+0}, {@code 10E-0}) is a {@code Long} too: its
     * canonical text is the plain integer, which must parse back to the same value.
     *
     * @throws NumberFormatException if the exponent is out of range
     */
    static Object toNumber(String s) {
        if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException tooBig) {
                return new BigDecimal(s);
            }
        }
        BigDecimal number = new BigDecimal(s);
        if (number.scale() == 0 && number.unscaledValue().bitLength() < Long.SIZE) {
            return number.longValueExact();
        }
        return number;
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
