package com.leadcast.scim.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.Returned;
import com.leadcast.scim.schema.SchemaExtension;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code attributes} and {@code excludedAttributes} parameters of RFC 7644 §3.4.2.5 applied to a resource
 * representation, honouring each attribute's {@code returned} characteristic (RFC 7643 §7): {@code always} is
 * always returned, {@code never} never, {@code request} only when named in {@code attributes}, {@code default}
 * unless excluded or unless {@code attributes} names others. Names the resource type does not know are ignored.
 */
public final class Projection {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ResourceType type;
    /** Keys "urn|attribute" and "urn|attribute.sub", lower case; urn is empty for core and common attributes. */
    private final Set<String> requested;
    private final Set<String> excluded;

    private Projection(ResourceType type, Set<String> requested, Set<String> excluded) {
        this.type = type;
        this.requested = requested;
        this.excluded = excluded;
    }

    /** A projection from the raw parameter values; either may be null or blank. */
    public static Projection of(ResourceType type, String attributes, String excludedAttributes) {
        Set<String> requested = keys(type, attributes);
        Set<String> excluded = requested.isEmpty() ? keys(type, excludedAttributes) : Set.of();
        return new Projection(type, requested, excluded);
    }

    /** Whether the top-level core attribute {@code name} appears in the answer at all: lets callers skip loading it. */
    public boolean includes(String name) {
        return type.resolve(null, name).map(a -> decide("", a.attribute()) != Decision.OMIT).orElse(false);
    }

    /**
     * Whether the top-level core attribute {@code name} appears with all its sub-attributes: then {@link #apply}
     * passes its value through as it is, which lets a caller hand it over in a form other than a JSON tree.
     */
    public boolean includesWhole(String name) {
        return type.resolve(null, name).map(a -> decide("", a.attribute()) == Decision.WHOLE).orElse(false);
    }

    /** A new representation holding what the client asked to see of {@code resource}. */
    public ObjectNode apply(ObjectNode resource) {
        ObjectNode result = JSON.objectNode();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) resource::fields) {
            String key = field.getKey();
            if (key.equals("schemas")) {
                result.set(key, field.getValue());
                continue;
            }
            Optional<SchemaExtension> extension = key.contains(":") ? type.extension(key) : Optional.empty();
            if (extension.isPresent()) {
                ObjectNode block = projectExtension(extension.get(), field.getValue());
                if (!block.isEmpty()) {
                    result.set(key, block);
                }
                continue;
            }
            type.resolve(null, key).ifPresent(ref -> {
                JsonNode value = project("", ref.attribute(), field.getValue());
                if (value != null) {
                    result.set(key, value);
                }
            });
        }
        return result;
    }

    private ObjectNode projectExtension(SchemaExtension extension, JsonNode block) {
        String urn = extension.schema().id().toLowerCase(Locale.ROOT);
        ObjectNode result = JSON.objectNode();
        block.fields().forEachRemaining(field -> extension.schema().attribute(field.getKey()).ifPresent(a -> {
            JsonNode value = project(urn, a, field.getValue());
            if (value != null) {
                result.set(field.getKey(), value);
            }
        }));
        return result;
    }

    private enum Decision { OMIT, WHOLE, SOME_SUB_ATTRIBUTES }

    private JsonNode project(String urn, Attribute attribute, JsonNode value) {
        return switch (decide(urn, attribute)) {
            case OMIT -> null;
            case WHOLE -> value;
            case SOME_SUB_ATTRIBUTES -> projectSubAttributes(urn, attribute, value);
        };
    }

    private Decision decide(String urn, Attribute attribute) {
        String key = urn + "|" + attribute.name().toLowerCase(Locale.ROOT);
        Returned returned = attribute.returned();
        if (returned == Returned.NEVER) {
            return Decision.OMIT;
        }
        if (returned == Returned.ALWAYS) {
            return Decision.WHOLE;
        }
        if (!requested.isEmpty()) {
            if (requested.contains(key) || (!urn.isEmpty() && requested.contains(urn + "|"))) {
                return Decision.WHOLE;
            }
            return hasSubKey(requested, key) ? Decision.SOME_SUB_ATTRIBUTES : Decision.OMIT;
        }
        if (returned == Returned.REQUEST || excluded.contains(key) || (!urn.isEmpty() && excluded.contains(urn + "|"))) {
            return Decision.OMIT;
        }
        return hasSubKey(excluded, key) ? Decision.SOME_SUB_ATTRIBUTES : Decision.WHOLE;
    }

    private static boolean hasSubKey(Set<String> keys, String key) {
        return keys.stream().anyMatch(k -> k.startsWith(key + "."));
    }

    private JsonNode projectSubAttributes(String urn, Attribute attribute, JsonNode value) {
        String prefix = urn + "|" + attribute.name().toLowerCase(Locale.ROOT) + ".";
        if (value.isArray()) {
            ArrayNode result = JSON.arrayNode();
            value.forEach(element -> {
                ObjectNode projected = projectObject(attribute, element, prefix);
                if (!projected.isEmpty()) {
                    result.add(projected);
                }
            });
            return result.isEmpty() ? null : result;
        }
        ObjectNode projected = projectObject(attribute, value, prefix);
        return projected.isEmpty() ? null : projected;
    }

    private ObjectNode projectObject(Attribute attribute, JsonNode value, String prefix) {
        ObjectNode result = JSON.objectNode();
        value.fields().forEachRemaining(field -> attribute.subAttribute(field.getKey()).ifPresent(sub -> {
            String key = prefix + sub.name().toLowerCase(Locale.ROOT);
            boolean keep = sub.returned() == Returned.ALWAYS
                    || (sub.returned() != Returned.NEVER && (requested.isEmpty()
                    ? !excluded.contains(key) && sub.returned() != Returned.REQUEST
                    : requested.contains(key)));
            if (keep) {
                result.set(field.getKey(), field.getValue());
            }
        }));
        return result;
    }

    private static Set<String> keys(ResourceType type, String parameter) {
        Set<String> keys = new HashSet<>();
        if (parameter == null || parameter.isBlank()) {
            return keys;
        }
        Arrays.stream(parameter.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(path -> keys.add(key(type, path)));
        return keys;
    }

    private static String key(ResourceType type, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String urn : type.schemaUrns()) {
            String u = urn.toLowerCase(Locale.ROOT);
            boolean core = urn.equals(type.schema().id());
            if (lower.equals(u)) {
                return core ? "|" : u + "|";
            }
            if (lower.startsWith(u + ":")) {
                return (core ? "" : u) + "|" + lower.substring(u.length() + 1);
            }
        }
        return "|" + lower;
    }
}
