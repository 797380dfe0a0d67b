package com.leadcast.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Everything the SCIM store holds for one tenant, as a whole. */
@ApplicationScoped
public class TenantData {

    @PersistenceContext(unitName = "scim")
    EntityManager em;

    /** Deletes all users, groups, memberships and index rows of the tenant, in bulk. */
    public void erase(String tenantId) {
        for (String entity : new String[]{"MemberEntity", "AttributeValueEntity", "UserEntity", "GroupEntity"}) {
            em.createQuery("delete from " + entity + " e where e.tenantId = :tenant")
                    .setParameter("tenant", tenantId)
                    .executeUpdate();
        }
    }
}
