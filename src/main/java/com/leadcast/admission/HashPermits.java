package com.leadcast.admission;

import com.leadcast.scim.ScimException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Permits to hash a password: one tenant hashes one password at a time, and the server at most {@code serverPermits}
 * at once. A deliberately slow hash is CPU a tenant could otherwise take in bulk (100 passwords can be half a minute
 * of a core); so a tenant's passwords queue behind each other, and all tenants' hashing together leaves the rest of
 * the server's cores to everything else. Queues are first come, first served and waiting in them is bounded.
 */
final class HashPermits {

    /** Both permits of one hash; closing gives them back. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<String, Semaphore> tenants = new ConcurrentHashMap<>();
    private final Semaphore server;
    private final int serverPermits;
    private final Duration wait;

    HashPermits(int serverPermits, Duration wait) {
        this.server = new Semaphore(serverPermits, true);
        this.serverPermits = serverPermits;
        this.wait = wait;
    }

    /**
     * The permits for one hash of {@code tenantId}, waiting at most the configured time for both together.
     *
     * @throws ScimException {@code 429} when the tenant's own earlier hashes took the time, {@code 503} when the
     *                       server's did, both with {@code Retry-After}
     */
    Held acquire(String tenantId) {
        Semaphore tenant = tenants.computeIfAbsent(tenantId, id -> new Semaphore(1, true));
        long deadline = System.nanoTime() + wait.toNanos();
        if (!tryAcquire(tenant, wait.toNanos())) {
            throw ScimException.tooManyRequests("This tenant's passwords are hashed one at a time, and its other "
                    + "requests' passwords kept the hashing busy for " + wait.toSeconds() + " s; send fewer "
                    + "passwords at once and retry after the time Retry-After gives", Duration.ofSeconds(1));
        }
        if (!tryAcquire(server, deadline - System.nanoTime())) {
            tenant.release();
            throw ScimException.unavailable("The server is hashing as many passwords as it can at once ("
                    + serverPermits + "), for several tenants, and none came free within " + wait.toSeconds()
                    + " s; retry after the time Retry-After gives", Duration.ofSeconds(2));
        }
        return () -> {
            server.release();
            tenant.release();
        };
    }

    private static boolean tryAcquire(Semaphore semaphore, long nanos) {
        try {
            return semaphore.tryAcquire(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
