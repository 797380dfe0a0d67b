package com.leadcast.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.api.GroupsApi;
import com.leadcast.audit.Audited;
import com.leadcast.scim.patch.PatchEngine;
import com.leadcast.scim.patch.PatchOperation;
import com.leadcast.scim.query.ListQuery;
import com.leadcast.scim.query.Projection;
import com.leadcast.scim.schema.ResourceChecker;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaRegistry;
import com.leadcast.security.Roles;
import com.leadcast.store.GroupEntity;
import com.leadcast.store.GroupStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * {@code /Groups} (RFC 7644 §3, RFC 7643 §4.2). Members are rows, changed by set operations; they are loaded only
 * when the response shows them, and a PATCH answers 204 unless the client asks for attributes, so that a group of
 * 100,000 members is never serialised by accident.
 */
@Stateless
@Local({GroupsApi.class, ResourceTypeSearch.class})
@Audited
@RolesAllowed(Roles.SCIM_CLIENT)
public class GroupsEndpoint extends ResourceEndpoint<GroupEntity> implements GroupsApi {

    private static final String MEMBERS = "members";

    @Inject
    GroupStore groups;

    @Override
    public Response listGroups(String filter, Integer startIndex, Integer count, String sortBy, String sortOrder,
                               String attributes, String excludedAttributes, String cursor) {
        return list(ListQuery.of(filter, startIndex, count, sortBy, sortOrder, attributes, excludedAttributes, cursor));
    }

    @Override
    public Response searchGroups(ObjectNode body) {
        return list(ListQuery.ofSearchRequest(body));
    }

    @Override
    public Response createGroup(ObjectNode body) {
        return create(body);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction (ResourceEndpoint)
    public Response getGroup(String id, String attributes, String excludedAttributes, String ifNoneMatch) {
        return get(id, attributes, excludedAttributes, ifNoneMatch);
    }

    @Override
    public Response replaceGroup(String id, String ifMatch, ObjectNode body) {
        return replace(id, ifMatch, body);
    }

    @Override
    public Response patchGroup(String id, String ifMatch, String attributes, String excludedAttributes,
                               ObjectNode body) {
        GroupEntity group = patch(id, ifMatch, body);
        if (attributes == null && excludedAttributes == null) {
            return Response.noContent().tag(entityTag(group)).build();
        }
        return resource(Response.ok(), group, Projection.of(type(), attributes, excludedAttributes));
    }

    @Override
    public Response deleteGroup(String id, String ifMatch) {
        return remove(id, ifMatch);
    }

    // --- storage ---

    @Override
    protected GroupStore store() {
        return groups;
    }

    @Override
    protected ResourceType type() {
        return SchemaRegistry.standard().groupType();
    }

    @Override
    protected GroupEntity insert(ObjectNode document) {
        ArrayNode members = takeMembers(document);
        GroupEntity group = groups.create(tenantId(), document);
        MembershipChanges changes = new MembershipChanges(groups, group);
        groups.addMembers(group, changes.resolve(members));
        return group;
    }

    @Override
    protected GroupEntity replace(GroupEntity group, ObjectNode document) {
        ArrayNode members = takeMembers(document);
        MembershipChanges changes = new MembershipChanges(groups, group);
        changes.replace(members);
        GroupEntity updated = groups.update(group, document);
        changes.commit();
        return updated;
    }

    @Override
    protected GroupEntity patch(GroupEntity group, List<PatchOperation> operations) {
        ObjectNode stored = group.document();
        ObjectNode document = stored.deepCopy();
        MembershipChanges changes = new MembershipChanges(groups, group);
        PatchEngine.apply(type(), document, operations, Map.of(MEMBERS, changes));
        GroupEntity updated = groups.update(group, ResourceChecker.checkReplacement(type(), stored, document));
        changes.commit();
        return updated;
    }

    @Override
    protected void delete(GroupEntity group) {
        groups.delete(group);
    }

    @Override
    protected boolean derivesOnCreate() {
        return true;
    }

    @Override
    protected void addDerived(List<GroupEntity> entities, Map<String, ObjectNode> documents, Projection projection) {
        if (!projection.includes(MEMBERS)) {
            return;
        }
        boolean whole = projection.includesWhole(MEMBERS);
        String scimBase = urls.scimBase();
        groups.membersOf(tenantId(), documents.keySet()).forEach((groupId, members) -> {
            MemberArray array = new MemberArray(members, scimBase);
            documents.get(groupId).set(MEMBERS, whole ? array.asNode() : array.asTree());
        });
    }

    private static ArrayNode takeMembers(ObjectNode document) {
        JsonNode members = document.remove(MEMBERS);
        return members instanceof ArrayNode array ? array : JsonNodeFactory.instance.arrayNode();
    }
}
