package com.leadcast.observability;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ActivityCounters} and {@link TenantActivity#report}: counting per tenant and hour, draining, the series. */
class TenantActivityTest {

    private static final long T = Instant.parse("2026-12-08T10:15:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000;

    @Test
    void requestsAreCountedPerTenantAndHourAndErrorsFrom400() {
        ActivityCounters counters = new ActivityCounters();
        counters.count("a", 200, T);
        counters.count("a", 404, T + 1000);
        counters.count("a", 503, T + HOUR);
        counters.count("b", 201, T);
        List<ActivityCounters.Bucket> drained = counters.drain(T + HOUR);
        assertEquals(3, drained.size());
        ActivityCounters.Bucket tenAm = drained.stream().filter(b -> b.key().tenantId().equals("a")
                && b.key().hourStart().equals(Instant.parse("2026-12-08T10:00:00Z"))).findFirst().orElseThrow();
        assertEquals(2, tenAm.requests());
        assertEquals(1, tenAm.errors());
        assertEquals(Instant.ofEpochMilli(T + 1000), tenAm.lastRequestAt());
        assertEquals(List.of(), counters.drain(T + HOUR), "a drain takes the counts once");
        assertEquals(List.of(), counters.pending("a"));
    }

    @Test
    void countsThatCouldNotBeWrittenAreKeptForTheNextDrain() {
        ActivityCounters counters = new ActivityCounters();
        counters.count("a", 200, T);
        List<ActivityCounters.Bucket> failed = counters.drain(T);
        counters.count("a", 500, T + 5);
        counters.restore(failed);
        List<ActivityCounters.Bucket> next = counters.drain(T);
        assertEquals(1, next.size());
        assertEquals(2, next.get(0).requests());
        assertEquals(1, next.get(0).errors());
    }

    @Test
    void theReportIsTwentyFourHoursEndingWithTheCurrentOneSummedOverServers() {
        long firstHour = ActivityCounters.hourStart(T) - 23 * 3600;
        ActivityCounters.Key now = new ActivityCounters.Key("a", ActivityCounters.hourStart(T));
        ActivityCounters.Key earliest = new ActivityCounters.Key("a", firstHour);
        ActivityCounters.Key tooOld = new ActivityCounters.Key("a", firstHour - 3600);
        TenantActivity.Report report = TenantActivity.report(List.of(
                new ActivityCounters.Bucket(now, 5, 1, Instant.ofEpochMilli(T)),
                new ActivityCounters.Bucket(now, 7, 0, Instant.ofEpochMilli(T - 60_000)),
                new ActivityCounters.Bucket(earliest, 2, 2, Instant.ofEpochMilli(T - 23 * HOUR)),
                new ActivityCounters.Bucket(tooOld, 100, 100, Instant.ofEpochMilli(T - 25 * HOUR))), firstHour);
        assertEquals(24, report.hours().size());
        assertEquals(new TenantActivity.Hour(Instant.parse("2026-12-07T11:00:00Z"), 2, 2), report.hours().get(0));
        assertEquals(new TenantActivity.Hour(Instant.parse("2026-12-08T10:00:00Z"), 12, 1), report.hours().get(23));
        assertEquals(14, report.requests());
        assertEquals(3, report.errors());
        assertEquals(Optional.of(Instant.ofEpochMilli(T)), report.lastRequestAt());
        assertTrue(TenantActivity.report(List.of(), firstHour).lastRequestAt().isEmpty());
    }
}
