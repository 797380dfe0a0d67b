package com.leadcast.observability;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link DurationBuckets}: one increment per request, cumulative counts with Prometheus' {@code le} labels. */
class DurationBucketsTest {

    @Test
    void eachRequestCountsInEveryBucketAtOrAboveItsDuration() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DurationBuckets buckets = new DurationBuckets(registry, Tags.of("method", "GET", "resource", "Users"));
        buckets.record(3_000_000);       // 3 ms
        buckets.record(5_000_000);       // exactly 5 ms: le="0.005"
        buckets.record(40_000_000);      // 40 ms
        buckets.record(30_000_000_000L); // 30 s
        assertEquals(2, count(registry, "0.005"));
        assertEquals(2, count(registry, "0.025"));
        assertEquals(3, count(registry, "0.05"));
        assertEquals(3, count(registry, "10.0"));
        assertEquals(4, count(registry, "+Inf"));
        assertEquals(DurationBuckets.BOUNDS.length, registry.find("leadcast.scim.request.duration.buckets")
                .functionCounters().size());
    }

    @Test
    void removedCountersLeaveTheRegistryForTheNextDeploymentsOwn() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DurationBuckets old = new DurationBuckets(registry, Tags.of("method", "GET", "resource", "Users"));
        old.record(1_000_000);
        old.remove(registry);
        assertEquals(0, registry.find("leadcast.scim.request.duration.buckets").functionCounters().size());
        DurationBuckets next = new DurationBuckets(registry, Tags.of("method", "GET", "resource", "Users"));
        next.record(1_000_000);
        next.record(2_000_000);
        assertEquals(2, count(registry, "+Inf"), "the new deployment's counts, not the old one's");
    }

    private static double count(SimpleMeterRegistry registry, String le) {
        return registry.get("leadcast.scim.request.duration.buckets").tag("le", le).functionCounter().count();
    }
}
