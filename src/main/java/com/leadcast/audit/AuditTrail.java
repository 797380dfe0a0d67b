package com.leadcast.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the audit trail, a page at a time and newest first, and writing what {@link AuditInterceptor} cannot
 * write in the change's own transaction: the entries of refused writes.
 */
@Stateless
public class AuditTrail {

    /**
     * What to list: one tenant's entries (or, with a null tenant, the admin actions) narrowed by the rest (each
     * null: not narrowed), up to {@code count} of them after the entry at ({@code afterAt}, {@code afterId}) in
     * newest-first order (null: from the newest).
     */
    public record Query(String tenantId, String resourceId, String action, Instant since, Instant afterAt,
                        String afterId, int count) {
    }

    /** A page of entries and whether older ones follow. */
    public record Page(List<AuditEntry> entries, boolean more) {
    }

    @PersistenceContext(unitName = "scim")
    EntityManager em;

    /** Writes the entry of a refused (rolled back) write in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(AuditEntry entry) {
        em.persist(entry);
    }

    /** The audit API's names of every action, for a refusal of an unknown one. */
    public static List<String> actions() {
        return AuditedOperation.actions();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page entries(Query query) {
        StringBuilder jpql = new StringBuilder("select e from AuditEntry e where ");
        jpql.append(query.tenantId() == null ? "e.actorType = 'admin'" : "e.tenantId = :tenant");
        if (query.resourceId() != null) {
            jpql.append(" and e.resourceId = :resource");
        }
        if (query.action() != null) {
            jpql.append(" and e.action = :action");
        }
        if (query.since() != null) {
            jpql.append(" and e.at >= :since");
        }
        if (query.afterId() != null) {
            jpql.append(" and (e.at < :afterAt or (e.at = :afterAt and e.id < :afterId))");
        }
        TypedQuery<AuditEntry> entries = em.createQuery(jpql.append(" order by e.at desc, e.id desc").toString(),
                AuditEntry.class).setMaxResults(query.count() + 1);
        if (query.tenantId() != null) {
            entries.setParameter("tenant", query.tenantId());
        }
        if (query.resourceId() != null) {
            entries.setParameter("resource", query.resourceId());
        }
        if (query.action() != null) {
            entries.setParameter("action", query.action());
        }
        if (query.since() != null) {
            entries.setParameter("since", query.since());
        }
        if (query.afterId() != null) {
            entries.setParameter("afterAt", query.afterAt()).setParameter("afterId", query.afterId());
        }
        List<AuditEntry> page = entries.getResultList();
        return page.size() > query.count() ? new Page(page.subList(0, query.count()), true) : new Page(page, false);
    }

    /** The labels of the tokens with {@code ids} that still exist, by id. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, String> tokenLabels(Collection<String> ids) {
        Map<String, String> labels = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select t.id, t.label from ApiToken t where t.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> labels.put((String) row[0], (String) row[1]));
        }
        return labels;
    }

    /**
     * Deletes up to {@code limit} entries older than {@code cutoff}, in this call's own transaction.
     *
     * @return how many were deleted
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purge(Instant cutoff, int limit) {
        return AuditPurge.batch(em, cutoff, limit);
    }
}
