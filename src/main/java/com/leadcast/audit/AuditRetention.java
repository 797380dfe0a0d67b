package com.leadcast.audit;

import com.leadcast.config.Setting;
import com.leadcast.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the audit trail to its retention, {@value #RETENTION_VARIABLE} days (system property
 * {@value #RETENTION_PROPERTY}; default {@value #DEFAULT_RETENTION_DAYS}): a minute after start and then every hour,
 * entries older than that are deleted in batches of {@value #BATCH} rows, each batch its own transaction. Every
 * server of a cluster purges; a batch another server already deleted deletes nothing.
 */
@Singleton
@Startup
public class AuditRetention {

    public static final String RETENTION_VARIABLE = "LEADCAST_AUDIT_RETENTION_DAYS";
    public static final String RETENTION_PROPERTY = "leadcast.audit.retention-days";
    public static final long DEFAULT_RETENTION_DAYS = 90;
    /** Ten years: what a regulator may ask for. */
    public static final long MAX_RETENTION_DAYS = 3650;
    static final int BATCH = 1000;
    /** Batches per run: an hour's worth of entries of a very busy server, at most; the rest waits an hour. */
    private static final int MAX_BATCHES = 1000;

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AuditTrail trail;

    private Duration retention;

    @PostConstruct
    void schedule() {
        Settings settings = Settings.ofProcess();
        retention = retention(settings.variables(), settings.properties());
        timers.createIntervalTimer(Duration.ofMinutes(1).toMillis(), Duration.ofHours(1).toMillis(),
                new TimerConfig("audit retention", false));
        LOG.info("The audit trail keeps entries for " + retention.toDays() + " days");
    }

    /** The configured retention. @throws IllegalArgumentException naming a wrong setting */
    static Duration retention(UnaryOperator<String> environment, UnaryOperator<String> properties) {
        return Duration.ofDays(Setting.find(RETENTION_PROPERTY, RETENTION_VARIABLE, environment, properties)
                .map(s -> s.number("days the audit trail keeps an entry (unset: " + DEFAULT_RETENTION_DAYS + ")", 1,
                        MAX_RETENTION_DAYS))
                .orElse(DEFAULT_RETENTION_DAYS));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        Instant cutoff = Instant.now().minus(retention);
        long deleted = 0;
        try {
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                int removed = trail.purge(cutoff, BATCH);
                deleted += removed;
                if (removed < BATCH) {
                    break;
                }
            }
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "The audit retention purge stopped after " + deleted + " entries and tries again "
                    + "in an hour: " + failed.getClass().getName());
            return;
        }
        if (deleted > 0) {
            LOG.info("Purged " + deleted + " audit entries older than " + retention.toDays() + " days");
        }
    }
}
