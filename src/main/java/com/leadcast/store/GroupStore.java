package com.leadcast.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.schema.SchemaRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups of a tenant and their membership rows. Membership changes are set operations in SQL: adding or removing
 * members touches only those rows.
 */
@ApplicationScoped
public class GroupStore extends ResourceStore<GroupEntity> {

    private static final QueryModel MODEL = new QueryModel(SchemaRegistry.standard().groupType(), Map.of(
            "id", QueryModel.Column.exact("id"),
            "externalid", QueryModel.Column.exact("externalId"),
            "displayname", new QueryModel.Column("displayNameKey", QueryModel.Matching.KEY_COLUMN),
            "meta.created", QueryModel.Column.exact("createdAt"),
            "meta.lastmodified", QueryModel.Column.exact("lastModifiedAt")),
            new QueryModel.Membership("members", "groupId", "memberId", "memberType"));

    /** A member as the Group resource shows it (RFC 7643 §4.2): its id, "User" or "Group", and a display name. */
    public record MemberRef(String value, String type, String display) {
    }

    @Override
    protected Class<GroupEntity> entityType() {
        return GroupEntity.class;
    }

    @Override
    protected String resourceName() {
        return "Group";
    }

    @Override
    protected QueryModel queryModel() {
        return MODEL;
    }

    public GroupEntity create(String tenantId, ObjectNode document) {
        return insert(new GroupEntity(tenantId, Instant.now()), document, () -> conflict(document));
    }

    public GroupEntity update(GroupEntity group, ObjectNode document) {
        return rewrite(group, document, false, () -> conflict(document));
    }

    /** Marks the group modified (a membership change is a change of the group). */
    public void touch(GroupEntity group) {
        group.writeDocument(group.document(), Instant.now());
        em.flush();
    }

    /** Deletes the group, its membership rows and its memberships in other groups. */
    public void delete(GroupEntity group) {
        em.createQuery("delete from MemberEntity m where m.tenantId = :tenant and (m.memberId = :id or m.groupId = :id)")
                .setParameter("tenant", group.getTenantId())
                .setParameter("id", group.getId())
                .executeUpdate();
        remove(group);
    }

    /** The members of each of {@code groupIds}, with display names, in one query. */
    public Map<String, List<MemberRef>> membersOf(String tenantId, Collection<String> groupIds) {
        Map<String, List<MemberRef>> result = new HashMap<>();
        if (groupIds.isEmpty()) {
            return result;
        }
        em.createQuery("select m.groupId, m.memberId, m.memberType, coalesce(u.displayName, u.userName, g.displayName) "
                        + "from MemberEntity m left join UserEntity u on u.id = m.memberId "
                        + "left join GroupEntity g on g.id = m.memberId "
                        + "where m.tenantId = :tenant and m.groupId in :ids order by m.memberId", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("ids", groupIds)
                .getResultList()
                .forEach(row -> result.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                        .add(new MemberRef((String) row[1], (String) row[2], (String) row[3])));
        return result;
    }

    /**
     * Which of {@code ids} are Users or Groups of the tenant: id → "User" or "Group". The rows found stay share-locked
     * until the transaction ends, so a member being added cannot be deleted before its membership row is written
     * (a delete locks its row first and then removes its membership rows; without this lock it could do so before
     * the new row exists and leave it dangling).
     */
    public Map<String, String> resourceTypesOf(String tenantId, Collection<String> ids) {
        Map<String, String> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        em.createQuery("select u.id from UserEntity u where u.tenantId = :tenant and u.id in :ids", String.class)
                .setParameter("tenant", tenantId).setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultList().forEach(id -> result.put(id, "User"));
        em.createQuery("select g.id from GroupEntity g where g.tenantId = :tenant and g.id in :ids", String.class)
                .setParameter("tenant", tenantId).setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultList().forEach(id -> result.put(id, "Group"));
        return result;
    }

    /** Adds the members not yet in the group; {@code members} maps member id → "User" or "Group". */
    public void addMembers(GroupEntity group, Map<String, String> members) {
        if (members.isEmpty()) {
            return;
        }
        Set<String> present = new HashSet<>(em.createQuery("select m.memberId from MemberEntity m "
                        + "where m.groupId = :group and m.memberId in :ids", String.class)
                .setParameter("group", group.getId())
                .setParameter("ids", members.keySet())
                .getResultList());
        members.forEach((id, type) -> {
            if (!present.contains(id)) {
                em.persist(new MemberEntity(group.getTenantId(), group.getId(), id, type));
            }
        });
        em.flush();
    }

    public void removeMembers(GroupEntity group, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        em.createQuery("delete from MemberEntity m where m.groupId = :group and m.memberId in :ids")
                .setParameter("group", group.getId())
                .setParameter("ids", memberIds)
                .executeUpdate();
    }

    public void removeAllMembers(GroupEntity group) {
        em.createQuery("delete from MemberEntity m where m.groupId = :group")
                .setParameter("group", group.getId())
                .executeUpdate();
    }

    private static String conflict(ObjectNode document) {
        return "A group with displayName '" + Json.text(document, "displayName") + "' already exists in this tenant "
                + "(group display names are unique, case-insensitively)";
    }
}
