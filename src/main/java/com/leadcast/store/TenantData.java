package com.leadcast.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Everything the SCIM store holds for one tenant, as a whole. */
@ApplicationScoped
public class TenantData {

    @PersistenceContext(unitName = "scim")
    EntityManager em;

    /** How much the tenant holds: its users, groups and group memberships, counted by the database. */
    public record Size(long users, long groups, long memberships) {
    }

    /** Counts the tenant's users, groups and memberships (three index-only counts on tenant-first indexes). */
    public Size size(String tenantId) {
        return new Size(count("UserEntity", tenantId), count("GroupEntity", tenantId),
                count("MemberEntity", tenantId));
    }

    private long count(String entity, String tenantId) {
        return em.createQuery("select count(e) from " + entity + " e where e.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenantId).getSingleResult();
    }

    /** Deletes all users, groups, memberships and index rows of the tenant, in bulk. */
    public void erase(String tenantId) {
        for (String entity : new String[]{"MemberEntity", "AttributeValueEntity", "UserEntity", "GroupEntity"}) {
            em.createQuery("delete from " + entity + " e where e.tenantId = :tenant")
                    .setParameter("tenant", tenantId)
                    .executeUpdate();
        }
    }
}
