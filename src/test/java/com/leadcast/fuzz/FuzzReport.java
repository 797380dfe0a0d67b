package com.leadcast.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The figures of a fuzz run and its failures, collected from all clients. */
public final class FuzzReport {

    /** How many failing requests are printed in full; the rest are counted. */
    private static final int LISTED = 60;

    /** A failing request and what was wrong with its answer. */
    public record Failure(FuzzRequest request, String problem) {
    }

    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<Known, AtomicInteger> knownFailures = new EnumMap<>(Known.class);

    public synchronized void answered(int status, long millis) {
        statuses.merge(status, 1, Integer::sum);
        latencies.add(millis);
    }

    public synchronized void failed(FuzzRequest request, String problem) {
        failures.add(new Failure(request, problem));
        request.known().forEach(k -> knownFailures.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet());
    }

    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    public synchronized int requests() {
        return latencies.size();
    }

    /** The {@code [fuzz]} summary line. */
    public synchronized String summary(String database, long seed, int clients, double seconds, boolean skipKnown) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long unknown = failures.stream().filter(f -> f.request().known().isEmpty()).count();
        return String.format("[fuzz] database=%s seed=%d requests=%d clients=%d seconds=%.1f requests/s=%.0f "
                        + "statuses=%s p50=%dms p99=%dms max=%dms 5xx=%d failures=%d (outside the known classes: %d; "
                        + "in known classes: %s) skipKnown=%s",
                database, seed, sorted.size(), clients, seconds, sorted.size() / seconds, statuses,
                percentile(sorted, 50), percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum(),
                failures.size(), unknown, knownFailures, skipKnown);
    }

    /** Every failure, those outside the known classes first, at most {@value #LISTED} in full. */
    public synchronized String failureList() {
        List<Failure> ordered = new ArrayList<>(failures);
        ordered.sort((a, b) -> Boolean.compare(!a.request().known().isEmpty(), !b.request().known().isEmpty()));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(LISTED, ordered.size()); i++) {
            Failure failure = ordered.get(i);
            text.append("\n[fuzz] FAILED ").append(failure.problem()).append("\n  ")
                    .append(failure.request().describe());
        }
        if (ordered.size() > LISTED) {
            text.append("\n[fuzz] ... and ").append(ordered.size() - LISTED).append(" more failures");
        }
        return text.toString();
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
