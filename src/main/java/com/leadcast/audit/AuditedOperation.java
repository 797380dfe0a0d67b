package com.leadcast.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.leadcast.api.model.IssuedToken;
import com.leadcast.api.model.Tenant;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The writes the audit trail records, one row per business method of the {@link Audited} endpoints (the generated
 * interfaces' operation ids): the action and resource type an entry names, and where the method's arguments and
 * result hold the tenant, the resource id and the attributes written. A method not listed here (a read) is not
 * recorded.
 */
enum AuditedOperation {
    CREATE_USER("createUser", "create", "User", Tenancy.CALLER, Id.RESULT, Written.RESOURCE),
    REPLACE_USER("replaceUser", "replace", "User", Tenancy.CALLER, Id.FIRST, Written.RESOURCE),
    PATCH_USER("patchUser", "patch", "User", Tenancy.CALLER, Id.FIRST, Written.PATCH),
    DELETE_USER("deleteUser", "delete", "User", Tenancy.CALLER, Id.FIRST, Written.NOTHING),
    CREATE_GROUP("createGroup", "create", "Group", Tenancy.CALLER, Id.RESULT, Written.RESOURCE),
    REPLACE_GROUP("replaceGroup", "replace", "Group", Tenancy.CALLER, Id.FIRST, Written.RESOURCE),
    PATCH_GROUP("patchGroup", "patch", "Group", Tenancy.CALLER, Id.FIRST, Written.PATCH),
    DELETE_GROUP("deleteGroup", "delete", "Group", Tenancy.CALLER, Id.FIRST, Written.NOTHING),

    CREATE_TENANT("createTenant", "tenant.create", "Tenant", Tenancy.RESULT, Id.RESULT, Written.PROPERTIES),
    UPDATE_TENANT("updateTenant", "tenant.update", "Tenant", Tenancy.FIRST, Id.FIRST, Written.PROPERTIES),
    DELETE_TENANT("deleteTenant", "tenant.delete", "Tenant", Tenancy.FIRST, Id.FIRST, Written.NOTHING),
    CREATE_TOKEN("createToken", "token.create", "Token", Tenancy.FIRST, Id.RESULT, Written.PROPERTIES),
    REVOKE_TOKEN("revokeToken", "token.revoke", "Token", Tenancy.FIRST, Id.SECOND, Written.NOTHING),
    REPLACE_APP_ROLES("replaceAppRoles", "appRoles.replace", "AppRoles", Tenancy.NONE, Id.NONE, Written.NOTHING);

    /** Only for the names of an admin request's properties: present (non-null) ones, dates as text. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final Map<String, AuditedOperation> BY_METHOD = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(o -> o.method, Function.identity()));

    /** Where an entry's tenant comes from. */
    enum Tenancy { CALLER, FIRST, RESULT, NONE }

    /** Where an entry's resource id comes from. */
    enum Id { FIRST, SECOND, RESULT, NONE }

    /** How the attributes written are read from the request body (the method's last argument). */
    enum Written { RESOURCE, PATCH, PROPERTIES, NOTHING }

    private final String method;
    private final String action;
    private final String resourceType;
    private final Tenancy tenancy;
    private final Id id;
    private final Written written;

    AuditedOperation(String method, String action, String resourceType, Tenancy tenancy, Id id, Written written) {
        this.method = method;
        this.action = action;
        this.resourceType = resourceType;
        this.tenancy = tenancy;
        this.id = id;
        this.written = written;
    }

    /** The write a business method named {@code method} makes; empty for a read. */
    static Optional<AuditedOperation> of(String method) {
        return Optional.ofNullable(BY_METHOD.get(method));
    }

    String action() {
        return action;
    }

    String resourceType() {
        return resourceType;
    }

    Tenancy tenancy() {
        return tenancy;
    }

    /** The audit API's names of every action, for checking a filter. */
    static List<String> actions() {
        return Stream.of(values()).map(AuditedOperation::action).distinct().toList();
    }

    /** The tenant of a call with {@code arguments} that answered {@code result} (null when refused). */
    String tenant(Object[] arguments, Response result) {
        return switch (tenancy) {
            case FIRST -> text(arguments, 0);
            case RESULT -> resultId(result);
            case CALLER, NONE -> null;
        };
    }

    /** The id of the resource written by a call with {@code arguments} that answered {@code result}. */
    String resourceId(Object[] arguments, Response result) {
        return switch (id) {
            case FIRST -> text(arguments, 0);
            case SECOND -> text(arguments, 1);
            case RESULT -> resultId(result);
            case NONE -> null;
        };
    }

    /** The attribute paths the call's body (its last argument) writes. */
    List<String> attributes(Object[] arguments) {
        Object body = arguments.length == 0 ? null : arguments[arguments.length - 1];
        return switch (written) {
            case RESOURCE -> body instanceof ObjectNode node ? WrittenAttributes.ofResource(node) : List.of();
            case PATCH -> body instanceof ObjectNode node ? WrittenAttributes.ofPatch(node) : List.of();
            case PROPERTIES -> body == null ? List.of() : WrittenAttributes.ofProperties(tree(body));
            case NOTHING -> List.of();
        };
    }

    private static JsonNode tree(Object body) {
        return body instanceof JsonNode node ? node : JSON.valueToTree(body);
    }

    private static String text(Object[] arguments, int index) {
        return arguments.length > index && arguments[index] instanceof String text ? text : null;
    }

    private static String resultId(Response result) {
        Object entity = result == null ? null : result.getEntity();
        if (entity instanceof ObjectNode resource) {
            return resource.path("id").textValue();
        }
        if (entity instanceof Tenant tenant) {
            return tenant.getId();
        }
        if (entity instanceof IssuedToken token) {
            return token.getId();
        }
        return null;
    }
}
