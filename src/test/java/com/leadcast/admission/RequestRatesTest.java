package com.leadcast.admission;

import com.leadcast.tenant.RateLimit;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RequestRates}: per-tenant token buckets on a clock the test moves. */
class RequestRatesTest {

    /** A clock that stands still until the test moves it. */
    static final class ManualClock implements TimeMeter {
        private long nanos;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final RequestRates rates = new RequestRates(clock);
    private final RateLimit fivePerSecond = new RateLimit(5, 10);

    private long admitted(String tenant, RateLimit limit, int requests) {
        return IntStream.range(0, requests).filter(i -> rates.take(tenant, limit).isEmpty()).count();
    }

    @Test
    void aTenantMaySendItsBurstAtOnceThenItsRate() {
        assertEquals(10, admitted("a", fivePerSecond, 15));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(5, admitted("a", fivePerSecond, 15));
    }

    @Test
    void beyondTheLimitTheWaitIsTheTimeToTheNextToken() {
        admitted("a", fivePerSecond, 10);
        Optional<Duration> wait = rates.take("a", fivePerSecond);
        assertEquals(Optional.of(Duration.ofMillis(200)), wait);
        clock.advance(Duration.ofMillis(200));
        assertTrue(rates.take("a", fivePerSecond).isEmpty());
    }

    @Test
    void eachTenantHasItsOwnBucket() {
        assertEquals(10, admitted("a", fivePerSecond, 20));
        assertEquals(10, admitted("b", fivePerSecond, 20));
    }

    @Test
    void aChangedLimitStartsAFullBucketOfTheNewSize() {
        admitted("a", fivePerSecond, 10);
        RateLimit more = new RateLimit(50, 100);
        assertEquals(100, admitted("a", more, 150));
    }

    @Test
    void aForgottenTenantStartsAgainFull() {
        admitted("a", fivePerSecond, 10);
        rates.forget("a");
        assertEquals(10, admitted("a", fivePerSecond, 20));
    }
}
