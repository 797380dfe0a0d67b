package com.leadcast.scim.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimUrns;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.FilterException;
import com.leadcast.scim.filter.FilterParser;
import com.leadcast.scim.filter.PatchPath;
import com.leadcast.scim.patch.PatchOperation;
import com.leadcast.scim.patch.PatchOperation.Op;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tenant's {@link RoleMapping} applied to the roles a request asserts. Under {@link RoleMapping#SINGLE} a user
 * holds one role:
 * <ul>
 *   <li>in a PATCH, every {@code add} or {@code replace} that asserts roles, whatever shape Entra gives it
 *       ({@code roles} with an array, {@code roles[primary eq "True"].value}, a path-less {@code {"roles": …}}),
 *       becomes {@code replace roles [{…the role asserted…, "primary": true}]}; {@code remove} is left alone;</li>
 *   <li>a POST or PUT that carries several roles keeps only the role asserted, marked primary.</li>
 * </ul>
 * The role asserted by several is the one marked {@code primary} (the target of Entra's
 * {@code roles[primary eq "True"].value} mapping), otherwise the last one listed.
 *
 * <p>Why a rewrite of operations and not a fix-up of the patched document: the operations still say which role
 * was asserted last, the document no longer does (an {@code add} of a role the user already holds changes
 * nothing in it). The {@link com.leadcast.scim.patch.PatchEngine} then stays RFC 7644 only, and the rewrite runs
 * once, after {@link com.leadcast.scim.patch.EntraDialect} has turned serialised roles into role objects.
 */
public final class RoleAssignment {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ROLES = "roles";

    private RoleAssignment() {
    }

    /**
     * {@code document} (a User being created or replaced, changed in place) as {@code mapping} means it: under
     * {@link RoleMapping#SINGLE} several roles become the one asserted. One role, or none, is left exactly as sent.
     */
    public static ObjectNode applyTo(RoleMapping mapping, ObjectNode document) {
        if (mapping != RoleMapping.SINGLE) {
            return document;
        }
        List<String> keys = new ArrayList<>();
        document.fieldNames().forEachRemaining(key -> {
            if (isRoles(key)) {
                keys.add(key);
            }
        });
        for (String key : keys) {
            JsonNode roles = document.get(key);
            if (roles.isArray() && roles.size() > 1) {
                ObjectNode role = oneRole(assertedRole(roles));
                document.set(key, JSON.arrayNode().add(role));
            }
        }
        return document;
    }

    /** {@code operations} as {@code mapping} means them; unchanged for {@link RoleMapping#MULTIPLE}. */
    public static List<PatchOperation> apply(RoleMapping mapping, List<PatchOperation> operations) {
        if (mapping != RoleMapping.SINGLE) {
            return operations;
        }
        List<PatchOperation> result = new ArrayList<>(operations.size());
        operations.forEach(operation -> single(operation, result));
        return result;
    }

    private static void single(PatchOperation operation, List<PatchOperation> result) {
        if (operation.op() == Op.REMOVE) {
            result.add(operation);
        } else if (operation.path() == null) {
            pathLess(operation, result);
        } else {
            result.add(withPath(operation));
        }
    }

    /** A path-less value's roles key becomes an operation of its own, after the other keys. */
    private static void pathLess(PatchOperation operation, List<PatchOperation> result) {
        if (!(operation.value() instanceof ObjectNode value)) {
            result.add(operation);
            return;
        }
        ObjectNode others = JSON.objectNode();
        JsonNode roles = null;
        for (var it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (isRoles(field.getKey())) {
                roles = field.getValue();
            } else {
                others.set(field.getKey(), field.getValue());
            }
        }
        if (roles == null) {
            result.add(operation);
            return;
        }
        if (!others.isEmpty()) {
            result.add(new PatchOperation(operation.op(), null, others));
        }
        result.add(oneRole(new PatchOperation(operation.op(), ROLES, roles), assertedRole(roles)));
    }

    private static PatchOperation withPath(PatchOperation operation) {
        PatchPath path;
        try {
            path = FilterParser.parsePath(operation.path());
        } catch (FilterException e) {
            return operation; // the engine reports it, with the operation's position
        }
        AttrPath attribute = path.attribute();
        if (!isRoles(attribute.uri() == null ? attribute.name() : attribute.uri() + ":" + attribute.name())) {
            return operation;
        }
        String subAttr = path.subAttr() != null ? path.subAttr() : attribute.subAttr();
        if (subAttr == null) {
            return oneRole(operation, assertedRole(operation.value()));
        }
        if (!subAttr.equalsIgnoreCase("value")) {
            return operation; // roles[primary eq "True"].display and the like qualify the one role, as the RFC says
        }
        JsonNode value = operation.value();
        if (value == null || value.isNull()) {
            return new PatchOperation(Op.REMOVE, ROLES, null); // "the role is now none"
        }
        return oneRole(operation, JSON.objectNode().set("value", value));
    }

    /** {@code replace roles [role + primary]}, or {@code operation} unchanged when it asserts no role. */
    private static PatchOperation oneRole(PatchOperation operation, JsonNode role) {
        if (role == null) {
            return operation;
        }
        return new PatchOperation(Op.REPLACE, ROLES, JSON.arrayNode().add(oneRole(role)));
    }

    /** {@code role} as the user's one role: an object marked {@code primary}. */
    private static ObjectNode oneRole(JsonNode role) {
        ObjectNode element = role.isObject() ? ((ObjectNode) role).deepCopy() : JSON.objectNode().set("value", role);
        element.put("primary", true);
        return element;
    }

    /** Of several roles, the one marked primary, else the last listed; null when {@code value} holds none. */
    private static JsonNode assertedRole(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            return value;
        }
        for (JsonNode role : value) {
            JsonNode primary = role.get("primary");
            if (primary != null && (primary.asBoolean(false) || primary.asText().equalsIgnoreCase("true"))) {
                return role;
            }
        }
        return value.isEmpty() ? null : value.get(value.size() - 1);
    }

    private static boolean isRoles(String name) {
        return name.equalsIgnoreCase(ROLES) || name.equalsIgnoreCase(ScimUrns.USER + ":" + ROLES);
    }
}
