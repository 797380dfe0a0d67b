package com.leadcast.observability;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's requests and errors over the last 24 hours, hour by hour, as every server of a cluster counted them:
 * the database's rows (each server's counts up to its last flush, at most {@value ActivityFlusher#FLUSH_SECONDS} s
 * old) plus what this server counted since.
 */
@ApplicationScoped
public class TenantActivity {

    /** Hours in the series: the current one and the 23 before it. */
    static final int HOURS = 24;

    /** One hour of the series. */
    public record Hour(Instant start, long requests, long errors) {
    }

    /**
     * The activity of a tenant.
     *
     * @param lastRequestAt when its last request was answered, if it made one in the last day
     * @param requests      its requests in the hours of the series
     * @param errors        those answered with a status of 400 or above
     * @param hours         the series, oldest hour first, {@value #HOURS} hours ending with the current one
     */
    public record Report(Optional<Instant> lastRequestAt, long requests, long errors, List<Hour> hours) {
    }

    @Inject
    ActivityCounters counters;

    @Inject
    ActivityStore store;

    /** The report of {@code tenantId} at {@code now}. */
    public Report of(String tenantId, Instant now) {
        long currentHour = ActivityCounters.hourStart(now.toEpochMilli());
        long firstHour = currentHour - (HOURS - 1) * 3600L;
        List<ActivityCounters.Bucket> buckets = new ArrayList<>(counters.pending(tenantId));
        for (TenantActivityHour row : store.hours(tenantId, Instant.ofEpochSecond(firstHour))) {
            buckets.add(new ActivityCounters.Bucket(new ActivityCounters.Key(tenantId,
                    row.hourStart().getEpochSecond()), row.requests(), row.errors(), row.lastRequestAt()));
        }
        return report(buckets, firstHour);
    }

    /** The report of {@code buckets} (of one tenant, any servers, any order) for the hours from {@code firstHour}. */
    static Report report(List<ActivityCounters.Bucket> buckets, long firstHour) {
        long[] requests = new long[HOURS];
        long[] errors = new long[HOURS];
        Instant last = null;
        for (ActivityCounters.Bucket bucket : buckets) {
            int index = (int) ((bucket.key().hourStartSecond() - firstHour) / 3600);
            if (index < 0 || index >= HOURS) {
                continue;
            }
            requests[index] += bucket.requests();
            errors[index] += bucket.errors();
            if (last == null || bucket.lastRequestAt().isAfter(last)) {
                last = bucket.lastRequestAt();
            }
        }
        List<Hour> hours = new ArrayList<>(HOURS);
        long totalRequests = 0;
        long totalErrors = 0;
        for (int i = 0; i < HOURS; i++) {
            hours.add(new Hour(Instant.ofEpochSecond(firstHour + i * 3600L), requests[i], errors[i]));
            totalRequests += requests[i];
            totalErrors += errors[i];
        }
        return new Report(Optional.ofNullable(last), totalRequests, totalErrors, hours);
    }
}
