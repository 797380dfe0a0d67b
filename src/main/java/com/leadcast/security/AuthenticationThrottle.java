package com.leadcast.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A budget of failed authentications per client address, a Bucket4j token bucket: {@value #BURST} failures at once,
 * regained at {@value #PER_SECOND} a second. Only refused tokens spend it, so a valid token from the same address is
 * always served. Addresses whose budget is whole again are forgotten once more than {@value #MAX_ADDRESSES} are
 * known, so a flood from many addresses cannot grow the table without bound.
 */
final class AuthenticationThrottle {

    static final int BURST = 50;
    static final int PER_SECOND = 10;
    static final int MAX_ADDRESSES = 10_000;

    private final Map<String, Bucket> budgets = new ConcurrentHashMap<>();
    private final TimeMeter clock;

    AuthenticationThrottle(TimeMeter clock) {
        this.clock = clock;
    }

    /**
     * Spends one failure of {@code address}'s budget.
     *
     * @return empty while the budget lasted; otherwise how long until it allows a failure again
     */
    Optional<Duration> failed(String address) {
        if (budgets.size() > MAX_ADDRESSES) {
            forgetRecovered();
        }
        ConsumptionProbe probe = budgets.computeIfAbsent(address, a -> budget()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private void forgetRecovered() {
        budgets.values().removeIf(bucket -> bucket.getAvailableTokens() >= BURST);
        if (budgets.size() > MAX_ADDRESSES) {
            budgets.clear(); // more live attackers than the table holds: each starts again from a full budget
        }
    }

    private Bucket budget() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(BURST).refillGreedy(PER_SECOND, Duration.ofSeconds(1)))
                .withCustomTimePrecision(clock)
                .build();
    }

    int addresses() {
        return budgets.size();
    }
}
