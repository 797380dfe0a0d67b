package com.leadcast.observability;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request ids: a client's own {@code X-Request-Id} is kept when it is 1 to {@value #MAX_LENGTH} characters of
 * {@code [A-Za-z0-9._:-]} (safe in a log line, a header and a SCIM error's detail as it is); anything else, and a
 * missing one, is replaced by a new id of ours. An id only correlates log lines and answers, it grants nothing, so
 * it comes from a fast per-thread generator, not a secure one (whose shared lock showed under load).
 */
public final class RequestIds {

    /** The header that carries the id, in both directions. */
    public static final String HEADER = "X-Request-Id";

    static final int MAX_LENGTH = 128;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private RequestIds() {
    }

    /** The id of a request whose client sent {@code sent} (null when it sent none). */
    public static String of(String sent) {
        return sent != null && USABLE.matcher(sent).matches() ? sent : generate();
    }

    /** A new id: 24 lower-case hex digits (96 random bits). */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[24];
        hex(random.nextLong(), id, 0, 16);
        hex(random.nextInt(), id, 16, 8);
        return new String(id);
    }

    private static void hex(long bits, char[] into, int from, int digits) {
        for (int i = from + digits - 1; i >= from; i--, bits >>>= 4) {
            into[i] = HEX[(int) (bits & 0xf)];
        }
    }
}
