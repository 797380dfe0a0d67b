package com.leadcast.tenant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link RateLimit}: a token bucket's rate and burst, in range, the burst not below the rate. */
class RateLimitTest {

    @Test
    void theBoundsAreInclusive() {
        assertEquals(1, new RateLimit(1, 1).burst());
        assertEquals(100_000, new RateLimit(10_000, 100_000).burst());
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(10_001, 20_000));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(10, 9));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(10, 100_001));
    }

    @Test
    void itDescribesItselfAsRefusalsNameIt() {
        assertEquals("25 requests per second (burst 50)", new RateLimit(25, 50).describe());
    }
}
