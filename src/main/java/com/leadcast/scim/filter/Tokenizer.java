package com.leadcast.scim.filter;

import com.leadcast.scim.filter.Token.Kind;
import com.leadcast.scim.text.StorableText;

/**
 * Splits filter text into tokens on demand: parentheses, brackets, JSON strings (RFC 8259 §7) and
 * words. A word is any run of characters other than whitespace, {@code ( ) [ ]} and {@code "}; the
 * parser decides whether it is a keyword, attribute path, number or unquoted value. A string whose escapes
 * decode to text no database stores faithfully ({@code \u0000}, an unpaired surrogate) is a syntax error here;
 * the same characters sent unescaped are refused ({@code invalidValue}) before any parsing.
 */
final class Tokenizer {
    private final String input;
    private final ErrorFactory errors;
    private int pos;

    Tokenizer(String input, ErrorFactory errors) {
        this.input = input;
        this.errors = errors;
    }

    /** The next token; {@link Kind#END} once the input is exhausted. */
    Token next() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
        if (pos >= input.length()) {
            return new Token(Kind.END, "", null, pos, pos);
        }
        switch (input.charAt(pos)) {
            case '(': return single(Kind.OPEN_PAREN);
            case ')': return single(Kind.CLOSE_PAREN);
            case '[': return single(Kind.OPEN_BRACKET);
            case ']': return single(Kind.CLOSE_BRACKET);
            case '"': return string();
            default: return word();
        }
    }

    private Token single(Kind kind) {
        int start = pos++;
        return new Token(kind, input.substring(start, pos), null, start, pos);
    }

    private Token word() {
        int start = pos;
        while (pos < input.length() && !isDelimiter(input.charAt(pos))) {
            pos++;
        }
        return new Token(Kind.WORD, input.substring(start, pos), null, start, pos);
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || "()[]\"".indexOf(c) >= 0;
    }

    private Token string() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos++);
            if (c == '"') {
                String decoded = value.toString();
                String problem = StorableText.problem(decoded);
                if (problem != null) {
                    throw errors.at("The string at position " + start + " decodes to " + problem
                            + ", which this service does not store; remove that escape", start);
                }
                return new Token(Kind.STRING, input.substring(start, pos), decoded, start, pos);
            }
            value.append(c == '\\' ? escape(start) : c);
        }
        throw unterminated(start);
    }

    /** Decodes the escape whose backslash was just consumed. */
    private char escape(int stringStart) {
        int at = pos - 1;
        if (pos >= input.length()) {
            throw unterminated(stringStart);
        }
        char c = input.charAt(pos++);
        switch (c) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': return unicode(at);
            default:
                throw errors.at("Invalid escape '\\" + c + "' at position " + at
                        + " in a string; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX", at);
        }
    }

    private char unicode(int at) {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = pos + i < input.length() ? hexDigit(input.charAt(pos + i)) : -1;
            if (digit < 0) {
                String shown = input.substring(at, Math.min(input.length(), at + 6));
                throw errors.at("Invalid unicode escape '" + shown + "' at position " + at
                        + "; \\u must be followed by four hexadecimal digits", at);
            }
            code = code * 16 + digit;
        }
        pos += 4;
        return (char) code;
    }

    private static int hexDigit(char c) {
        int index = "0123456789abcdefABCDEF".indexOf(c);
        return index < 16 ? index : index - 6;
    }

    private FilterException unterminated(int start) {
        return errors.at("Unterminated string starting at position " + start + "; add the closing '\"'", start);
    }
}
