package com.leadcast.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * How much one stored resource may hold, whatever request built it (POST, PUT, PATCH, Bulk): its document at most
 * {@value #MAX_DOCUMENT_BYTES} bytes of UTF-8 JSON, and each multi-valued attribute at most
 * {@value #MAX_VALUES_PER_ATTRIBUTE} values. Group members are rows of their own and not counted. These bound what
 * a write indexes and what a list page holds in memory ({@code count} resources of at most this size); the README
 * publishes them. A document beyond them is refused before anything is written.
 */
final class DocumentLimits {

    static final int MAX_DOCUMENT_BYTES = 100 * 1024;
    static final int MAX_VALUES_PER_ATTRIBUTE = 250;

    private DocumentLimits() {
    }

    /** Refuses {@code document} of a {@code resourceType}, serialised as {@code json}, when beyond the limits. */
    static void check(String resourceType, ObjectNode document, String json) {
        countValues(resourceType, document, null);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DOCUMENT_BYTES) {
            throw ScimException.invalidValue("The " + resourceType + " would take " + bytes + " bytes; this service "
                    + "stores at most " + MAX_DOCUMENT_BYTES + " bytes of attributes per resource. Send fewer or "
                    + "shorter values");
        }
    }

    private static void countValues(String resourceType, ObjectNode block, String urn) {
        for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isArray() && value.size() > MAX_VALUES_PER_ATTRIBUTE) {
                String name = urn == null ? field.getKey() : urn + ":" + field.getKey();
                throw ScimException.invalidValue("Attribute '" + name + "' has " + value.size() + " values; this "
                        + "service stores at most " + MAX_VALUES_PER_ATTRIBUTE + " values of one attribute per "
                        + resourceType);
            }
            if (urn == null && value.isObject() && field.getKey().contains(":")) {
                countValues(resourceType, (ObjectNode) value, field.getKey());
            }
        }
    }
}
