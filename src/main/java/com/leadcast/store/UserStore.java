package com.leadcast.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.schema.SchemaRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Users of a tenant. */
@ApplicationScoped
public class UserStore extends ResourceStore<UserEntity> {

    private static final QueryModel MODEL = new QueryModel(SchemaRegistry.standard().userType(), Map.of(
            "id", QueryModel.Column.exact("id"),
            "externalid", QueryModel.Column.exact("externalId"),
            "username", new QueryModel.Column("userNameKey", QueryModel.Matching.KEY_COLUMN),
            "meta.created", QueryModel.Column.exact("createdAt"),
            "meta.lastmodified", QueryModel.Column.exact("lastModifiedAt")),
            new QueryModel.Membership("groups", "memberId", "groupId", null));

    /** A group a user belongs to, for the user's read-only {@code groups} attribute (RFC 7643 §4.1.2). */
    public record GroupRef(String id, String displayName) {
    }

    @Override
    protected Class<UserEntity> entityType() {
        return UserEntity.class;
    }

    @Override
    protected String resourceName() {
        return "User";
    }

    @Override
    protected QueryModel queryModel() {
        return MODEL;
    }

    /** Creates a user from a checked document; {@code passwordHash} may be null. */
    public UserEntity create(String tenantId, ObjectNode document, String passwordHash) {
        UserEntity user = new UserEntity(tenantId, Instant.now());
        user.setPasswordHash(passwordHash);
        return insert(user, document, () -> conflict(document));
    }

    /** Replaces the user's attributes; a null {@code passwordHash} keeps the current password. */
    public UserEntity update(UserEntity user, ObjectNode document, String passwordHash) {
        if (passwordHash != null) {
            user.setPasswordHash(passwordHash);
        }
        return rewrite(user, document, passwordHash != null, () -> conflict(document));
    }

    /** Deletes the user and its memberships in every group. */
    public void delete(UserEntity user) {
        em.createQuery("delete from MemberEntity m where m.tenantId = :tenant and m.memberId = :id")
                .setParameter("tenant", user.getTenantId())
                .setParameter("id", user.getId())
                .executeUpdate();
        remove(user);
    }

    /** The groups each of {@code userIds} is a direct member of, in one query. */
    public Map<String, List<GroupRef>> groupsOf(String tenantId, Collection<String> userIds) {
        Map<String, List<GroupRef>> result = new HashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        // each table is confined to the tenant (PostgresQueryPlans holds every scan to it), the group by "is not
        // distinct from" the membership's tenant: "g.tenantId = :tenant" let a planner without statistics read
        // every group of the tenant to join them. One user (GET, PATCH, PUT, POST) is compared with "=": Hibernate
        // caches the SQL of a query without a list parameter, and re-translates one whose "in" list it expands
        String groups = "select m.memberId, g.id, g.displayName from MemberEntity m, GroupEntity g "
                + "where g.id = m.groupId and g.tenantId is not distinct from m.tenantId and m.tenantId = :tenant "
                + "and m.memberId ";
        TypedQuery<Object[]> query = userIds.size() == 1
                ? em.createQuery(groups + "= :id order by g.displayName", Object[].class)
                        .setParameter("id", userIds.iterator().next())
                : em.createQuery(groups + "in :ids order by g.displayName", Object[].class)
                        .setParameter("ids", userIds);
        query.setParameter("tenant", tenantId)
                .getResultList()
                .forEach(row -> result.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                        .add(new GroupRef((String) row[1], (String) row[2])));
        return result;
    }

    private static String conflict(ObjectNode document) {
        return "A user with userName '" + Json.text(document, "userName") + "' already exists in this tenant "
                + "(userName is unique, case-insensitively)";
    }
}
