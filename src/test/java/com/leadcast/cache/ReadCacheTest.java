package com.leadcast.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ReadCache<String, String> cache = new ReadCache<>(100, nanos::get);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        loads.incrementAndGet();
        return key + loads.get();
    }

    @Test
    void aValueIsReadOnceUntilItIsOlderThanTheStalenessBound() {
        assertEquals("a1", cache.get("a", this::load));
        nanos.addAndGet(ReadCache.MAX_STALENESS.toNanos() - 1);
        assertEquals("a1", cache.get("a", this::load), "within the bound");
        nanos.addAndGet(1);
        assertEquals("a2", cache.get("a", this::load), "a value is never older than the bound");
    }

    @Test
    void evictionTakesEffectAtOnce() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.evict("a");
        assertEquals("a3", cache.get("a", this::load));
        cache.evictIf(v -> v.startsWith("b"));
        assertEquals("b4", cache.get("b", this::load));
        assertEquals("a3", cache.get("a", this::load), "what was not selected stays");
    }

    @Test
    void nothingIsCachedForAMissOrAFailure() {
        assertNull(cache.get("gone", k -> null));
        assertEquals("gone1", cache.get("gone", this::load));
        assertThrows(IllegalStateException.class, () -> cache.get("x", k -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals("x2", cache.get("x", this::load));
    }
}
