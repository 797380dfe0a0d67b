package com.leadcast.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The latencies of one measured call, sorted once so that every percentile is read from the same sample. A
 * percentile is the nearest-rank value (the smallest latency at or above that share of the requests), so p99 of 100
 * requests is the second-slowest, never an interpolation between two requests that did not happen.
 */
final class Latencies {

    private final List<Long> sortedNanos;

    private Latencies(List<Long> sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    /** The latencies of {@code nanos}, in nanoseconds as {@link System#nanoTime()} measures them. */
    static Latencies of(Collection<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Latencies(sorted);
    }

    /** The latencies of several calls taken together, as one sample. */
    static Latencies merged(Collection<Latencies> parts) {
        List<Long> all = new ArrayList<>();
        parts.forEach(part -> all.addAll(part.sortedNanos));
        return of(all);
    }

    int count() {
        return sortedNanos.size();
    }

    /** The {@code quantile} (0.5 for the median, 1.0 for the slowest) in milliseconds; 0 when nothing was measured. */
    double ms(double quantile) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(quantile * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    /** "p50 1.23 p95 ... max ..." in milliseconds, for a {@code [benchmark]} line. */
    String describe() {
        return String.format("p50 %.2f p95 %.2f p99 %.2f max %.2f ms", ms(0.50), ms(0.95), ms(0.99), ms(1.0));
    }
}
