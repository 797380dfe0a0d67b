package com.leadcast.admission;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TenantBulkhead}: how many requests of one tenant run at once. */
class TenantBulkheadTest {

    private final TenantBulkhead bulkhead = new TenantBulkhead(3, Duration.ofMillis(100));

    private List<TenantBulkhead.Permit> enter(String tenant, int times) {
        return IntStream.range(0, times).mapToObj(i -> bulkhead.enter(tenant)).flatMap(Optional::stream).toList();
    }

    @Test
    void aTenantRunsAtMostItsConcurrencyAndWaitsBoundedlyBeyond() {
        assertEquals(3, enter("a", 3).size());
        long start = System.nanoTime();
        assertTrue(bulkhead.enter("a").isEmpty());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 90 && waited < 2_000, "waited " + waited + " ms");
    }

    @Test
    void anotherTenantIsNotAffected() {
        enter("a", 3);
        assertEquals(3, enter("b", 3).size());
    }

    @Test
    void aReleasedPlaceServesTheNextWaitingRequest() throws Exception {
        List<TenantBulkhead.Permit> held = enter("a", 3);
        TenantBulkhead slow = new TenantBulkhead(3, Duration.ofSeconds(5));
        List<TenantBulkhead.Permit> slowHeld = IntStream.range(0, 3).mapToObj(i -> slow.enter("a").orElseThrow())
                .toList();
        CompletableFuture<Optional<TenantBulkhead.Permit>> waiting = CompletableFuture.supplyAsync(() -> slow.enter("a"));
        Thread.sleep(100);
        slowHeld.get(0).release();
        assertTrue(waiting.get(5, TimeUnit.SECONDS).isPresent());
        held.get(0).release();
        assertEquals(1, enter("a", 2).size());
    }

    @Test
    void releasingTwiceGivesBackOnePlace() {
        List<TenantBulkhead.Permit> held = enter("a", 3);
        held.get(0).release();
        held.get(0).release();
        assertEquals(1, enter("a", 3).size());
    }
}
