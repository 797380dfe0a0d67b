package com.leadcast.admission;

import com.leadcast.scim.ScimException;
import com.leadcast.tenant.RateLimit;
import com.leadcast.tenant.TenantChanged;
import com.leadcast.tenant.TenantSettings;
import com.leadcast.tenant.TenantSettingsCache;
import com.leadcast.tenant.TenantStatus;
import io.github.bucket4j.TimeMeter;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * This server's admission of tenant requests, set up when the server starts from {@link AdmissionSettings}: the
 * rate limit (the tenant's own, else the default) and the bulkhead. A wrong setting stops the deployment with a log
 * message saying what to fix, rather than letting the server run with limits the operator did not give.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdmissionControl {

    /** How long a request beyond its tenant's concurrency waits for a place: short, it holds a worker thread. */
    static final Duration BULKHEAD_WAIT = Duration.ofSeconds(2);
    /** What a request that found no place is told: by then one of the tenant's requests has likely ended. */
    private static final Duration BULKHEAD_RETRY = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(AdmissionControl.class.getName());

    @Inject
    TenantSettingsCache tenants;

    private AdmissionSettings settings;
    private RequestRates rates;
    private TenantBulkhead bulkhead;

    @PostConstruct
    void start() {
        try {
            settings = AdmissionSettings.ofProcess();
        } catch (IllegalArgumentException e) {
            LOG.severe("Leadcast SCIM cannot start: " + e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
        rates = new RequestRates(TimeMeter.SYSTEM_NANOTIME);
        bulkhead = new TenantBulkhead(settings.tenantConcurrency(), BULKHEAD_WAIT);
        LOG.info("Tenants are limited to " + settings.defaultRateLimit().describe() + " on this server unless they "
                + "have a limit of their own, and to " + settings.tenantConcurrency() + " requests in progress at once");
    }

    /** The limit of tenants without one of their own. */
    public RateLimit defaultRateLimit() {
        return settings.defaultRateLimit();
    }

    /** The limit that applies to {@code tenantId}. */
    public RateLimit rateLimitOf(String tenantId) {
        return settingsOf(tenantId).flatMap(TenantSettings::rateLimit).orElse(settings.defaultRateLimit());
    }

    /** The tenant's settings; empty for a tenant deleted a moment ago or while the database fails. */
    private Optional<TenantSettings> settingsOf(String tenantId) {
        try {
            return Optional.of(tenants.of(tenantId));
        } catch (RuntimeException goneOrUnreadable) {
            // a tenant deleted a moment ago, or a failing database, whose own error reaches the request soon enough
            return Optional.empty();
        }
    }

    /**
     * Admits one request of {@code tenantId}: takes a token of its rate limit, then a place in its bulkhead (waiting
     * briefly for one). The caller releases the place when the request ends.
     *
     * @throws ScimException {@code 403} when the operator suspended the tenant; {@code 429} with
     *                       {@code Retry-After} when the tenant is over its rate or concurrency
     */
    public TenantBulkhead.Permit admit(String tenantId) {
        Optional<TenantSettings> tenant = settingsOf(tenantId);
        if (tenant.map(t -> t.status() == TenantStatus.SUSPENDED).orElse(false)) {
            throw ScimException.forbidden("This tenant is suspended by the service operator: its users, groups and "
                    + "tokens are kept, but its SCIM requests are refused until the operator reactivates it; "
                    + "contact the operator of this service");
        }
        RateLimit limit = tenant.flatMap(TenantSettings::rateLimit).orElse(settings.defaultRateLimit());
        rates.take(tenantId, limit).ifPresent(wait -> {
            throw ScimException.tooManyRequests("This tenant's requests are limited to " + limit.describe()
                    + " on this server, and it sent more; retry after the time Retry-After gives", wait);
        });
        return bulkhead.enter(tenantId).orElseThrow(() -> ScimException.tooManyRequests("This tenant already has "
                + bulkhead.concurrency() + " requests in progress, the most this server runs at once for one tenant, "
                + "and none ended within " + bulkhead.waitLimit().toSeconds() + " s; send fewer requests at once "
                + "and retry after the time Retry-After gives", BULKHEAD_RETRY));
    }

    /** Forgets the bucket of a tenant that changed (its limit, or it is gone); an observer, hence public. */
    public void tenantChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantChanged change) {
        rates.forget(change.tenantId());
    }
}
