package com.leadcast.scim.filter;

/**
 * A token of filter or path text.
 *
 * @param kind  token kind
 * @param text  source text of the token (for strings including the quotes)
 * @param value decoded content of a {@link Kind#STRING}, otherwise {@code null}
 * @param start zero-based offset of the first character
 * @param end   offset just past the last character
 */
record Token(Kind kind, String text, String value, int start, int end) {

    enum Kind { WORD, STRING, OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, END }

    boolean is(Kind expected) {
        return kind == expected;
    }

    /** Whether this is a word equal to {@code keyword}, ignoring case. */
    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** Whether this word starts with a dot, i.e. the {@code .subAttr} after a closing bracket. */
    boolean isDotWord() {
        return kind == Kind.WORD && text.startsWith(".");
    }

    /** The token as shown in error messages: {@code 'text'} or {@code end of input}. */
    String describe() {
        if (kind == Kind.END) {
            return "end of input";
        }
        return "'" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "'";
    }
}
