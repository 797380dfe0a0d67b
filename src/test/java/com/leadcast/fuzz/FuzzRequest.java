package com.leadcast.fuzz;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One generated request, complete enough to repeat it by hand: method, path with query, headers and body bytes, and
 * the {@link Known} failure classes its input belongs to.
 *
 * @param index   its number in the run (with the seed, it names the request generated)
 * @param tenant  the tenant whose token it carries, or -1
 */
public record FuzzRequest(int index, int tenant, String method, String path, Map<String, String> headers, byte[] body,
                          Set<Known> known) {

    private static final int SHOWN = 600;

    public FuzzRequest {
        headers = new LinkedHashMap<>(headers);
        known = known.isEmpty() ? EnumSet.noneOf(Known.class) : EnumSet.copyOf(known);
    }

    /** The request for the server at {@code base}; headers the client may not send are left to it. */
    public HttpRequest toHttp(String base) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return builder.method(method, publisher).build();
    }

    /** Method, path, headers and body (truncated, non-ASCII and control characters escaped) as a reproducer. */
    public String describe() {
        StringBuilder text = new StringBuilder("#" + index + " " + method + " " + truncated(path));
        headers.forEach((name, value) -> text.append("\n    ").append(name).append(": ")
                .append(name.equalsIgnoreCase("Authorization") ? value.replaceAll("lcs_[\\w-]+", "lcs_<token of tenant "
                        + tenant + ">") : value));
        if (body != null) {
            text.append("\n    body (").append(body.length).append(" bytes): ")
                    .append(truncated(new String(body, StandardCharsets.UTF_8)));
        }
        if (!known.isEmpty()) {
            text.append("\n    known classes: ").append(known);
        }
        return text.toString();
    }

    private static String truncated(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(SHOWN).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c > 0x7e && c < 0xa0) || (c >= 0xd800 && c <= 0xdfff) || c == 0x130
                    || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        int length = text.codePointCount(0, text.length());
        return length > SHOWN ? out + "...(" + length + " characters)" : out.toString();
    }
}
