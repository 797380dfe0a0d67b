package com.leadcast.observability;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@value #FLUSH_SECONDS} s, adds this server's tenant activity counts to the database (and once more when the
 * application stops); every hour, deletes activity rows older than two days. Counts that cannot be written (the
 * database is down) are kept in memory for the next try.
 */
@Singleton
@Startup
public class ActivityFlusher {

    static final int FLUSH_SECONDS = 10;
    /** What the activity API shows is a day; a second day spares a reader at midnight a half-empty series. */
    private static final Duration KEPT = Duration.ofDays(2);
    private static final Logger LOG = Logger.getLogger(ActivityFlusher.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ActivityCounters counters;

    @Inject
    ActivityStore store;

    private static final String PURGE = "activity purge";

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(Duration.ofSeconds(FLUSH_SECONDS).toMillis(),
                Duration.ofSeconds(FLUSH_SECONDS).toMillis(), new TimerConfig("activity flush", false));
        timers.createIntervalTimer(Duration.ofMinutes(2).toMillis(), Duration.ofHours(1).toMillis(),
                new TimerConfig(PURGE, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick(Timer timer) {
        if (PURGE.equals(timer.getInfo())) {
            purge();
        } else {
            flush();
        }
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void flush() {
        List<ActivityCounters.Bucket> buckets = counters.drain(System.currentTimeMillis());
        if (buckets.isEmpty()) {
            return;
        }
        try {
            store.add(counters.serverId(), buckets);
        } catch (RuntimeException failed) {
            counters.restore(buckets);
            LOG.log(Level.FINE, "Tenant activity kept in memory, the database did not take it", failed);
        }
    }

    private void purge() {
        try {
            store.purge(Instant.now().minus(KEPT));
        } catch (RuntimeException failed) {
            LOG.log(Level.FINE, "Old tenant activity not purged this hour", failed);
        }
    }
}
