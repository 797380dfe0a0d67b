package com.leadcast.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a resource representation a client wrote (POST, PUT, or the result of a PATCH) against its resource type
 * and returns it normalised: canonical attribute names, extension blocks under their canonical URN, values of the
 * declared types, no nulls, no empty values, nothing read-only (RFC 7643 §2, §7; RFC 7644 §3.3).
 *
 * <p>Where clients are known to be loose the checker coerces rather than refuses, because a refused attribute makes
 * an identity provider retry the whole request forever: booleans sent as {@code "True"}/{@code "False"}, numbers
 * sent where strings are declared, a single value where a list is declared, and a bare value where a complex
 * attribute has a {@code value} sub-attribute. Attributes no schema declares are dropped. Values of the declared
 * type are kept exactly as sent.
 */
public final class ResourceChecker {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ResourceChecker() {
    }

    /** Checks {@code input} as a complete resource of {@code type} and returns its normalised copy. */
    public static ObjectNode check(ResourceType type, ObjectNode input) {
        ObjectNode result = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                continue;
            }
            if (key.contains(":")) {
                type.extension(key).ifPresent(ext -> {
                    ObjectNode block = extensionBlock(ext, field.getValue());
                    if (!block.isEmpty()) {
                        result.set(ext.schema().id(), block);
                    }
                });
                continue;
            }
            type.resolve(null, key).ifPresent(ref -> put(result, ref.attribute(), field.getValue(), ref.attribute().name()));
        }
        requireAll(type.schema().attributes(), result, "");
        return result;
    }

    /**
     * Checks {@code input} as the new state of a stored resource (PUT, or the result of a PATCH): as
     * {@link #check(ResourceType, ObjectNode)}, and an {@code immutable} attribute that has a value keeps it
     * (RFC 7643 §7: it may be set once, then never changed). Multi-valued attributes are not compared: their values
     * have no identity to hold on to.
     */
    public static ObjectNode checkReplacement(ResourceType type, ObjectNode stored, ObjectNode input) {
        ObjectNode checked = check(type, input);
        requireImmutablesKept(type.schema().attributes(), stored, checked, "");
        for (SchemaExtension extension : type.extensions()) {
            String urn = extension.schema().id();
            requireImmutablesKept(extension.schema().attributes(), stored.path(urn), checked.path(urn), urn + ":");
        }
        return checked;
    }

    private static void requireImmutablesKept(Iterable<Attribute> attributes, JsonNode before, JsonNode after,
                                              String prefix) {
        for (Attribute attribute : attributes) {
            if (attribute.multiValued()) {
                continue;
            }
            JsonNode old = before.get(attribute.name());
            JsonNode now = after.get(attribute.name());
            if (attribute.mutability() == Mutability.IMMUTABLE && old != null && !old.equals(now)) {
                throw ScimException.mutability("'" + prefix + attribute.name() + "' is immutable: it was set to " + old
                        + " and cannot change");
            }
            if (attribute.isComplex() && old != null && now != null) {
                requireImmutablesKept(attribute.subAttributes(), old, now, prefix + attribute.name() + ".");
            }
        }
    }

    /**
     * Checks one attribute value and returns it normalised, or {@code null} when it amounts to no value.
     * {@code where} names the attribute in error details.
     */
    public static JsonNode value(Attribute attribute, JsonNode value, String where) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (attribute.multiValued()) {
            return multiValue(attribute, value, where);
        }
        if (value.isArray()) {
            // a one-element list where one value is declared (Entra sends manager that way at times)
            if (value.size() == 1) {
                return singleValue(attribute, value.get(0), where);
            }
            if (value.isEmpty()) {
                return null;
            }
            throw ScimException.invalidValue("Attribute '" + where + "' takes a single value, not a list of "
                    + value.size());
        }
        return singleValue(attribute, value, where);
    }

    private static ObjectNode extensionBlock(SchemaExtension extension, JsonNode block) {
        String urn = extension.schema().id();
        if (block.isNull()) {
            return JSON.objectNode();
        }
        if (!block.isObject()) {
            throw ScimException.invalidValue("'" + urn + "' must be a JSON object holding the extension's attributes");
        }
        ObjectNode result = JSON.objectNode();
        block.fields().forEachRemaining(field -> extension.schema().attribute(field.getKey())
                .ifPresent(a -> put(result, a, field.getValue(), urn + ":" + a.name())));
        return result;
    }

    private static void put(ObjectNode target, Attribute attribute, JsonNode value, String where) {
        if (attribute.mutability() == Mutability.READ_ONLY) {
            return;
        }
        JsonNode checked = value(attribute, value, where);
        if (checked != null) {
            target.set(attribute.name(), checked);
        }
    }

    private static JsonNode multiValue(Attribute attribute, JsonNode value, String where) {
        ArrayNode result = JSON.arrayNode();
        JsonNode elements = value.isArray() ? value : JSON.arrayNode().add(value);
        int primaries = 0;
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = singleValue(attribute, elements.get(i), where + "[" + i + "]");
            if (element != null) {
                result.add(element);
                if (element.path("primary").asBoolean(false)) {
                    primaries++;
                }
            }
        }
        if (primaries > 1) {
            throw ScimException.invalidValue("Attribute '" + where + "' has " + primaries
                    + " values marked primary; at most one may be (RFC 7643 §2.4)");
        }
        return result.isEmpty() ? null : result;
    }

    private static JsonNode singleValue(Attribute attribute, JsonNode value, String where) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (attribute.type()) {
            case COMPLEX -> complex(attribute, value, where);
            case STRING, REFERENCE, BINARY -> text(value, where);
            case BOOLEAN -> bool(value, where);
            case INTEGER -> integer(value, where);
            case DECIMAL -> decimal(value, where);
            case DATE_TIME -> dateTime(value, where);
        };
    }

    private static JsonNode complex(Attribute attribute, JsonNode value, String where) {
        if (value.isValueNode()) {
            if (attribute.subAttribute("value").isEmpty()) {
                throw ScimException.invalidValue("Attribute '" + where + "' is complex: send a JSON object with "
                        + "its sub-attributes");
            }
            value = JSON.objectNode().set("value", value);
        }
        if (!value.isObject()) {
            throw ScimException.invalidValue("Attribute '" + where + "' must be a JSON object");
        }
        ObjectNode result = JSON.objectNode();
        value.fields().forEachRemaining(field -> attribute.subAttribute(field.getKey())
                .ifPresent(sub -> put(result, sub, field.getValue(), where + "." + sub.name())));
        if (result.isEmpty()) {
            return null;
        }
        requireAll(attribute.subAttributes(), result, where + ".");
        return result;
    }

    private static JsonNode text(JsonNode value, String where) {
        if (value.isTextual()) {
            return value.asText().isEmpty() ? null : value;
        }
        if (value.isNumber() || value.isBoolean()) {
            return JSON.textNode(value.asText());
        }
        throw ScimException.invalidValue("Attribute '" + where + "' must be a string");
    }

    private static JsonNode bool(JsonNode value, String where) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isTextual()) {
            String text = value.asText().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return JSON.booleanNode(text.equals("true"));
            }
        }
        throw ScimException.invalidValue("Attribute '" + where + "' must be a boolean (true or false), got " + value);
    }

    private static JsonNode integer(JsonNode value, String where) {
        try {
            if (value.isIntegralNumber()) {
                return value;
            }
            if (value.isTextual()) {
                return JSON.numberNode(Long.parseLong(value.asText().trim()));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ScimException.invalidValue("Attribute '" + where + "' must be an integer, got " + value);
    }

    private static JsonNode decimal(JsonNode value, String where) {
        try {
            if (value.isNumber()) {
                return value;
            }
            if (value.isTextual()) {
                return JSON.numberNode(new BigDecimal(value.asText().trim()));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ScimException.invalidValue("Attribute '" + where + "' must be a decimal number, got " + value);
    }

    private static JsonNode dateTime(JsonNode value, String where) {
        if (value.isTextual()) {
            try {
                OffsetDateTime.parse(value.asText());
                return value;
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        throw ScimException.invalidValue("Attribute '" + where + "' must be an xsd:dateTime such as "
                + "2026-01-31T12:00:00Z, got " + value);
    }

    private static void requireAll(Iterable<Attribute> attributes, ObjectNode values, String prefix) {
        for (Attribute attribute : attributes) {
            if (attribute.required() && attribute.mutability() != Mutability.READ_ONLY
                    && !values.has(attribute.name())) {
                throw ScimException.invalidValue("Attribute '" + prefix + attribute.name() + "' is required");
            }
        }
    }
}
