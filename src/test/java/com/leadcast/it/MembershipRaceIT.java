package com.leadcast.it;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.leadcast.store.GroupEntity;
import com.leadcast.store.GroupStore;
import com.leadcast.store.UserStore;
import com.leadcast.tenant.TenantAdministration;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server: a member being added to a group and the same user being deleted at the same moment never leave
 * a membership row pointing at nobody. The add holds its members' rows share-locked from the moment it checks that they
 * exist until it commits; the delete locks the user's row first, so it waits and then removes the new row too.
 */
@ExtendWith(ArquillianExtension.class)
class MembershipRaceIT {

    /** Long enough for the delete to reach the lock, shorter than H2's default lock timeout (1 s). */
    private static final long HOLD_MILLIS = 400;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClass(MembershipRaceIT.class);
    }

    @Inject
    TenantAdministration tenants;

    @Inject
    GroupStore groups;

    @Inject
    UserStore users;

    @PersistenceUnit(unitName = "scim")
    EntityManagerFactory emf;

    @Inject
    UserTransaction transaction;

    @Test
    void aUserDeletedWhileBeingAddedToAGroupLeavesNoDanglingMembership() throws Exception {
        transaction.begin();
        String tenant = tenants.createTenant("Race " + UUID.randomUUID(), null, null).getId();
        String groupId = groups.create(tenant, JsonNodeFactory.instance.objectNode().put("displayName", "Team")).getId();
        String userId = users.create(tenant, JsonNodeFactory.instance.objectNode()
                .put("userName", "racer@race.example"), null).getId();
        transaction.commit();

        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<Void> add = CompletableFuture.runAsync(() -> {
            try {
                transaction.begin();
                GroupEntity group = groups.requireForUpdate(tenant, groupId);
                Map<String, String> members = groups.resourceTypesOf(tenant, List.of(userId));
                checked.countDown();
                Thread.sleep(HOLD_MILLIS);
                groups.addMembers(group, members);
                transaction.commit();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(checked.await(30, TimeUnit.SECONDS));
        transaction.begin();
        users.delete(users.requireForUpdate(tenant, userId));
        transaction.commit();
        add.get(30, TimeUnit.SECONDS);

        assertEquals(0, count("select count(*) from group_member where member_id = ?", userId),
                "the membership of the deleted user is gone");
        assertEquals(0, count("select count(*) from scim_user where id = ?", userId));
    }

    private long count(String sql, String id) {
        EntityManager em = emf.createEntityManager();
        try {
            return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
        } finally {
            em.close();
        }
    }
}
