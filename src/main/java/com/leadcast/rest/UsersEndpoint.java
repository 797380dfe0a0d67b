package com.leadcast.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.admission.PasswordHashing;
import com.leadcast.api.UsersApi;
import com.leadcast.approles.AppRoleCatalog;
import com.leadcast.audit.Audited;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.patch.PatchEngine;
import com.leadcast.scim.patch.PatchOperation;
import com.leadcast.scim.query.ListQuery;
import com.leadcast.scim.query.Projection;
import com.leadcast.scim.roles.RoleAssignment;
import com.leadcast.scim.roles.RoleMapping;
import com.leadcast.scim.schema.ResourceChecker;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaRegistry;
import com.leadcast.security.Roles;
import com.leadcast.store.UserEntity;
import com.leadcast.store.UserStore;
import com.leadcast.tenant.TenantSettingsCache;
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
 * {@code /Users} (RFC 7644 §3, RFC 7643 §4.1). The {@code password} is hashed and never returned; {@code groups}
 * is derived from group memberships. Role values a user newly receives are checked against the app-role catalog, and
 * the roles of every write are read as the tenant's role mapping says ({@link RoleAssignment}).
 */
@Stateless
@Local({UsersApi.class, ResourceTypeSearch.class})
@Audited
@RolesAllowed(Roles.SCIM_CLIENT)
public class UsersEndpoint extends ResourceEndpoint<UserEntity> implements UsersApi {

    @Inject
    UserStore users;

    @Inject
    AppRoleCatalog appRoles;

    @Inject
    TenantSettingsCache tenantSettings;

    @Inject
    PasswordHashing passwords;

    @Override
    public Response listUsers(String filter, Integer startIndex, Integer count, String sortBy, String sortOrder,
                              String attributes, String excludedAttributes, String cursor) {
        return list(ListQuery.of(filter, startIndex, count, sortBy, sortOrder, attributes, excludedAttributes, cursor));
    }

    @Override
    public Response searchUsers(ObjectNode body) {
        return list(ListQuery.ofSearchRequest(body));
    }

    @Override
    public Response createUser(ObjectNode body) {
        return create(body);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction (ResourceEndpoint)
    public Response getUser(String id, String attributes, String excludedAttributes, String ifNoneMatch) {
        return get(id, attributes, excludedAttributes, ifNoneMatch);
    }

    @Override
    public Response replaceUser(String id, String ifMatch, ObjectNode body) {
        return replace(id, ifMatch, body);
    }

    @Override
    public Response patchUser(String id, String ifMatch, String attributes, String excludedAttributes,
                              ObjectNode body) {
        return resource(Response.ok(), patch(id, ifMatch, body), Projection.of(type(), attributes, excludedAttributes));
    }

    @Override
    public Response deleteUser(String id, String ifMatch) {
        return remove(id, ifMatch);
    }

    // --- storage ---

    @Override
    protected UserStore store() {
        return users;
    }

    @Override
    protected ResourceType type() {
        return SchemaRegistry.standard().userType();
    }

    @Override
    protected UserEntity insert(ObjectNode document) {
        RoleAssignment.applyTo(roleMapping(), document);
        appRoles.current().checkRoles(null, document);
        String passwordHash = takePasswordHash(document);
        return users.create(tenantId(), document, passwordHash);
    }

    @Override
    protected UserEntity replace(UserEntity user, ObjectNode document) {
        RoleAssignment.applyTo(roleMapping(), document);
        appRoles.current().checkRoles(user.document(), document);
        return users.update(user, document, takePasswordHash(document));
    }

    @Override
    protected UserEntity patch(UserEntity user, List<PatchOperation> operations) {
        ObjectNode stored = user.document();
        ObjectNode document = stored.deepCopy();
        PatchEngine.apply(type(), document, RoleAssignment.apply(roleMapping(), operations), Map.of());
        ObjectNode checked = ResourceChecker.checkReplacement(type(), stored, document);
        appRoles.current().checkRoles(stored, checked);
        return users.update(user, checked, takePasswordHash(checked));
    }

    @Override
    protected void delete(UserEntity user) {
        users.delete(user);
    }

    @Override
    protected boolean derivesOnCreate() {
        return false;
    }

    @Override
    protected void addDerived(List<UserEntity> entities, Map<String, ObjectNode> documents, Projection projection) {
        if (!projection.includes("groups")) {
            return;
        }
        users.groupsOf(tenantId(), documents.keySet()).forEach((userId, groups) -> {
            ArrayNode array = documents.get(userId).putArray("groups");
            groups.forEach(g -> array.addObject()
                    .put("value", g.id())
                    .put("$ref", urls.resource("/Groups", g.id()))
                    .put("display", g.displayName())
                    .put("type", "direct"));
        });
    }

    /** The role mapping of the authenticated tenant, never of anything the request says. */
    private RoleMapping roleMapping() {
        return tenantSettings.of(tenantId()).roleMapping();
    }

    /** Removes the write-only password from a checked document and returns its hash, or null if none was sent. */
    private String takePasswordHash(ObjectNode document) {
        JsonNode password = document.remove("password");
        if (password == null) {
            return null;
        }
        if (password.asText().length() > 1024) {
            throw ScimException.invalidValue("The password is longer than 1024 characters");
        }
        return passwords.hash(tenantId(), password.asText());
    }
}
