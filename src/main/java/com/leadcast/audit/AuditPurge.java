package com.leadcast.audit;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/**
 * One batch of the retention purge: the ids of at most {@code limit} entries older than the cutoff, then one delete
 * of those ids, so that a purge never holds many rows' locks at once nor scans the whole table in one statement.
 */
final class AuditPurge {

    private AuditPurge() {
    }

    /** Deletes up to {@code limit} entries older than {@code cutoff} in the caller's transaction; how many. */
    static int batch(EntityManager em, Instant cutoff, int limit) {
        List<String> ids = em.createQuery("select e.id from AuditEntry e where e.at < :cutoff", String.class)
                .setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from AuditEntry e where e.id in :ids").setParameter("ids", ids)
                .executeUpdate();
    }
}
