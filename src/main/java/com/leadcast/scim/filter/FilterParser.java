package com.leadcast.scim.filter;

/**
 * Entry point: parses SCIM filters (RFC 7644 §3.4.2.2) and PATCH paths (RFC 7644 §3.5.2).
 *
 * <p>Accepted beyond the strict ABNF, for compatibility with Microsoft Entra ID and other clients:
 * <ul>
 *   <li>keywords ({@code and}, {@code eq}, {@code true}, ...) in any case, as RFC 7644 requires;</li>
 *   <li>any amount of whitespace between tokens, including none around parentheses: {@code not(a pr)};</li>
 *   <li>{@code emails[type eq "work"].value eq "x"}, represented as described on {@link Filter.ValuePath};</li>
 *   <li>an unquoted word as a string value, {@code externalId eq jyoung}. The word ends at whitespace,
 *       a parenthesis, a bracket or a quote; {@code and}, {@code or}, {@code not} and operator keywords are
 *       never values; {@code true}/{@code false}/{@code null} and JSON numbers keep their meaning, so
 *       {@code 0123} (not a JSON number) is the string "0123" but {@code 123} is the number 123.</li>
 * </ul>
 * Rejected although the ABNF allows them, because no SCIM schema can match them: a value filter after a
 * sub-attribute ({@code name.givenName[...]}) and URIs or sub-attributes inside a value filter
 * ({@code emails[name.x eq 1]}). Comparison values are not checked against the operator or attribute
 * type; that needs the schema and is the caller's job.
 *
 * <p>Error positions are zero-based character offsets. Input longer than {@value #MAX_LENGTH} characters
 * or nesting parentheses and brackets deeper than {@value #MAX_DEPTH} levels is rejected.
 */
public final class FilterParser {
    /** Maximum accepted input length in characters. */
    public static final int MAX_LENGTH = 8192;
    /** Maximum nesting of parentheses and brackets. */
    public static final int MAX_DEPTH = 50;

    private FilterParser() {
    }

    /**
     * Parses a filter, e.g. the {@code filter} query parameter (RFC 7644 §3.4.2.2).
     *
     * @throws FilterException if the text is not a valid filter ({@code scimType} invalidFilter)
     */
    public static Filter parse(String filter) {
        checkSize(filter, false);
        return new Parser(filter, false).parseFilter();
    }

    /**
     * Parses the {@code path} of a PATCH operation (RFC 7644 §3.5.2). Leading and trailing whitespace
     * is ignored.
     *
     * @throws PathException if the text is not a valid path ({@code scimType} invalidPath, or
     *                       invalidFilter for errors inside the {@code [...]} value filter)
     */
    public static PatchPath parsePath(String path) {
        checkSize(path, true);
        return new Parser(path, true).parsePath();
    }

    private static void checkSize(String text, boolean path) {
        String noun = path ? "PATCH path" : "Filter";
        if (text == null) {
            throw FilterException.create(path, false, noun + " is missing", -1);
        }
        if (text.length() > MAX_LENGTH) {
            throw FilterException.create(path, false, noun + " is " + text.length()
                    + " characters long; the maximum is " + MAX_LENGTH, MAX_LENGTH);
        }
    }
}
