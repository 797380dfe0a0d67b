package com.leadcast.it;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.leadcast.store.GroupStore;
import com.leadcast.tenant.Tenant;
import com.leadcast.tenant.TenantAdministration;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.UserTransaction;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server: a membership PATCH on a group of {@value #MEMBERS} members is a set operation in SQL. Adding or
 * removing one member costs a handful of statements and loads no other member, however large the group; Hibernate's
 * statistics count what the PATCH (sent over HTTP, as Entra sends it) made the database do.
 */
@ExtendWith(ArquillianExtension.class)
class MembershipPushdownIT {

    private static final int MEMBERS = 10_000;
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClass(MembershipPushdownIT.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    TenantAdministration tenants;

    @Inject
    GroupStore groups;

    @PersistenceUnit(unitName = "scim")
    EntityManagerFactory emf;

    @Inject
    UserTransaction transaction;

    @Test
    void addingOrRemovingOneMemberOfAHugeGroupNeitherReadsNorRewritesTheOthers() throws Exception {
        transaction.begin();
        Tenant tenant = tenants.createTenant("Membership pushdown " + UUID.randomUUID(), null, null);
        String token = tenants.issueToken(tenant.getId(), "pushdown", null).secret();
        String groupId = groups.create(tenant.getId(), JsonNodeFactory.instance.objectNode()
                .put("displayName", "Everyone")).getId();
        transaction.commit();
        String newcomer = insertUsersAndMemberships(tenant.getId(), groupId);

        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        int added = patch(token, groupId, "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + newcomer
                + "\"}]}");
        long addStatements = statistics.getPrepareStatementCount();
        long addLoads = statistics.getEntityLoadCount();
        statistics.clear();
        int removed = patch(token, groupId, "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                + newcomer + "\"}]}");
        long removeStatements = statistics.getPrepareStatementCount();
        long removeLoads = statistics.getEntityLoadCount();
        statistics.setStatisticsEnabled(false);

        assertEquals(204, added);
        assertEquals(204, removed);
        assertTrue(addLoads <= 3, "entities loaded by the add: " + addLoads);
        assertTrue(removeLoads <= 3, "entities loaded by the remove: " + removeLoads);
        assertTrue(addStatements <= 12, "statements run by the add: " + addStatements);
        assertTrue(removeStatements <= 12, "statements run by the remove: " + removeStatements);
        assertEquals(MEMBERS, memberCount(groupId));
    }

    private int patch(String token, String groupId, String operation) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin() + "/scim/v2/Groups/" + groupId))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"" + PATCH_OP
                        + "\"],\"Operations\":[" + operation + "]}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    /** {@value #MEMBERS} users, all members of the group, and one more user who is not; returns that one's id. */
    private String insertUsersAndMemberships(String tenantId, String groupId) throws Exception {
        String newcomer = UUID.randomUUID().toString();
        transaction.begin();
        EntityManager em = emf.createEntityManager();
        em.joinTransaction();
        em.unwrap(Session.class).doWork(connection -> {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement user = connection.prepareStatement("insert into scim_user (id, tenant_id, "
                    + "user_name, user_name_key, active, attributes, version, created_at, last_modified_at) "
                    + "values (?, ?, ?, ?, ?, ?, 1, ?, ?)");
                 PreparedStatement member = connection.prepareStatement("insert into group_member (group_id, "
                         + "member_id, member_type, tenant_id) values (?, ?, 'User', ?)")) {
                for (int i = 0; i <= MEMBERS; i++) {
                    String id = i == MEMBERS ? newcomer : UUID.randomUUID().toString();
                    String userName = "member" + i + "@pushdown.example";
                    user.setString(1, id);
                    user.setString(2, tenantId);
                    user.setString(3, userName);
                    user.setString(4, userName);
                    user.setBoolean(5, true);
                    user.setString(6, "{\"userName\":\"" + userName + "\"}");
                    user.setTimestamp(7, now);
                    user.setTimestamp(8, now);
                    user.addBatch();
                    if (i < MEMBERS) {
                        member.setString(1, groupId);
                        member.setString(2, id);
                        member.setString(3, tenantId);
                        member.addBatch();
                    }
                    if (i % 1000 == 999) {
                        user.executeBatch();
                        member.executeBatch();
                    }
                }
                user.executeBatch();
                member.executeBatch();
            }
        });
        em.close();
        transaction.commit();
        return newcomer;
    }

    private long memberCount(String groupId) {
        EntityManager em = emf.createEntityManager();
        try {
            return ((Number) em.createNativeQuery("select count(*) from group_member where group_id = ?")
                    .setParameter(1, groupId).getSingleResult()).longValue();
        } finally {
            em.close();
        }
    }
}
