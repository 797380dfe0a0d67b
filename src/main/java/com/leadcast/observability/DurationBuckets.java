package com.leadcast.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The request durations of one method and resource as the buckets of a Prometheus histogram:
 * {@code leadcast_scim_request_duration_buckets_total{le="0.05",...}} counts the requests that took at most 50 ms
 * (cumulative, {@code le="+Inf"} all of them), so that {@code histogram_quantile(0.99, rate(..._total[5m]))} gives
 * the p99. WildFly's registry for deployments registers meters by name and labels only, so a timer cannot be given
 * buckets ({@code publishPercentileHistogram} never reaches the Prometheus registry); these are counters of
 * Micrometer's that read, when scraped, the sums of one adder per bucket. A request costs one increment.
 */
final class DurationBuckets {

    /** The upper bounds of the buckets, in seconds: 5 ms to 10 s, and the one without a bound. */
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, Double.POSITIVE_INFINITY};

    private final LongAdder[] counts = new LongAdder[BOUNDS.length];
    private final List<Meter> meters = new ArrayList<>(BOUNDS.length);

    DurationBuckets(MeterRegistry registry, Tags tags) {
        for (int i = 0; i < BOUNDS.length; i++) {
            counts[i] = new LongAdder();
            int upTo = i;
            meters.add(registry.more().counter("leadcast.scim.request.duration.buckets",
                    tags.and(Tag.of("le", label(BOUNDS[i]))), this, buckets -> buckets.cumulative(upTo)));
        }
    }

    /**
     * Takes the counters out of {@code registry}, when the application stops: they read this object, and the
     * registry outlives a deployment, whose successor registers its own (a counter reset, to Prometheus).
     */
    void remove(MeterRegistry registry) {
        meters.forEach(registry::remove);
    }

    void record(long durationNanos) {
        double seconds = durationNanos / 1e9;
        int bucket = 0;
        while (seconds > BOUNDS[bucket]) {
            bucket++;
        }
        counts[bucket].increment();
    }

    /** The requests that took at most {@code BOUNDS[upTo]}. */
    double cumulative(int upTo) {
        long sum = 0;
        for (int i = 0; i <= upTo; i++) {
            sum += counts[i].sum();
        }
        return sum;
    }

    static String label(double bound) {
        return bound == Double.POSITIVE_INFINITY ? "+Inf" : String.valueOf(bound);
    }
}
