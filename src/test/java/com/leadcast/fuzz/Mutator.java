package com.leadcast.fuzz;

import java.util.Random;

/**
 * Text-level mutations of a valid input, the way a fuzzer breaks it: cut, repeat, insert tricky text or a delimiter of
 * the grammar, swap, truncate, change case, nest deeply. Which mutation ran is not recorded: the mutated text is the
 * reproducer.
 */
public final class Mutator {

    private static final String DELIMITERS = "()[]{}\" .:,\\'$-_=!<>";

    private Mutator() {
    }

    /** {@code text} changed by one to three mutations; {@code allowKnown} false keeps NUL, lone surrogates and 'İ' out. */
    public static String mutate(Random random, String text, boolean allowKnown) {
        String result = text;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            result = once(random, result, allowKnown);
        }
        return result;
    }

    private static String once(Random random, String text, boolean allowKnown) {
        int length = text.length();
        int at = length == 0 ? 0 : random.nextInt(length + 1);
        int to = Math.min(length, at + 1 + random.nextInt(8));
        return switch (random.nextInt(10)) {
            case 0 -> text.substring(0, at) + text.substring(to);
            case 1 -> text.substring(0, at) + text.substring(at, to).repeat(2 + random.nextInt(3)) + text.substring(to);
            case 2, 3 -> text.substring(0, at) + tricky(random, allowKnown) + text.substring(at);
            case 4 -> text.substring(0, at) + DELIMITERS.charAt(random.nextInt(DELIMITERS.length())) + text.substring(at);
            case 5 -> length < 2 ? text + text : swap(text, random.nextInt(length), random.nextInt(length));
            case 6 -> text.substring(0, at);
            case 7 -> flipCase(text.substring(0, at)) + text.substring(at);
            case 8 -> {
                int depth = 1 + random.nextInt(random.nextBoolean() ? 8 : 70);
                yield "(".repeat(depth) + text + ")".repeat(random.nextInt(4) == 0 ? depth - 1 : depth);
            }
            default -> text.substring(0, at) + (char) random.nextInt(0x80) + text.substring(at);
        };
    }

    private static String tricky(Random random, boolean allowKnown) {
        return allowKnown ? TrickyText.any(random).text() : TrickyText.ordinary(random);
    }

    private static String swap(String text, int i, int j) {
        char[] chars = text.toCharArray();
        char c = chars[i];
        chars[i] = chars[j];
        chars[j] = c;
        return new String(chars);
    }

    private static String flipCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(Character.isUpperCase(c) ? Character.toLowerCase((char) c)
                : Character.toUpperCase((char) c)));
        return out.toString();
    }
}
