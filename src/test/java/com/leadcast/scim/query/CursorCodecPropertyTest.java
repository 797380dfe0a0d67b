package com.leadcast.scim.query;

import com.leadcast.fuzz.FuzzSeed;
import com.leadcast.fuzz.Mutator;
import com.leadcast.fuzz.TrickyText;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Properties of {@link CursorCodec} (RFC 9865): every position comes back from its cursor exactly, with the Java types
 * of its key; any other text — a cursor changed in any way, or arbitrary text — is refused with {@code 400
 * invalidCursor}, never decoded into some position and never failing otherwise.
 */
@AddLifecycleHook(FuzzSeed.class)
class CursorCodecPropertyTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final CursorCodec CODEC = new CursorCodec(SECRET, Duration.ofMinutes(10),
            Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
    private static final CursorScope SCOPE = new CursorScope("tenant-a", "User", "fp-1");

    @Provide
    Arbitrary<CursorPosition> positions() {
        return Arbitraries.randomValue(CursorCodecPropertyTest::position);
    }

    @Provide
    Arbitrary<String> notIssued() {
        Arbitrary<String> mutated = Arbitraries.randomValue(random -> {
            String issued = CODEC.encode(SCOPE, position(random));
            String cursor = Mutator.mutate(random, issued, true);
            return cursor.equals(issued) ? issued.substring(1) : cursor;
        });
        Arbitrary<String> tricky = Arbitraries.randomValue(random -> TrickyText.any(random).text());
        return Arbitraries.oneOf(mutated, mutated, tricky, Arbitraries.strings().withChars("AZaz09-_.=+/").ofMaxLength(80));
    }

    @Property(tries = 1000)
    void everyPositionComesBackFromItsCursor(@ForAll("positions") CursorPosition position) {
        assertEquals(position, CODEC.decode(CODEC.encode(SCOPE, position), SCOPE));
    }

    @Property(tries = 1000)
    void mergedPositionsComeBackToo(@ForAll("positions") CursorPosition first, @ForAll("positions") CursorPosition second) {
        CursorScope root = new CursorScope("tenant-a", "User,Group", "fp-1");
        List<CursorPosition> cuts = new ArrayList<>();
        cuts.add(first.backward() ? null : first);
        cuts.add(new CursorPosition(false, second.inclusive(), second.key()));
        MergedPosition position = new MergedPosition(second.backward(), cuts);
        assertEquals(position, CODEC.decodeMerged(CODEC.encode(root, position), root, 2));
    }

    @Property(tries = 3000)
    void anythingElseIsAnInvalidCursor(@ForAll("notIssued") String cursor) {
        Assume.that(!cursor.isEmpty());
        try {
            CODEC.decode(cursor, SCOPE);
            fail("decoded a cursor this codec did not issue: " + cursor);
        } catch (ScimException e) {
            assertEquals(400, e.status());
            assertEquals(ScimType.INVALID_CURSOR, e.scimType(), e.detail());
        }
    }

    @Property(tries = 500)
    void aCursorOfAnotherScopeIsRefused(@ForAll("positions") CursorPosition position) {
        String cursor = CODEC.encode(new CursorScope("tenant-b", "User", "fp-1"), position);
        try {
            CODEC.decode(cursor, SCOPE);
            fail("accepted another tenant's cursor");
        } catch (ScimException e) {
            assertTrue(e.scimType() == ScimType.INVALID_CURSOR);
        }
    }

    /**
     * Tricky text as a database returns it: never a lone surrogate, which no database stores (PostgreSQL refuses it,
     * H2 stores '?'), and which UTF-8 — the payload's encoding — cannot carry.
     */
    private static String keyText(Random random) {
        TrickyText.Piece piece;
        do {
            piece = TrickyText.any(random);
        } while (piece.kind() == TrickyText.Kind.LONE_SURROGATE);
        return piece.text();
    }

    /** A sort key of the value types the store uses, tricky strings among them. */
    private static CursorPosition position(Random random) {
        List<Object> key = new ArrayList<>();
        int size = 1 + random.nextInt(5);
        for (int i = 0; i < size; i++) {
            key.add(switch (random.nextInt(8)) {
                case 0 -> null;
                case 1 -> random.nextInt();
                case 2 -> random.nextLong();
                case 3 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(40) - 20);
                case 4 -> random.nextBoolean();
                case 5 -> Instant.ofEpochSecond(random.nextInt() & 0xFFFFFFFFL, random.nextInt(1_000_000_000));
                default -> keyText(random);
            });
        }
        return new CursorPosition(random.nextBoolean(), random.nextBoolean(), key);
    }
}
