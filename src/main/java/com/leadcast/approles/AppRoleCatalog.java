package com.leadcast.approles;

import com.leadcast.scim.roles.AppRole;
import com.leadcast.scim.roles.RoleCatalog;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Reads and replaces the stored app-role catalog; reads are served from {@link CachedCatalog}. */
@Stateless
public class AppRoleCatalog {

    @PersistenceContext(unitName = "scim")
    private EntityManager em;

    @Inject
    CachedCatalog cached;

    @Inject
    Event<CachedCatalog.Replaced> replaced;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // mostly a cache hit; a miss reads in auto-commit
    public RoleCatalog current() {
        return cached.get(() -> RoleCatalog.of(em.createQuery("select r from AppRoleEntity r order by r.position",
                AppRoleEntity.class).getResultStream().map(AppRoleEntity::role).toList()));
    }

    /** Replaces the whole catalog with {@code roles}, checked by {@link RoleCatalog#of}; returns it as stored. */
    public RoleCatalog replace(List<AppRole> roles) {
        RoleCatalog catalog = RoleCatalog.of(roles);
        em.createQuery("delete from AppRoleEntity").executeUpdate();
        List<AppRole> checked = catalog.roles();
        for (int i = 0; i < checked.size(); i++) {
            em.persist(new AppRoleEntity(checked.get(i), i));
        }
        replaced.fire(new CachedCatalog.Replaced());
        return catalog;
    }
}
