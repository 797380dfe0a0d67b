package com.leadcast.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcast.security.KnownTokens.KnownToken;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KnownTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static KnownToken token(Instant expiresAt, Instant revokedAt, Instant lastUse) {
        return new KnownToken("t1", "tenant", expiresAt, revokedAt, new AtomicReference<>(lastUse));
    }

    @Test
    void aUseIsRecordedAtMostOnceAMinute() {
        KnownToken token = token(null, null, null);
        assertTrue(token.claimUseRecord(T0), "never used: record");
        assertFalse(token.claimUseRecord(T0.plusSeconds(30)));
        assertFalse(token.claimUseRecord(T0.plusSeconds(60)));
        assertTrue(token.claimUseRecord(T0.plusSeconds(61)), "over a minute later: record again");
        assertFalse(token.claimUseRecord(T0.plusSeconds(62)));
        assertTrue(token(null, null, T0.minusSeconds(3600)).claimUseRecord(T0), "stored use an hour ago");
    }

    @Test
    void expiryIsJudgedAtEachUseAndRevocationAsRead() {
        KnownToken expiring = token(T0.plusSeconds(10), null, null);
        assertNull(expiring.unusableReason(T0));
        assertEquals("The token expired at " + T0.plusSeconds(10), expiring.unusableReason(T0.plusSeconds(10)));
        assertEquals("The token was revoked", token(null, T0, null).unusableReason(T0.plusSeconds(1)));
    }
}
