package com.leadcast.admission;

import com.leadcast.tenant.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bucket4j token bucket per tenant, on this server: each request takes a token, and a tenant whose bucket is
 * empty is told how long until the next token (RFC 6585 §4: {@code 429} with {@code Retry-After}). A tenant's bucket
 * is made anew, full, when its limit changes.
 */
final class RequestRates {

    /** A tenant's bucket and the limit it was built for. */
    private record TenantBucket(RateLimit limit, Bucket bucket) {
    }

    private final Map<String, TenantBucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter clock;

    RequestRates(TimeMeter clock) {
        this.clock = clock;
    }

    /**
     * Takes one token from {@code tenantId}'s bucket under {@code limit}.
     *
     * @return empty when the request may run; otherwise how long until the bucket has a token again
     */
    Optional<Duration> take(String tenantId, RateLimit limit) {
        TenantBucket entry = buckets.compute(tenantId, (id, current) ->
                current != null && current.limit().equals(limit) ? current : new TenantBucket(limit, bucket(limit)));
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Forgets the bucket of a tenant that is gone. */
    void forget(String tenantId) {
        buckets.remove(tenantId);
    }

    private Bucket bucket(RateLimit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)))
                .withCustomTimePrecision(clock)
                .build();
    }
}
