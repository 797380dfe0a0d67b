package com.leadcast.observability;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * This server's count of each tenant's requests and errors (answers of status 400 or above) per hour, in memory until
 * {@link ActivityFlusher} adds it to the database. A request costs a map look-up and two adders; nothing is written
 * per request. The counts of one server are its own rows in the database ({@link #serverId()}).
 */
@ApplicationScoped
public class ActivityCounters {

    private static final long HOUR_SECONDS = 3600;

    /** One tenant's counts in one hour. */
    private static final class Counts {
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAccumulator lastRequestMillis = new LongAccumulator(Math::max, 0);
    }

    /** A tenant's hour. */
    record Key(String tenantId, long hourStartSecond) {
        Instant hourStart() {
            return Instant.ofEpochSecond(hourStartSecond);
        }
    }

    /** What a tenant did in an hour, counted here and not yet in the database. */
    record Bucket(Key key, long requests, long errors, Instant lastRequestAt) {
    }

    private final String serverId = UUID.randomUUID().toString();
    private final Map<Key, Counts> counts = new ConcurrentHashMap<>();

    /** This server process's id in the database's activity rows. */
    String serverId() {
        return serverId;
    }

    /** Counts one request of {@code tenantId} answered with {@code status} at {@code epochMillis}. */
    void count(String tenantId, int status, long epochMillis) {
        Counts hour = counts.computeIfAbsent(new Key(tenantId, hourStart(epochMillis)), key -> new Counts());
        hour.requests.increment();
        if (status >= 400) {
            hour.errors.increment();
        }
        hour.lastRequestMillis.accumulate(epochMillis);
    }

    static long hourStart(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        return second - Math.floorMod(second, HOUR_SECONDS);
    }

    /**
     * Takes the counts made since the last drain, leaving zero behind; an hour that ended over an hour ago and
     * counted nothing since is forgotten. A request counted while this runs is in this drain or the next, never lost nor counted twice.
     */
    List<Bucket> drain(long nowMillis) {
        long currentHour = hourStart(nowMillis);
        List<Bucket> buckets = new ArrayList<>();
        counts.forEach((key, hour) -> {
            long requests = hour.requests.sumThenReset();
            long errors = hour.errors.sumThenReset();
            if (requests > 0 || errors > 0) {
                buckets.add(new Bucket(key, requests, errors, Instant.ofEpochMilli(hour.lastRequestMillis.get())));
            } else if (key.hourStartSecond() < currentHour - HOUR_SECONDS) {
                // two hours old: no request in flight still counts into it
                counts.remove(key, hour);
            }
        });
        return buckets;
    }

    /** Gives back counts that could not be written, to be tried with the next drain. */
    void restore(List<Bucket> buckets) {
        for (Bucket bucket : buckets) {
            Counts hour = counts.computeIfAbsent(bucket.key(), key -> new Counts());
            hour.requests.add(bucket.requests());
            hour.errors.add(bucket.errors());
            hour.lastRequestMillis.accumulate(bucket.lastRequestAt().toEpochMilli());
        }
    }

    /** The counts of {@code tenantId} made on this server and not yet drained, by hour. */
    List<Bucket> pending(String tenantId) {
        List<Bucket> buckets = new ArrayList<>();
        counts.forEach((key, hour) -> {
            if (key.tenantId().equals(tenantId)) {
                long requests = hour.requests.sum();
                if (requests > 0) {
                    buckets.add(new Bucket(key, requests, hour.errors.sum(),
                            Instant.ofEpochMilli(hour.lastRequestMillis.get())));
                }
            }
        });
        return buckets;
    }
}
