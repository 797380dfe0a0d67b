package com.leadcast.admission;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds how many requests of one tenant run at once on this server, so that a tenant with many concurrent expensive
 * requests queues behind itself instead of taking the worker threads, connections and CPU of the others. A request
 * beyond the bound waits at most {@code wait} (first come, first served) for one of the tenant's requests to end.
 */
public final class TenantBulkhead {

    /** A place in the bulkhead; released once, however often {@link #release()} is called. */
    public static final class Permit {
        private final Semaphore semaphore;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        }
    }

    private final Map<String, Semaphore> tenants = new ConcurrentHashMap<>();
    private final int concurrency;
    private final Duration wait;

    TenantBulkhead(int concurrency, Duration wait) {
        this.concurrency = concurrency;
        this.wait = wait;
    }

    int concurrency() {
        return concurrency;
    }

    Duration waitLimit() {
        return wait;
    }

    /** A place for one request of {@code tenantId}, or empty when none came free in time. */
    Optional<Permit> enter(String tenantId) {
        Semaphore semaphore = tenants.computeIfAbsent(tenantId, id -> new Semaphore(concurrency, true));
        try {
            return semaphore.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)
                    ? Optional.of(new Permit(semaphore)) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
