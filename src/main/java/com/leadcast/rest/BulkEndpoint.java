package com.leadcast.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.api.BulkApi;
import com.leadcast.api.GroupsApi;
import com.leadcast.api.UsersApi;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimUrns;
import com.leadcast.security.Roles;
import com.leadcast.transport.RequestLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /Bulk} (RFC 7644 §3.7). Each operation runs in a transaction of its own through the same endpoints as a
 * single request, so it obeys the same rules and either happens completely or not at all. Operations may refer to
 * resources created in the same request by {@code "bulkId:<id>"} (in their path or anywhere in their data); an
 * operation whose reference is not yet created waits for it, so a group may come before the users it contains.
 * Processing stops once {@code failOnErrors} operations have failed.
 */
@Stateless
@RolesAllowed(Roles.SCIM_CLIENT)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // one transaction per operation, not one for all
public class BulkEndpoint implements BulkApi {

    /** {@code bulk.maxOperations} of the ServiceProviderConfig. */
    public static final int MAX_OPERATIONS = 1000;
    /**
     * {@code bulk.maxPayloadSize} of the ServiceProviderConfig, in bytes: the limit of every request body, which the
     * transport enforces before the body reaches an endpoint ({@link com.leadcast.transport.RequestLimits}).
     */
    public static final int MAX_PAYLOAD_SIZE = RequestLimits.MAX_BODY_BYTES;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String BULK_ID_PREFIX = "bulkId:";

    @EJB
    UsersApi users;

    @EJB
    GroupsApi groups;

    @Inject
    PublicUrls urls;

    /** One operation of the request, and what became of it. */
    private static final class Operation {
        final int index;
        final ObjectNode spec;
        ObjectNode result;

        Operation(int index, ObjectNode spec) {
            this.index = index;
            this.spec = spec;
        }

        String method() {
            return spec.path("method").asText("").toUpperCase(Locale.ROOT);
        }

        String bulkId() {
            JsonNode bulkId = spec.get("bulkId");
            return bulkId == null || bulkId.isNull() ? null : bulkId.asText();
        }
    }

    @Override
    public Response processBulk(ObjectNode body) {
        List<Operation> operations = parse(body);
        int failOnErrors = failOnErrors(body);
        Map<String, String> created = new HashMap<>();
        Map<String, Operation> declared = new HashMap<>();
        operations.forEach(op -> {
            if (op.method().equals("POST") && op.bulkId() != null) {
                declared.putIfAbsent(op.bulkId(), op);
            }
        });

        int errors = 0;
        List<Operation> pending = new ArrayList<>(operations);
        boolean progress = true;
        while (!pending.isEmpty() && progress && errors < failOnErrors) {
            progress = false;
            for (Operation op : new ArrayList<>(pending)) {
                if (errors >= failOnErrors) {
                    break;
                }
                String unresolved = unresolvedReference(op.spec, created);
                Operation provider = unresolved == null ? null : declared.get(unresolved);
                if (unresolved != null && provider != null && provider.result == null) {
                    continue; // waits for the operation that creates it
                }
                pending.remove(op);
                progress = true;
                op.result = unresolved == null ? execute(op, created)
                        : failure(op, new ScimException(409, null, "Operations[" + op.index + "] refers to \"bulkId:"
                        + unresolved + "\", which no successful POST of this request created"));
                if (!op.result.path("status").asText().startsWith("2")) {
                    errors++;
                }
            }
        }
        if (errors < failOnErrors) {
            pending.forEach(op -> op.result = failure(op, new ScimException(409, null, "Operations[" + op.index
                    + "] has a circular bulkId reference that cannot be resolved")));
        }

        ObjectNode response = JSON.objectNode();
        response.putArray("schemas").add(ScimUrns.BULK_RESPONSE);
        ArrayNode results = response.putArray("Operations");
        operations.stream().filter(op -> op.result != null).forEach(op -> results.add(op.result));
        return Response.ok(response, ScimMediaType.SCIM_JSON_TYPE).build();
    }

    // --- the request --------------------------------------------------------------------------------------------

    private List<Operation> parse(ObjectNode body) {
        if (body == null) {
            throw ScimException.invalidSyntax("The bulk request has no body: send a BulkRequest message");
        }
        JsonNode schemas = body.get("schemas");
        if (schemas != null && !schemas.toString().contains(ScimUrns.BULK_REQUEST)) {
            throw ScimException.invalidSyntax("\"schemas\" must contain " + ScimUrns.BULK_REQUEST);
        }
        JsonNode operations = body.get("Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("The BulkRequest needs a non-empty \"Operations\" array");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw new ScimException(413, null, "The bulk request has " + operations.size() + " operations; at most "
                    + MAX_OPERATIONS + " are accepted (ServiceProviderConfig bulk.maxOperations)");
        }
        List<Operation> result = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            JsonNode op = operations.get(i);
            result.add(new Operation(i, op.isObject() ? (ObjectNode) op : JSON.objectNode()));
        }
        return result;
    }

    private static int failOnErrors(ObjectNode body) {
        JsonNode value = body.get("failOnErrors");
        if (value == null || value.isNull()) {
            return Integer.MAX_VALUE;
        }
        if (!value.canConvertToInt() || value.asInt() < 1) {
            throw ScimException.invalidValue("\"failOnErrors\" must be a positive integer");
        }
        return value.asInt();
    }

    // --- one operation ------------------------------------------------------------------------------------------

    private ObjectNode execute(Operation op, Map<String, String> created) {
        try {
            ObjectNode spec = (ObjectNode) resolve(op.spec, created);
            String method = op.method();
            String path = spec.path("path").asText("");
            String[] parts = path.replaceFirst("^/", "").split("/");
            boolean usersPath = parts[0].equals("Users");
            if (!usersPath && !parts[0].equals("Groups") || parts.length > 2) {
                throw ScimException.invalidPath("Operations[" + op.index + "].path must be /Users, /Groups, "
                        + "/Users/{id} or /Groups/{id}, not '" + path + "'");
            }
            String id = parts.length == 2 ? parts[1] : null;
            String version = spec.hasNonNull("version") ? spec.get("version").asText() : null;
            ObjectNode data = spec.get("data") instanceof ObjectNode d ? d : null;
            Response response = switch (method) {
                case "POST" -> {
                    requireNoId(op, id, method);
                    if (op.bulkId() == null) {
                        throw ScimException.invalidSyntax("Operations[" + op.index + "]: a POST needs a \"bulkId\"");
                    }
                    yield usersPath ? users.createUser(requireData(op, data)) : groups.createGroup(requireData(op, data));
                }
                case "PUT" -> usersPath ? users.replaceUser(requireId(op, id), version, requireData(op, data))
                        : groups.replaceGroup(requireId(op, id), version, requireData(op, data));
                case "PATCH" -> usersPath ? users.patchUser(requireId(op, id), version, null, null, requireData(op, data))
                        : groups.patchGroup(requireId(op, id), version, null, null, requireData(op, data));
                case "DELETE" -> usersPath ? users.deleteUser(requireId(op, id), version)
                        : groups.deleteGroup(requireId(op, id), version);
                default -> throw ScimException.invalidSyntax("Operations[" + op.index + "].method must be POST, PUT, "
                        + "PATCH or DELETE");
            };
            return success(op, response, usersPath, id, created);
        } catch (ScimException e) {
            return failure(op, e);
        } catch (RuntimeException e) {
            // as the request's own failure would be answered: 503 when the database is unavailable or contended, a
            // logged 500 (without messages that may quote values) otherwise
            return failure(op, ErrorMapper.translate(e));
        }
    }

    private ObjectNode success(Operation op, Response response, boolean usersPath, String id, Map<String, String> created) {
        ObjectNode result = entry(op);
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        if (location == null && response.getEntity() instanceof JsonNode resource) {
            location = resource.path("meta").path("location").asText(null);
        }
        if (location == null && id != null) {
            location = urls.resource(usersPath ? "/Users" : "/Groups", id);
        }
        if (op.method().equals("POST") && location != null) {
            created.put(op.bulkId(), location.substring(location.lastIndexOf('/') + 1));
        }
        if (location != null) {
            result.put("location", location);
        }
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (etag != null) {
            result.put("version", etag);
        }
        result.put("status", String.valueOf(response.getStatus()));
        return result;
    }

    private ObjectNode failure(Operation op, ScimException e) {
        ObjectNode result = entry(op);
        result.put("status", String.valueOf(e.status()));
        result.set("response", ScimErrors.body(e.status(), e.scimType() == null ? null : e.scimType().wireName(),
                e.detail()));
        return result;
    }

    private static ObjectNode entry(Operation op) {
        ObjectNode result = JSON.objectNode();
        result.put("method", op.method());
        if (op.bulkId() != null) {
            result.put("bulkId", op.bulkId());
        }
        return result;
    }

    private static ObjectNode requireData(Operation op, ObjectNode data) {
        if (data == null) {
            throw ScimException.invalidSyntax("Operations[" + op.index + "]: " + op.method() + " needs \"data\"");
        }
        return data;
    }

    private static String requireId(Operation op, String id) {
        if (id == null) {
            throw ScimException.invalidPath("Operations[" + op.index + "]: " + op.method() + " needs a path with the "
                    + "resource id, e.g. /Users/{id}");
        }
        return id;
    }

    private static void requireNoId(Operation op, String id, String method) {
        if (id != null) {
            throw ScimException.invalidPath("Operations[" + op.index + "]: " + method + " goes to /Users or /Groups");
        }
    }

    // --- bulkId references --------------------------------------------------------------------------------------

    /** The first "bulkId:x" in the operation's path or data that is not created yet, or null. */
    private static String unresolvedReference(JsonNode node, Map<String, String> created) {
        if (node.isTextual() && node.asText().startsWith(BULK_ID_PREFIX)) {
            String bulkId = node.asText().substring(BULK_ID_PREFIX.length());
            return created.containsKey(bulkId) ? null : bulkId;
        }
        if (node.isTextual() && node.asText().contains("/" + BULK_ID_PREFIX)) {
            return unresolvedReference(JSON.textNode(node.asText().substring(node.asText().indexOf(BULK_ID_PREFIX))),
                    created);
        }
        for (JsonNode child : node) {
            String found = unresolvedReference(child, created);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A copy of {@code node} with every "bulkId:x" replaced by the id created for x. */
    private static JsonNode resolve(JsonNode node, Map<String, String> created) {
        if (node.isTextual()) {
            String text = node.asText();
            int at = text.indexOf(BULK_ID_PREFIX);
            if (at == 0 || (at > 0 && text.charAt(at - 1) == '/')) {
                String id = created.get(text.substring(at + BULK_ID_PREFIX.length()));
                return id == null ? node : JSON.textNode(text.substring(0, at) + id);
            }
            return node;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.objectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), resolve(f.getValue(), created)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.arrayNode();
            node.forEach(e -> copy.add(resolve(e, created)));
            return copy;
        }
        return node;
    }
}
