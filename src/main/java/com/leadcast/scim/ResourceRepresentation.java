package com.leadcast.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.schema.ResourceType;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Builds the JSON representation of a resource (RFC 7643 §3): {@code schemas} naming the core schema and each
 * extension present, {@code id}, the stored attributes, and {@code meta} (RFC 7643 §3.1).
 */
public final class ResourceRepresentation {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ResourceRepresentation() {
    }

    /** The {@code meta} of a stored resource. {@code location} is the resource's absolute URI. */
    public record Meta(String id, Instant created, Instant lastModified, long version, String location) {
    }

    public static ObjectNode render(ResourceType type, Meta meta, ObjectNode attributes) {
        ObjectNode resource = JSON.objectNode();
        ArrayNode schemas = resource.putArray("schemas").add(type.schema().id());
        type.extensions().forEach(ext -> {
            if (attributes.has(ext.schema().id())) {
                schemas.add(ext.schema().id());
            }
        });
        resource.put("id", meta.id());
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) attributes::fields) {
            resource.set(field.getKey(), field.getValue());
        }
        ObjectNode metaNode = resource.putObject("meta");
        metaNode.put("resourceType", type.name());
        metaNode.put("created", timestamp(meta.created()));
        metaNode.put("lastModified", timestamp(meta.lastModified()));
        metaNode.put("location", meta.location());
        metaNode.put("version", version(meta.version()));
        return resource;
    }

    /** {@code meta.version}, also the resource's {@code ETag} (RFC 7644 §3.14): a weak entity tag. */
    public static String version(long version) {
        return "W/\"" + version + "\"";
    }

    /** xsd:dateTime in UTC with millisecond precision, e.g. {@code 2026-11-28T21:30:00.123Z}. */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
