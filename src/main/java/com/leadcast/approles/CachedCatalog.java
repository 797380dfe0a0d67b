package com.leadcast.approles;

import com.leadcast.cache.ReadCache;
import com.leadcast.scim.roles.RoleCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.function.Supplier;

/**
 * The app-role catalog as last read, at most {@link ReadCache#MAX_STALENESS} old: every user write checks its roles
 * against it. A replacement on this server is seen from its commit on; on the others within the bound.
 */
@ApplicationScoped
class CachedCatalog {

    /** The CDI event of the catalog being replaced, fired inside the replacing transaction. */
    record Replaced() {
    }

    private static final String KEY = "catalog";

    private final ReadCache<String, RoleCatalog> catalog = new ReadCache<>(1);

    RoleCatalog get(Supplier<RoleCatalog> read) {
        return catalog.get(KEY, key -> read.get());
    }

    void replaced(@Observes(during = TransactionPhase.AFTER_SUCCESS) Replaced replaced) {
        catalog.evict(KEY);
    }
}
