package com.leadcast.observability;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * The access log: one line per request, written when it ends, to the logger {@value #LOGGER} (INFO), e.g.
 *
 * <pre>
 * start=2026-12-08T09:14:03.512Z requestId=5f1c0a9e2b7d4c31a8e6f042 tenant=0b6e… credential=token:9d2f… method=GET
 * path=/scim/v2/Users?filter&amp;count status=200 durationMs=3.4 bytes=912
 * </pre>
 *
 * <p>Of the query it keeps the parameter names, never their values: a filter carries user names and e-mail
 * addresses. Nothing of the request's headers or body is written, so no token either. Every part is printable ASCII
 * without spaces (anything else is percent-encoded), so one request is one line and its fields split on spaces.
 */
final class AccessLog {

    static final String LOGGER = "com.leadcast.access";

    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final int MAX_PATH = 512;

    /** What the access log says of one ended request. */
    record Entry(Instant start, String requestId, String tenantId, String credential, String method, String path,
                 String query, int status, long durationNanos, long bytes) {
    }

    private AccessLog() {
    }

    static void write(Entry entry) {
        if (LOG.isLoggable(java.util.logging.Level.INFO)) {
            LOG.info(line(entry));
        }
    }

    static String line(Entry e) {
        return "start=" + e.start()
                + " requestId=" + e.requestId()
                + " tenant=" + orDash(e.tenantId())
                + " credential=" + orDash(e.credential())
                + " method=" + printable(e.method(), 32)
                + " path=" + printable(e.path(), MAX_PATH) + parameterNames(e.query())
                + " status=" + e.status()
                + " durationMs=" + milliseconds(e.durationNanos())
                + " bytes=" + e.bytes();
    }

    /** Nanoseconds as milliseconds with one decimal, rounded half up ({@code 3449000} is {@code 3.4}). */
    static String milliseconds(long nanos) {
        long tenths = (Math.max(0, nanos) + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }

    /** {@code ?a&b} for a query {@code a=1&b=2}: the names in their order, without values; empty without a query. */
    static String parameterNames(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder names = new StringBuilder();
        for (String parameter : query.split("&", 64)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (!name.isEmpty()) {
                names.append(names.isEmpty() ? '?' : '&').append(printable(name, 64));
            }
        }
        return names.toString();
    }

    private static String orDash(String value) {
        return value == null ? "-" : printable(value, 128);
    }

    private static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} cut to {@code max} characters, every character outside {@code !..~} percent-encoded. */
    static String printable(String text, int max) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        if (text.length() <= max && isPrintable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= max) {
                return out.append("...").toString();
            }
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", c & 0xff));
            }
        }
        return out.toString();
    }
}
