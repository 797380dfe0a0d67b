/**
 * Read caches of what nearly every request needs and an administrator rarely changes — a token, a tenant's
 * settings, the app-role catalog — so that serving a request costs no database round trip for them. Staleness is
 * bounded by {@link com.leadcast.cache.ReadCache#MAX_STALENESS}: a change made on another server sharing the
 * database takes effect here within it, and a change made on this server evicts what it changed when its
 * transaction commits (CDI {@code AFTER_SUCCESS} observers of its owner), taking effect at once. Each cache belongs
 * to the class that owns the data; this package holds only the mechanism (Caffeine).
 */
package com.leadcast.cache;
