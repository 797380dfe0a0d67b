package com.leadcast.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Values read from the database, each kept at most {@link #MAX_STALENESS} after it was read and at most
 * {@code maximumSize} of them (least recently used go first). A value is loaded outside any lock, so a slow
 * database never blocks readers of other keys; two requests that miss at once may both load it. Nothing is cached
 * for a load that fails or finds nothing (null).
 *
 * @param <K> the key, e.g. a tenant id
 * @param <V> the value as read, immutable
 */
public final class ReadCache<K, V> {

    /** How long another server's change may go unseen here; the bound every cache of this service keeps. */
    public static final Duration MAX_STALENESS = Duration.ofSeconds(5);

    private final Cache<K, V> values;

    public ReadCache(long maximumSize) {
        this(maximumSize, Ticker.systemTicker());
    }

    /** With its own clock, for tests. */
    ReadCache(long maximumSize, Ticker ticker) {
        this.values = Caffeine.newBuilder().expireAfterWrite(MAX_STALENESS).maximumSize(maximumSize).ticker(ticker)
                .build();
    }

    /** The cached value of {@code key}, else what {@code load} reads (cached unless null). */
    public V get(K key, Function<? super K, ? extends V> load) {
        V value = values.getIfPresent(key);
        if (value == null) {
            value = load.apply(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return value;
    }

    /** Forgets {@code key}: the next {@link #get} reads it again. */
    public void evict(K key) {
        values.invalidate(key);
    }

    /** Forgets every value {@code which} selects, e.g. the tokens of a tenant that changed. */
    public void evictIf(Predicate<? super V> which) {
        values.asMap().values().removeIf(which);
    }
}
