package com.leadcast.admission;

import com.leadcast.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Hashes a tenant's passwords ({@link PasswordHasher}, PBKDF2 at 210,000 iterations: 0.1 to 0.3 s of a core each) under
 * {@link HashPermits}: one at a time per tenant, and at most one core fewer than the server has for all tenants
 * together (at least one), so that look-ups always find a core free. A hash waits at most {@value #WAIT_SECONDS} s
 * for its permits.
 */
@ApplicationScoped
public class PasswordHashing {

    static final long WAIT_SECONDS = 5;

    private final HashPermits permits = new HashPermits(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1), Duration.ofSeconds(WAIT_SECONDS));

    /** The stored form of {@code password}, hashed for {@code tenantId}. @throws com.leadcast.scim.ScimException 429/503 */
    public String hash(String tenantId, String password) {
        try (HashPermits.Held held = permits.acquire(tenantId)) {
            return PasswordHasher.hash(password);
        }
    }
}
