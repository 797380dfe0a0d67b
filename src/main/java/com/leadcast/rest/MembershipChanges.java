package com.leadcast.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.CompareOp;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.patch.ExternalAttribute;
import com.leadcast.store.GroupEntity;
import com.leadcast.store.GroupStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group's {@code members} as the PATCH engine sees them: each operation is checked at once and becomes a set
 * operation on membership rows, run by {@link #commit()} once the whole PATCH has succeeded.
 */
final class MembershipChanges implements ExternalAttribute {

    private final GroupStore groups;
    private final GroupEntity group;
    private final List<Runnable> steps = new ArrayList<>();

    MembershipChanges(GroupStore groups, GroupEntity group) {
        this.groups = groups;
        this.group = group;
    }

    @Override
    public void add(ArrayNode values) {
        Map<String, String> members = resolve(values);
        steps.add(() -> groups.addMembers(group, members));
    }

    @Override
    public void replace(ArrayNode values) {
        Map<String, String> members = resolve(values);
        steps.add(() -> {
            groups.removeAllMembers(group);
            groups.addMembers(group, members);
        });
    }

    @Override
    public void removeAll() {
        steps.add(() -> groups.removeAllMembers(group));
    }

    @Override
    public void removeMatching(Filter filter) {
        Set<String> ids = new LinkedHashSet<>();
        collectValueEqualities(filter, ids);
        steps.add(() -> groups.removeMembers(group, ids));
    }

    @Override
    public void removeValues(ArrayNode values) {
        Set<String> ids = new LinkedHashSet<>(ids(values));
        steps.add(() -> groups.removeMembers(group, ids));
    }

    /** Carries out the changes, in the order the operations asked for them. */
    void commit() {
        steps.forEach(Runnable::run);
        if (!steps.isEmpty()) {
            groups.touch(group);
        }
    }

    /** The member ids of {@code values}, each checked to be a User or Group of the tenant. */
    Map<String, String> resolve(ArrayNode values) {
        List<String> ids = ids(values);
        Map<String, String> types = groups.resourceTypesOf(group.getTenantId(), ids);
        Map<String, String> members = new LinkedHashMap<>();
        for (String id : ids) {
            String type = types.get(id);
            if (type == null) {
                throw ScimException.invalidValue("members: no User or Group with id '" + id + "' exists in this tenant");
            }
            if (id.equals(group.getId())) {
                throw ScimException.invalidValue("members: a group cannot be a member of itself");
            }
            members.put(id, type);
        }
        return members;
    }

    private static List<String> ids(ArrayNode values) {
        List<String> ids = new ArrayList<>();
        for (JsonNode value : values) {
            JsonNode id = value.isObject() ? value.get("value") : value;
            if (id == null || !id.isValueNode() || id.asText().isBlank()) {
                throw ScimException.invalidValue("members: every member needs a \"value\" holding the id of a User or "
                        + "Group, e.g. {\"value\": \"2819c223-7f76-453a-919d-413861904646\"}");
            }
            ids.add(id.asText());
        }
        return ids;
    }

    /** {@code value eq "a"}, or several of them joined by {@code or}: the only member filters supported so far. */
    private static void collectValueEqualities(Filter filter, Set<String> ids) {
        if (filter instanceof Filter.Or or) {
            or.filters().forEach(f -> collectValueEqualities(f, ids));
            return;
        }
        if (filter instanceof Filter.Compare compare && compare.op() == CompareOp.EQ
                && compare.path().name().equalsIgnoreCase("value") && compare.value() instanceof String id) {
            ids.add(id);
            return;
        }
        throw ScimException.invalidFilter("members: remove members by id, e.g. members[value eq \"<id>\"] or a "
                + "\"value\" list; the filter " + filter + " is not supported yet");
    }
}
