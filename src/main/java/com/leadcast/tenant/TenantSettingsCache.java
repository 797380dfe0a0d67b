package com.leadcast.tenant;

import com.leadcast.cache.ReadCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * The settings of the tenants this server serves, read from the tenant row at most once per
 * {@link ReadCache#MAX_STALENESS}: a change through the admin API applies at once on the server that took it and
 * within that bound on the others sharing the database.
 */
@ApplicationScoped
public class TenantSettingsCache {

    /** Tenants served at once by one server, with room to spare; each entry is a few dozen bytes. */
    private static final int MAX_TENANTS = 100_000;

    private final ReadCache<String, TenantSettings> settings = new ReadCache<>(MAX_TENANTS);

    @Inject
    TenantAdministration administration;

    /**
     * The settings of tenant {@code tenantId}.
     *
     * @throws com.leadcast.scim.ScimException {@code 404} if there is no such tenant
     */
    public TenantSettings of(String tenantId) {
        return settings.get(tenantId, id -> TenantSettings.of(administration.tenant(id)));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantChanged change) {
        settings.evict(change.tenantId());
    }
}
