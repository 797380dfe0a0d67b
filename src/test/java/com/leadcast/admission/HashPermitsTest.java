package com.leadcast.admission;

import com.leadcast.scim.ScimException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link HashPermits}: one hash at a time per tenant, a bounded number for the server, bounded waits. */
class HashPermitsTest {

    private final HashPermits permits = new HashPermits(2, Duration.ofMillis(100));

    @Test
    void aTenantsSecondHashWaitsThenIsRefusedWith429() {
        try (HashPermits.Held first = permits.acquire("a")) {
            ScimException refused = assertThrows(ScimException.class, () -> permits.acquire("a"));
            assertEquals(429, refused.status());
            assertNull(refused.scimType(), "RFC 7644 has no scimType for 429");
            assertEquals(Optional.of(Duration.ofSeconds(1)), refused.retryAfter());
            assertTrue(refused.detail().contains("one at a time"), refused.detail());
        }
    }

    @Test
    void otherTenantsHashAtTheSameTimeUpToTheServersPermitsThen503() {
        try (HashPermits.Held a = permits.acquire("a"); HashPermits.Held b = permits.acquire("b")) {
            ScimException refused = assertThrows(ScimException.class, () -> permits.acquire("c"));
            assertEquals(503, refused.status());
            assertEquals(Optional.of(Duration.ofSeconds(2)), refused.retryAfter());
            assertTrue(refused.detail().contains("(2)"), refused.detail());
        }
        try (HashPermits.Held c = permits.acquire("c")) {
            assertTrue(true, "both permits came back");
        }
    }

    @Test
    void aRefusalByTheServerGivesTheTenantsPermitBack() {
        try (HashPermits.Held a = permits.acquire("a"); HashPermits.Held b = permits.acquire("b")) {
            assertThrows(ScimException.class, () -> permits.acquire("c"));
        }
        try (HashPermits.Held c = permits.acquire("c")) {
            assertTrue(true, "the tenant's permit was not kept by the refused hash");
        }
    }

    @Test
    void aWaitingHashRunsWhenTheTenantsEarlierOneEnds() throws Exception {
        HashPermits patient = new HashPermits(1, Duration.ofSeconds(5));
        HashPermits.Held first = patient.acquire("a");
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            try (HashPermits.Held held = patient.acquire("a")) {
                return true;
            }
        });
        Thread.sleep(100);
        first.close();
        assertTrue(second.get(5, TimeUnit.SECONDS));
    }
}
