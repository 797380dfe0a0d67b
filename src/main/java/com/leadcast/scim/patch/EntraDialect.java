package com.leadcast.scim.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.FilterException;
import com.leadcast.scim.filter.FilterParser;
import com.leadcast.scim.filter.PatchPath;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites the PATCH operations Microsoft Entra ID sends, in either of its dialects, into the RFC 7644 §3.5.2 shapes
 * {@link PatchEngine} applies. It runs once per request, between {@link PatchRequest#parse} and the engine, so that
 * the engine itself stays free of client quirks. Case-insensitive {@code op} names and {@code "True"}/{@code "False"}
 * booleans need nothing here: the request parser and the schema checker already accept them.
 *
 * <p>The rewrites, each a no-op for RFC-shaped requests:
 * <ul>
 *   <li>an unqualified name of an extension attribute the core schema lacks ({@code manager[value eq "…"]},
 *       {@code department}) is qualified with its extension's URN, in paths and in the keys of path-less values;</li>
 *   <li>an empty string value means "no value": it becomes {@code null}, which clears the attribute;</li>
 *   <li>an old-style wrapper {@code [{"value": "x"}]} sent to a single-valued simple attribute or to a
 *       sub-attribute ({@code emails[type eq "work"].value}) becomes {@code "x"};</li>
 *   <li>a role whose {@code value} is a JSON object serialised in a string (the default dialect's
 *       {@code SingleAppRoleAssignment} PATCH) becomes that role: {@code value}, {@code display} (from
 *       {@code displayName}), {@code type} and {@code primary}.</li>
 * </ul>
 */
public final class EntraDialect {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROLES = "roles";

    private final ResourceType type;

    private EntraDialect(ResourceType type) {
        this.type = type;
    }

    /** The operations with Entra's shapes rewritten for a resource of {@code type}; the input is not changed. */
    public static List<PatchOperation> normalise(ResourceType type, List<PatchOperation> operations) {
        EntraDialect dialect = new EntraDialect(type);
        List<PatchOperation> result = new ArrayList<>(operations.size());
        operations.forEach(operation -> result.add(dialect.normalise(operation)));
        return result;
    }

    private PatchOperation normalise(PatchOperation operation) {
        JsonNode value = operation.value();
        if (operation.path() == null) {
            return value instanceof ObjectNode object
                    ? new PatchOperation(operation.op(), null, pathLessValue(object))
                    : operation;
        }
        String path = qualified(operation.path());
        return new PatchOperation(operation.op(), path, value(path, value));
    }

    /** The keys of a path-less value are paths of their own (RFC 7644 §3.5.2.1): each is normalised as one. */
    private ObjectNode pathLessValue(ObjectNode value) {
        ObjectNode result = JSON.objectNode();
        for (var it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase("schemas") || type.extension(field.getKey()).isPresent()) {
                result.set(field.getKey(), field.getValue());
                continue;
            }
            String key = qualified(field.getKey());
            result.set(key, value(key, field.getValue()));
        }
        return result;
    }

    /** {@code path} with the URN of the extension defining its attribute, when unqualified and not in the core. */
    private String qualified(String path) {
        Optional<PatchPath> parsed = parse(path);
        if (parsed.isEmpty() || parsed.get().attribute().uri() != null) {
            return path;
        }
        String name = parsed.get().attribute().name();
        if (type.resolve(null, name).isPresent()) {
            return path;
        }
        for (SchemaExtension extension : type.extensions()) {
            if (extension.schema().attribute(name).isPresent()) {
                return extension.schema().id() + ":" + path;
            }
        }
        return path;
    }

    private JsonNode value(String path, JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual() && value.asText().isEmpty()) {
            return JSON.nullNode();
        }
        Optional<PatchPath> parsed = parse(path);
        if (parsed.isEmpty()) {
            return value;
        }
        AttrPath attrPath = parsed.get().attribute();
        Optional<Attribute> attribute = type.resolve(attrPath.uri(), attrPath.name())
                .map(ResourceType.AttributeRef::attribute);
        if (attribute.isEmpty()) {
            return value;
        }
        boolean toSubAttribute = parsed.get().subAttr() != null || attrPath.subAttr() != null;
        boolean toSimpleValue = toSubAttribute || !attribute.get().multiValued() && !attribute.get().isComplex();
        if (toSimpleValue) {
            return unwrapped(value);
        }
        if (attribute.get().name().equals(ROLES) && parsed.get().valueFilter() == null) {
            return roles(value);
        }
        return value;
    }

    /** {@code [{"value": "x"}]} or {@code [{"$ref": …, "value": "x"}]} where one simple value belongs: {@code "x"}. */
    private static JsonNode unwrapped(JsonNode value) {
        if (value.isArray() && value.size() == 1 && value.get(0).isObject() && value.get(0).has("value")) {
            JsonNode inner = value.get(0).get("value");
            return inner.isTextual() && inner.asText().isEmpty() ? JSON.nullNode() : inner;
        }
        return value;
    }

    private static JsonNode roles(JsonNode value) {
        if (!value.isArray() && !value.isObject()) {
            return value;
        }
        ArrayNode result = JSON.arrayNode();
        (value.isArray() ? value : JSON.arrayNode().add(value)).forEach(element -> result.add(role(element)));
        return value.isArray() ? result : result.get(0);
    }

    /** {@code {"value": "{\"id\":…,\"value\":\"Admin\",\"displayName\":\"Admin role\"}"}} → the role it holds. */
    private static JsonNode role(JsonNode element) {
        JsonNode serialised = element.isObject() ? element.get("value") : null;
        if (serialised == null || !serialised.isTextual() || !serialised.asText().trim().startsWith("{")) {
            return element;
        }
        JsonNode inner;
        try {
            inner = MAPPER.readTree(serialised.asText());
        } catch (JsonProcessingException e) {
            return element; // not JSON after all: a role value that happens to start with a brace
        }
        if (!(inner instanceof ObjectNode object) || !object.has("value")) {
            return element;
        }
        ObjectNode role = ((ObjectNode) element).deepCopy();
        role.remove("value");
        object.fields().forEachRemaining(f -> {
            String key = f.getKey().equalsIgnoreCase("displayName") ? "display" : f.getKey();
            if (!role.has(key)) {
                role.set(key, f.getValue());
            }
        });
        return role;
    }

    private static Optional<PatchPath> parse(String path) {
        try {
            return Optional.of(FilterParser.parsePath(path));
        } catch (FilterException e) {
            return Optional.empty(); // the engine reports it, with the operation's position
        }
    }
}
