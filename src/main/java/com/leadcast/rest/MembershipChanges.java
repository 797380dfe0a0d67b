package com.leadcast.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.patch.ExternalAttribute;
import com.leadcast.store.GroupEntity;
import com.leadcast.store.GroupStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * A group's {@code members} as the PATCH engine sees them: each operation is checked at once and becomes a set
 * operation on membership rows, run by {@link #commit()} once the whole PATCH has succeeded. A PATCH refused at any
 * of its operations therefore changes no membership, and the transaction of the request undoes the rest.
 *
 * <p>Removal by a value filter ({@code members[type eq "Group"]}, {@code members[value eq "a" or value eq "b"]},
 * {@code members[display sw "Sales"]}) is one {@code DELETE} of the matching rows. A filter that matches no member
 * removes nothing and is no error: RFC 7644 §3.5.2.2 asks {@code noTarget} only of a remove without a path
 * (§3.5.2.3 asks it of a <em>replace</em> whose filter matches nothing), and Microsoft Entra ID removes members by
 * {@code members[value eq "..."]} without knowing whether they are still members, expecting success. Every filter is
 * treated alike, so that whether a removal succeeds never depends on how its members were named.
 */
final class MembershipChanges implements ExternalAttribute {

    private final GroupStore groups;
    private final GroupEntity group;
    /** The changes in the order asked for, each answering how many membership rows it changed. */
    private final List<IntSupplier> steps = new ArrayList<>();

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
        steps.add(() -> groups.replaceMembers(group, members));
    }

    @Override
    public void removeAll() {
        steps.add(() -> groups.removeAllMembers(group));
    }

    @Override
    public void removeMatching(Filter filter) {
        steps.add(groups.removalOfMembers(group, filter));
    }

    @Override
    public void removeValues(ArrayNode values) {
        Set<String> ids = new LinkedHashSet<>(ids(values));
        steps.add(() -> groups.removeMembers(group, ids));
    }

    /**
     * Carries out the changes, in the order the operations asked for them. The group is marked modified (new
     * {@code meta.lastModified} and version) only if a membership changed: re-asserting members is no change, as
     * re-asserting attribute values is none.
     */
    void commit() {
        int changed = 0;
        for (IntSupplier step : steps) {
            changed += step.getAsInt();
        }
        if (changed > 0) {
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

    /**
     * The ids {@code values} name. {@code members.value} is not caseExact (RFC 7643 §8.7.1) and ids are lower-case
     * UUIDs, so an id sent in upper case names the same resource.
     */
    private static List<String> ids(ArrayNode values) {
        List<String> ids = new ArrayList<>();
        for (JsonNode value : values) {
            JsonNode id = value.isObject() ? value.get("value") : value;
            if (id == null || !id.isValueNode() || id.asText().isBlank()) {
                throw ScimException.invalidValue("members: every member needs a \"value\" holding the id of a User or "
                        + "Group, e.g. {\"value\": \"2819c223-7f76-453a-919d-413861904646\"}");
            }
            ids.add(id.asText().toLowerCase(Locale.ROOT));
        }
        return ids;
    }
}
