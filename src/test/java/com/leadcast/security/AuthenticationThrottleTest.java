package com.leadcast.security;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link AuthenticationThrottle}: the budget of refused tokens per client address. */
class AuthenticationThrottleTest {

    private long nanos;
    private final AuthenticationThrottle throttle = new AuthenticationThrottle(new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    });

    private long allowed(String address, int failures) {
        return IntStream.range(0, failures).filter(i -> throttle.failed(address).isEmpty()).count();
    }

    @Test
    void fiftyFailuresPassThenTheAddressWaitsATenthOfASecondPerFailure() {
        assertEquals(50, allowed("192.0.2.1", 50));
        assertEquals(Optional.of(Duration.ofMillis(100)), throttle.failed("192.0.2.1"));
        nanos += Duration.ofSeconds(1).toNanos();
        assertEquals(10, allowed("192.0.2.1", 20));
    }

    @Test
    void eachAddressHasItsOwnBudget() {
        allowed("192.0.2.1", 60);
        assertEquals(50, allowed("192.0.2.2", 50));
    }

    @Test
    void recoveredAddressesAreForgottenWhenTheTableIsFull() {
        IntStream.rangeClosed(0, AuthenticationThrottle.MAX_ADDRESSES).forEach(i -> throttle.failed("a" + i));
        allowed("attacker", 60);
        nanos += Duration.ofSeconds(1).toNanos(); // the one-failure addresses are whole again, the attacker is not
        throttle.failed("newcomer");
        assertEquals(2, throttle.addresses(), "the recovered addresses are gone, the attacker and newcomer stay");
        assertTrue(throttle.failed("attacker").isEmpty());
    }
}
