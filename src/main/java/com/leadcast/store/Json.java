package com.leadcast.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.text.CaseFolding;

/** Reads and writes the JSON documents stored in the {@code attributes} columns. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(ObjectNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    static ObjectNode readObject(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored resource document is not valid JSON", e);
        }
    }

    static String text(ObjectNode document, String field) {
        JsonNode value = document.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The key of a case-insensitive unique column. */
    static String key(String value) {
        return CaseFolding.fold(value);
    }
}
