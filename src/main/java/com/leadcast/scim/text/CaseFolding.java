package com.leadcast.scim.text;

/**
 * The case-insensitive form of SCIM strings ({@code caseExact: false}, RFC 7643 §2.2): each character lower-cased
 * by its simple Unicode mapping. Unlike {@link String#toLowerCase}, whose full mappings turn U+0130 'İ' into two
 * characters, the result has exactly as many characters (and UTF-16 units) as the value, so a key column as long as
 * its value column always holds it. U+0130 has no simple case folding (Unicode CaseFolding.txt) and stays itself:
 * the simple lower-case mapping would make the Turkish 'İpek' the same name as 'Ipek'.
 */
public final class CaseFolding {

    private static final int DOTTED_CAPITAL_I = 0x130;

    private CaseFolding() {
    }

    public static String fold(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder folded = null;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int lower = c == DOTTED_CAPITAL_I ? c : Character.toLowerCase(c);
            if (lower != c && folded == null) {
                folded = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (folded != null) {
                folded.appendCodePoint(lower);
            }
            i += Character.charCount(c);
        }
        return folded == null ? value : folded.toString();
    }

    /** The length of {@code value} in characters (code points), as clients count it. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * {@code value} cut to at most {@code units} UTF-16 code units without splitting a surrogate pair: what fits a
     * column of that many characters on every database.
     */
    public static String prefix(String value, int units) {
        if (value.length() <= units) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(units - 1)) ? units - 1 : units;
        return value.substring(0, end);
    }
}
