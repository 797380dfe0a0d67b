package com.leadcast.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Adds an entry to the transaction in progress: it commits, or rolls back, with the change it records. */
@ApplicationScoped
class AuditWriter {

    @PersistenceContext(unitName = "scim")
    EntityManager em;

    void persist(AuditEntry entry) {
        em.persist(entry);
    }
}
