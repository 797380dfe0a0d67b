package com.leadcast.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.schema.SchemaRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Root;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Groups of a tenant and their membership rows. Membership changes are set operations in SQL: adding or removing
 * members touches only those rows, and each change answers how many rows it changed, so that a change that changes
 * nothing need not mark the group modified.
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
        // the member's user or group confined to the membership's tenant by "is not distinct from": with "= :tenant"
        // a planner without statistics read every group of the tenant to join them (PostgresQueryPlans)
        em.createQuery("select m.groupId, m.memberId, m.memberType, coalesce(u.displayName, u.userName, g.displayName) "
                        + "from MemberEntity m "
                        + "left join UserEntity u on u.id = m.memberId and u.tenantId is not distinct from m.tenantId "
                        + "left join GroupEntity g on g.id = m.memberId and g.tenantId is not distinct from m.tenantId "
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
        // groups are looked for only among the ids that are no user: Entra adds users, one statement fewer then
        List<String> others = ids.stream().filter(id -> !result.containsKey(id)).distinct().toList();
        if (others.isEmpty()) {
            return result;
        }
        em.createQuery("select g.id from GroupEntity g where g.tenantId = :tenant and g.id in :ids", String.class)
                .setParameter("tenant", tenantId).setParameter("ids", others)
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultList().forEach(id -> result.put(id, "Group"));
        return result;
    }

    /**
     * Adds the members not yet in the group; {@code members} maps member id → "User" or "Group". Answers how many
     * were added.
     */
    public int addMembers(GroupEntity group, Map<String, String> members) {
        if (members.isEmpty()) {
            return 0;
        }
        Set<String> present = new HashSet<>(em.createQuery("select m.memberId from MemberEntity m "
                        + "where m.groupId = :group and m.memberId in :ids", String.class)
                .setParameter("group", group.getId())
                .setParameter("ids", members.keySet())
                .getResultList());
        int added = 0;
        for (Map.Entry<String, String> member : members.entrySet()) {
            if (!present.contains(member.getKey())) {
                em.persist(new MemberEntity(group.getTenantId(), group.getId(), member.getKey(), member.getValue()));
                added++;
            }
        }
        em.flush();
        return added;
    }

    /** Makes {@code members} (member id → "User" or "Group") the group's members; answers how many rows changed. */
    public int replaceMembers(GroupEntity group, Map<String, String> members) {
        int removed = members.isEmpty() ? removeAllMembers(group)
                : em.createQuery("delete from MemberEntity m where m.groupId = :group and m.memberId not in :ids")
                        .setParameter("group", group.getId())
                        .setParameter("ids", members.keySet())
                        .executeUpdate();
        return removed + addMembers(group, members);
    }

    /** Removes the members {@code memberIds} that the group has; answers how many left. */
    public int removeMembers(GroupEntity group, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from MemberEntity m where m.groupId = :group and m.memberId in :ids")
                .setParameter("group", group.getId())
                .setParameter("ids", memberIds)
                .executeUpdate();
    }

    /**
     * The removal of the group's members matching {@code valueFilter}, the filter of a PATCH path
     * {@code members[...]} such as {@code type eq "Group"} or {@code display sw "Sales"}: one {@code DELETE} whose
     * condition is the filter compiled to SQL, so that the members are never read. The statement is compiled now,
     * which refuses an invalid filter ({@code 400 invalidFilter}) before anything changes, and runs when the returned
     * action is called, answering how many members left (none is no error).
     */
    public IntSupplier removalOfMembers(GroupEntity group, Filter valueFilter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaDelete<MemberEntity> delete = cb.createCriteriaDelete(MemberEntity.class);
        Root<MemberEntity> m = delete.from(MemberEntity.class);
        delete.where(cb.equal(m.get("groupId"), group.getId()),
                FilterCompiler.compileMembership(valueFilter, cb, delete, m, MODEL, group.getTenantId()));
        return () -> em.createQuery(delete).executeUpdate();
    }

    /** Removes every member of the group; answers how many left. */
    public int removeAllMembers(GroupEntity group) {
        return em.createQuery("delete from MemberEntity m where m.groupId = :group")
                .setParameter("group", group.getId())
                .executeUpdate();
    }

    private static String conflict(ObjectNode document) {
        return "A group with displayName '" + Json.text(document, "displayName") + "' already exists in this tenant "
                + "(group display names are unique, case-insensitively)";
    }
}
