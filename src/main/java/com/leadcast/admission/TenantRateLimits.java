package com.leadcast.admission;

import com.leadcast.scim.ScimException;
import com.leadcast.tenant.RateLimit;
import com.leadcast.tenant.RateLimitChanged;
import com.leadcast.tenant.TenantAdministration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate limits tenants have of their own, as stored on the tenant row, read at most every {@value #TTL_SECONDS}
 * seconds per tenant: a change through the admin API applies at once on the server that took it (it hears of the
 * commit) and within that time on the other servers of the database.
 */
@ApplicationScoped
public class TenantRateLimits {

    static final long TTL_SECONDS = 10;
    private static final Duration TTL = Duration.ofSeconds(TTL_SECONDS);

    /** What was read, and when (System.nanoTime()). */
    private record Read(Optional<RateLimit> limit, long at) {
    }

    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    @Inject
    TenantAdministration administration;

    /** The tenant's own rate limit; empty when it has the server's default (or is gone). */
    public Optional<RateLimit> of(String tenantId) {
        long now = System.nanoTime();
        Read read = reads.get(tenantId);
        if (read == null || now - read.at() > TTL.toNanos()) {
            try {
                read = new Read(stored(tenantId), now);
                reads.put(tenantId, read);
            } catch (RuntimeException unreadable) {
                // the database is failing: its own error reaches the request soon enough; admission goes on with
                // what it knew (or the default) and tries again on the next request
                return read == null ? Optional.empty() : read.limit();
            }
        }
        return read.limit();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RateLimitChanged change) {
        reads.remove(change.tenantId());
    }

    private Optional<RateLimit> stored(String tenantId) {
        try {
            return administration.tenant(tenantId).getRateLimit();
        } catch (ScimException gone) {
            return Optional.empty();
        }
    }
}
