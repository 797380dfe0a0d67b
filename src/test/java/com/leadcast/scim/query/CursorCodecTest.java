package com.leadcast.scim.query;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CursorCodec}: self-contained, signed RFC 9865 cursors and their refusals. */
class CursorCodecTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant ISSUED = Instant.parse("2026-11-20T10:00:00Z");
    private static final CursorScope SCOPE = new CursorScope("tenant-a", "User", "fp-1");
    private static final CursorPosition POSITION = CursorPosition.after(Arrays.asList(0, "alice@example.com",
            Instant.parse("2026-11-20T09:59:58.123456Z"), "5d6a1c7e-0000-4000-8000-000000000001"));

    private static CursorCodec codecAt(Instant now) {
        return new CursorCodec(SECRET, Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static final CursorCodec CODEC = codecAt(ISSUED);

    private static void assertRefused(ScimType scimType, Runnable decode) {
        ScimException e = assertThrows(ScimException.class, decode::run);
        assertEquals(400, e.status());
        assertEquals(scimType, e.scimType());
    }

    @Test
    void roundTripKeepsPositionAndValueTypes() {
        CursorPosition position = new CursorPosition(true, true, Arrays.asList(1, null, 7L, new BigDecimal("3.50"),
                Boolean.TRUE, Instant.parse("2026-01-02T03:04:05.000000001Z"), "id"));
        String cursor = CODEC.encode(SCOPE, position);
        assertEquals(position, CODEC.decode(cursor, SCOPE));
        assertEquals(POSITION, CODEC.decode(CODEC.encode(SCOPE, POSITION), SCOPE));
    }

    @Test
    void mergedPositionsRoundTripWithTheirCutsAndDirection() {
        CursorScope root = new CursorScope("tenant-a", "User,Group", "fp-1");
        MergedPosition position = new MergedPosition(true, Arrays.asList(POSITION,
                new CursorPosition(false, true, List.of(Instant.parse("2026-11-20T09:00:00Z"), "g-1")), null));
        assertEquals(position, CODEC.decodeMerged(CODEC.encode(root, position), root, 3));
        assertNull(CODEC.decodeMerged("", root, 3));
    }

    @Test
    void mergedAndSingleTypeCursorsAreNotInterchangeable() {
        CursorScope root = new CursorScope("tenant-a", "User,Group", "fp-1");
        String merged = CODEC.encode(root, MergedPosition.start(2));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decodeMerged(merged, root, 3));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode(merged, SCOPE));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode(merged, root));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decodeMerged(CODEC.encode(SCOPE, POSITION), root, 2));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decodeMerged(CODEC.encode(root, POSITION), root, 2));
    }

    @Test
    void cursorsUseOnlyUnreservedCharacters() {
        assertTrue(CODEC.encode(SCOPE, POSITION).matches("[A-Za-z0-9._~-]+"));
    }

    @Test
    void emptyOrAbsentCursorAsksForTheFirstPage() {
        assertNull(CODEC.decode("", SCOPE));
        assertNull(CODEC.decode(null, SCOPE));
    }

    @Test
    void alteredCursorIsInvalid() {
        String cursor = CODEC.encode(SCOPE, POSITION);
        String body = cursor.substring(0, cursor.indexOf('.'));
        String payload = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("tenant-a", "tenant-b").getBytes(StandardCharsets.UTF_8));
        CursorScope other = new CursorScope("tenant-b", "User", "fp-1");
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode(forged + cursor.substring(cursor.indexOf('.')), other));
        char last = cursor.charAt(cursor.length() - 1);
        String flipped = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode(flipped, SCOPE));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode("abc", SCOPE));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode("a.b.c", SCOPE));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode(cursor.substring(0, cursor.length() - 1), SCOPE));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode("abc.a", SCOPE));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode("%%%.$$$", SCOPE));
    }

    @Test
    void cursorOfAnotherServerSecretIsInvalid() {
        CursorCodec other = new CursorCodec("another secret of thirty-two by!".getBytes(StandardCharsets.US_ASCII),
                Duration.ofMinutes(10), Clock.fixed(ISSUED, ZoneOffset.UTC));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode(other.encode(SCOPE, POSITION), SCOPE));
    }

    @Test
    void cursorOfAnotherTenantTypeOrQueryIsInvalid() {
        String cursor = CODEC.encode(SCOPE, POSITION);
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode(cursor, new CursorScope("tenant-b", "User", "fp-1")));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode(cursor, new CursorScope("tenant-a", "Group", "fp-1")));
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode(cursor, new CursorScope("tenant-a", "User", "fp-2")));
    }

    @Test
    void cursorExpiresAfterTheTimeout() {
        String cursor = CODEC.encode(SCOPE, POSITION);
        assertEquals(POSITION, codecAt(ISSUED.plus(Duration.ofMinutes(10))).decode(cursor, SCOPE));
        assertRefused(ScimType.EXPIRED_CURSOR,
                () -> codecAt(ISSUED.plus(Duration.ofMinutes(10)).plusSeconds(1)).decode(cursor, SCOPE));
    }

    @Test
    void cursorIssuedInTheFutureIsInvalid() {
        String cursor = codecAt(ISSUED.plus(Duration.ofHours(1))).encode(SCOPE, POSITION);
        assertRefused(ScimType.INVALID_CURSOR, () -> CODEC.decode(cursor, SCOPE));
    }

    @Test
    void fingerprintDependsOnFilterAndSortButNotOnPageSizeOrSpacing() {
        String base = ListQuery.of("userName sw \"a\"", null, 10, "userName", null, null, null, "").fingerprint();
        assertEquals(base, ListQuery.of("userName  sw  \"a\"", null, 50, "userName", "ascending", "id", null, "")
                .fingerprint());
        assertTrue(!base.equals(ListQuery.of("userName sw \"b\"", null, 10, "userName", null, null, null, "")
                .fingerprint()));
        assertTrue(!base.equals(ListQuery.of("userName sw \"a\"", null, 10, "userName", "descending", null, null, "")
                .fingerprint()));
        assertTrue(!base.equals(ListQuery.of("userName sw \"a\"", null, 10, "title", null, null, null, "")
                .fingerprint()));
    }

    @Test
    void cursorQueriesRefuseStartIndexAndCountsOutOfRange() {
        ScimException both = assertThrows(ScimException.class,
                () -> ListQuery.of(null, 1, 10, null, null, null, null, ""));
        assertEquals(ScimType.INVALID_VALUE, both.scimType());
        for (int count : List.of(0, -1, 1001)) {
            ScimException e = assertThrows(ScimException.class,
                    () -> ListQuery.of(null, null, count, null, null, null, null, ""));
            assertEquals(ScimType.INVALID_COUNT, e.scimType());
        }
        assertEquals(1000, ListQuery.of(null, null, 1000, null, null, null, null, "").count());
        assertEquals(ListQuery.DEFAULT_COUNT, ListQuery.of(null, null, null, null, null, null, null, "").count());
        assertEquals(1000, ListQuery.of(null, null, 5000, null, null, null, null, null).count());
    }
}
