package com.leadcast.observability;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

import static java.time.temporal.ChronoUnit.MICROS;

/** The tenants' hourly activity rows: adding a server's counts, reading a tenant's hours, purging old ones. */
@Stateless
public class ActivityStore {

    @PersistenceContext(unitName = "scim")
    EntityManager em;

    /** Adds {@code buckets} to this server's ({@code serverId}) rows, in one transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void add(String serverId, List<ActivityCounters.Bucket> buckets) {
        for (ActivityCounters.Bucket bucket : buckets) {
            Instant hour = bucket.key().hourStart();
            TenantActivityHour row = em.find(TenantActivityHour.class,
                    new TenantActivityHour.Key(bucket.key().tenantId(), hour, serverId));
            if (row == null) {
                row = new TenantActivityHour(bucket.key().tenantId(), hour, serverId);
                em.persist(row);
            }
            row.add(bucket.requests(), bucket.errors(), bucket.lastRequestAt().truncatedTo(MICROS));
        }
    }

    /** Every server's rows of {@code tenantId} from the hour starting at {@code from} on. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TenantActivityHour> hours(String tenantId, Instant from) {
        return em.createQuery("select h from TenantActivityHour h where h.tenantId = :tenant and h.hourStart >= :from",
                TenantActivityHour.class).setParameter("tenant", tenantId).setParameter("from", from).getResultList();
    }

    /** Deletes the rows of hours that started before {@code before}; how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purge(Instant before) {
        return em.createQuery("delete from TenantActivityHour h where h.hourStart < :before")
                .setParameter("before", before).executeUpdate();
    }
}
