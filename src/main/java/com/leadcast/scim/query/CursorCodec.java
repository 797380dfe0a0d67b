package com.leadcast.scim.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cursors of RFC 9865 as self-contained, tamper-proof strings: {@code payload.signature}, both base64url without
 * padding (only characters of RFC 3986's unreserved set, as §2 requires). The payload is a small JSON object naming
 * the {@link CursorScope} (tenant, resource type, query fingerprint), the {@link CursorPosition} (or, for a query
 * over several resource types, the {@link MergedPosition}) and when the cursor was issued; the signature is its
 * HMAC-SHA256 under the secret every server of the service shares (see {@code com.leadcast.cursors}). Nothing is
 * stored per cursor.
 *
 * <p>A cursor that does not parse, whose signature does not match, or that was issued for another scope is refused
 * with {@code 400 invalidCursor}; one older than {@link #timeout()} with {@code 400 expiredCursor} (RFC 9865 §2.2).
 * All scope mismatches share one detail, so that a cursor reveals nothing about the tenant or query it came from.
 */
public final class CursorCodec {

    /** How long a cursor stays valid unless configured ({@code cursorTimeout} of the ServiceProviderConfig). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final int VERSION = 1;
    /** Cursors issued by a server whose clock is a little ahead are still accepted. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final byte[] secret;
    private final Duration timeout;
    private final Clock clock;

    public CursorCodec(byte[] secret, Duration timeout, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("An HMAC-SHA256 secret needs at least 32 bytes");
        }
        this.secret = secret.clone();
        this.timeout = timeout;
        this.clock = clock;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The cursor string of {@code position} within {@code scope}, issued now. */
    public String encode(CursorScope scope, CursorPosition position) {
        ObjectNode payload = payload(scope);
        payload.put("b", position.backward());
        payload.put("i", position.inclusive());
        writeKey(payload.putArray("k"), position);
        return sealed(payload);
    }

    /**
     * The cursor string of a position in a merged order of several resource types ({@link MergedPosition}) within
     * {@code scope}, issued now.
     */
    public String encode(CursorScope scope, MergedPosition position) {
        ObjectNode payload = payload(scope);
        payload.put("b", position.backward());
        ArrayNode cuts = payload.putArray("m");
        for (CursorPosition cut : position.cuts()) {
            if (cut == null) {
                cuts.addNull();
            } else {
                ObjectNode node = cuts.addObject().put("i", cut.inclusive());
                writeKey(node.putArray("k"), cut);
            }
        }
        return sealed(payload);
    }

    /**
     * The position of a cursor issued for {@code scope}; {@code null} for the empty cursor, which asks for the first
     * page.
     *
     * @throws ScimException {@code 400 invalidCursor} or {@code 400 expiredCursor}
     */
    public CursorPosition decode(String cursor, CursorScope scope) {
        JsonNode payload = open(cursor, scope);
        if (payload == null) {
            return null;
        }
        if (!payload.path("k").isArray()) {
            throw invalid("The cursor is not one this server issued");
        }
        return new CursorPosition(payload.path("b").asBoolean(), payload.path("i").asBoolean(), readKey(payload));
    }

    /**
     * The position in a merged order of {@code types} resource types of a cursor issued for {@code scope};
     * {@code null} for the empty cursor.
     *
     * @throws ScimException {@code 400 invalidCursor} or {@code 400 expiredCursor}
     */
    public MergedPosition decodeMerged(String cursor, CursorScope scope, int types) {
        JsonNode payload = open(cursor, scope);
        if (payload == null) {
            return null;
        }
        JsonNode cuts = payload.path("m");
        if (!cuts.isArray() || cuts.size() != types) {
            throw invalid("The cursor is not one this server issued");
        }
        List<CursorPosition> positions = new ArrayList<>();
        for (JsonNode cut : cuts) {
            if (cut.isNull()) {
                positions.add(null);
            } else if (cut.isObject() && cut.path("k").isArray()) {
                positions.add(new CursorPosition(false, cut.path("i").asBoolean(), readKey(cut)));
            } else {
                throw invalid("The cursor is not one this server issued");
            }
        }
        return new MergedPosition(payload.path("b").asBoolean(), positions);
    }

    private static ObjectNode payload(CursorScope scope) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("v", VERSION);
        payload.put("t", scope.tenantId());
        payload.put("r", scope.resourceType());
        payload.put("q", scope.queryFingerprint());
        return payload;
    }

    private static void writeKey(ArrayNode key, CursorPosition position) {
        position.key().forEach(value -> KeyValues.write(key, value));
    }

    private static List<Object> readKey(JsonNode holder) {
        List<Object> key = new ArrayList<>();
        holder.path("k").forEach(value -> key.add(KeyValues.read(value)));
        return key;
    }

    /** {@code payload}, stamped with the time of issue, signed and encoded. */
    private String sealed(ObjectNode payload) {
        payload.put("at", clock.instant().getEpochSecond());
        String body = ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(sign(body));
    }

    /** The payload of a cursor issued for {@code scope} and not expired; {@code null} for the empty cursor. */
    private JsonNode open(String cursor, CursorScope scope) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (!SHAPE.matcher(cursor).matches()) {
            throw invalid("The cursor is not one this server issued");
        }
        String body = cursor.substring(0, cursor.indexOf('.'));
        if (!MessageDigest.isEqual(sign(body), signature(cursor.substring(cursor.indexOf('.') + 1)))) {
            throw invalid("The cursor is not one this server issued, or it was altered");
        }
        JsonNode payload = parse(body);
        if (payload.path("v").asInt() != VERSION
                || !scope.tenantId().equals(payload.path("t").asText())
                || !scope.resourceType().equals(payload.path("r").asText())
                || !scope.queryFingerprint().equals(payload.path("q").asText())) {
            throw invalid("The cursor belongs to another query: send the same filter, sortBy and sortOrder on the "
                    + "same endpoint as the request that returned it, or an empty cursor to start again");
        }
        Instant issued = Instant.ofEpochSecond(payload.path("at").asLong());
        Instant now = clock.instant();
        if (issued.isAfter(now.plus(CLOCK_SKEW))) {
            throw invalid("The cursor is not one this server issued");
        }
        if (issued.plus(timeout).isBefore(now)) {
            throw new ScimException(400, ScimType.EXPIRED_CURSOR, "The cursor has expired: request the next page "
                    + "within cursorTimeout (" + timeout.toSeconds() + " seconds), or start again with an empty cursor");
        }
        return payload;
    }

    private static byte[] signature(String text) {
        try {
            return DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            return new byte[0]; // never equal to a signature
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode payload = JSON.readTree(DECODER.decode(body));
            if (payload == null || !payload.isObject()) {
                throw invalid("The cursor is not one this server issued");
            }
            return payload;
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("The cursor is not one this server issued");
        }
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static ScimException invalid(String detail) {
        return new ScimException(400, ScimType.INVALID_CURSOR, detail + ". Send an empty cursor for the first "
                + "page and then the nextCursor or previousCursor of the previous response");
    }

    /** The typed values of a sort key as {@code [tag, text]} pairs, so that they come back with their Java type. */
    private static final class KeyValues {

        static void write(ArrayNode key, Object value) {
            ArrayNode pair = key.addArray();
            if (value == null) {
                pair.add("z");
            } else if (value instanceof String s) {
                pair.add("s").add(s);
            } else if (value instanceof Integer i) {
                pair.add("i").add(i);
            } else if (value instanceof Long l) {
                pair.add("l").add(l);
            } else if (value instanceof BigDecimal d) {
                pair.add("d").add(d.toString());
            } else if (value instanceof Boolean b) {
                pair.add("b").add(b);
            } else if (value instanceof Instant t) {
                pair.add("t").add(t.toString());
            } else {
                throw new IllegalArgumentException("A sort key cannot hold a " + value.getClass().getName());
            }
        }

        static Object read(JsonNode pair) {
            JsonNode value = pair.path(1);
            return switch (pair.path(0).asText()) {
                case "z" -> null;
                case "s" -> value.asText();
                case "i" -> value.asInt();
                case "l" -> value.asLong();
                case "d" -> new BigDecimal(value.asText());
                case "b" -> value.asBoolean();
                case "t" -> Instant.parse(value.asText());
                default -> throw invalid("The cursor is not one this server issued");
            };
        }
    }
}
