package com.leadcast.audit;

import com.leadcast.store.StandaloneDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static java.time.temporal.ChronoUnit.MICROS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link AuditPurge} on the test database (H2, or PostgreSQL / MariaDB under their profiles): entries older than the
 * cutoff go, in batches, and younger ones stay.
 */
class AuditPurgeTest {

    private final StandaloneDatabase database = StandaloneDatabase.shared();

    @Test
    void entriesOlderThanTheCutoffArePurgedInBatchesAndYoungerOnesKept() {
        String tenant = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(MICROS);
        Instant cutoff = now.minus(Duration.ofDays(90));
        database.inTransaction(em -> {
            for (int i = 0; i < 25; i++) {
                em.persist(entry(tenant, cutoff.minus(Duration.ofHours(i + 1))));
            }
            em.persist(entry(tenant, cutoff.plusSeconds(1)));
            em.persist(entry(tenant, now));
            return null;
        });
        assertEquals(10, (int) database.inTransaction(em -> AuditPurge.batch(em, cutoff, 10)));
        assertEquals(10, (int) database.inTransaction(em -> AuditPurge.batch(em, cutoff, 10)));
        // other tests' entries may be purged too (the database is shared), but never a younger one of ours
        database.inTransaction(em -> {
            while (AuditPurge.batch(em, cutoff, 10) > 0) {
                // until none is older
            }
            return null;
        });
        List<Instant> left = database.inTransaction(em -> em.createQuery("select e.at from AuditEntry e "
                + "where e.tenantId = :tenant order by e.at", Instant.class).setParameter("tenant", tenant)
                .getResultList());
        assertEquals(List.of(cutoff.plusSeconds(1), now), left);
    }

    private static AuditEntry entry(String tenant, Instant at) {
        return new AuditEntry(at, tenant, AuditedOperation.CREATE_USER, UUID.randomUUID().toString(), 201, null,
                new Actor(Actor.Type.TOKEN, UUID.randomUUID().toString()), "r1", List.of("userName"));
    }
}
