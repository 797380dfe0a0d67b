package com.leadcast.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Text that breaks parsers, databases and length checks: control characters and NUL, lone and swapped UTF-16
 * surrogates, characters whose case mapping changes their length (U+0130 'İ', 'ß', U+FB03 'ﬃ'), right-to-left and
 * invisible formatting marks, combining sequences, emoji, quote and escape characters of JSON, SQL and filters,
 * and very long runs. Each {@link Kind} says which part of it a caller may want to leave out.
 */
public final class TrickyText {

    /** The classes of tricky text, so that a caller can tell which one it drew. */
    public enum Kind {
        /** U+0000. */
        NUL,
        /** An unpaired or reversed UTF-16 surrogate. */
        LONE_SURROGATE,
        /** U+0130, whose lower case has two chars. */
        DOTTED_CAPITAL_I,
        /** Everything else. */
        OTHER
    }

    /** A drawn piece of text and its kind. */
    public record Piece(String text, Kind kind) {
    }

    private static final List<String> ATOMS = List.of(
            "", " ", "  ", "\t", "\n", "\r\n", "\u000b", "\u001f", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029",
            "\"", "\\", "\\\"", "'", "''", "`", "%", "%25", "%00", "_", "*", "?", "&", "=", "+", "#", ";", ",", ".",
            "..", "/", "//", "<", ">", "<script>", "{", "}", "[", "]", "(", ")", "()", "[]", "{}", ":", "::",
            "' OR '1'='1", "\"; DROP TABLE users; --", "\\u0000", "\\ud800", "\\x00", "${jndi:ldap://x}", "%s%n",
            "ß", "ẞ", "ﬃ", "ǅ", "Σ", "ς", "ı", "i̇", "Å", "Å", "é", "é", "ﷺ", "🙂", "👩‍👩‍👧‍👦", "🏳️‍🌈",
            "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\ufffd", "\uffff", "\ufffe",
            "שלום", "مرحبا", "\u202eevil", "日本語", "한국어", "Ꙩ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "A\u030a", "Z̷̢̛̪͙a̵l̶g̸o̵",
            "true", "false", "null", "True", "NULL", "0", "-0", "1e309", "-1e309", "NaN", "Infinity", "0x10",
            "9223372036854775808", "-9223372036854775809", "1.7976931348623157e309", "00001", "1_000",
            "eq", "and", "or", "not", "pr", "co", "sw", " eq ", "\" or \"\"=\"", "userName", "emails[type eq \"work\"]",
            "urn:ietf:params:scim:schemas:core:2.0:User:", "$ref", "meta.created", "members[value eq", "]].",
            "2026-01-31T12:00:00Z", "2026-02-30T25:61:61Z", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z");

    private TrickyText() {
    }

    /** One piece of tricky text: an atom, several glued together, a long run, or a mix with plain words. */
    public static Piece any(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> new Piece("\u0000", Kind.NUL);
            case 1 -> new Piece(random.nextBoolean() ? "a\u0000b" : "\u0000".repeat(1 + random.nextInt(4)), Kind.NUL);
            case 2 -> new Piece(loneSurrogate(random), Kind.LONE_SURROGATE);
            case 3 -> new Piece(dottedI(random), Kind.DOTTED_CAPITAL_I);
            case 4 -> new Piece(longRun(random), Kind.OTHER);
            case 5 -> new Piece(randomChars(random, 1 + random.nextInt(12)), Kind.OTHER);
            default -> new Piece(glued(random), Kind.OTHER);
        };
    }

    /** A piece of text without NUL, lone surrogates or 'İ' (the classes other tests may want to exclude). */
    public static String ordinary(Random random) {
        Piece piece;
        do {
            piece = any(random);
        } while (piece.kind() != Kind.OTHER);
        return piece.text();
    }

    private static String loneSurrogate(Random random) {
        char high = (char) (0xD800 + random.nextInt(0x400));
        char low = (char) (0xDC00 + random.nextInt(0x400));
        return switch (random.nextInt(4)) {
            case 0 -> String.valueOf(high);
            case 1 -> String.valueOf(low);
            case 2 -> "x" + low + high + "y";
            default -> "name" + high;
        };
    }

    private static String dottedI(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "İ";
            case 1 -> "İ".repeat(257 + random.nextInt(400));
            default -> "İ" + "a".repeat(1000 + random.nextInt(200));
        };
    }

    private static String longRun(Random random) {
        int length = switch (random.nextInt(4)) {
            case 0 -> 255 + random.nextInt(3);
            case 1 -> 511 + random.nextInt(3);
            case 2 -> 1023 + random.nextInt(3);
            default -> 4000 + random.nextInt(9000);
        };
        String unit = switch (random.nextInt(4)) {
            case 0 -> "a";
            case 1 -> "é";
            case 2 -> "🙂";
            default -> "日";
        };
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(unit);
        }
        return text.toString();
    }

    private static String glued(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(3);
        for (int i = 0; i < pieces; i++) {
            text.append(random.nextInt(3) == 0 ? "word" + random.nextInt(100) : ATOMS.get(random.nextInt(ATOMS.size())));
        }
        return text.toString();
    }

    /** Characters drawn from all of the BMP but the surrogates, and a few supplementary ones. */
    private static String randomChars(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int c = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x800);
                case 2 -> 0x10000 + random.nextInt(0x10000);
                default -> random.nextInt(0xD800);
            };
            if (c == 0 || c == 0x130) {
                c = 'x';
            }
            text.appendCodePoint(c);
        }
        return text.toString();
    }
}
