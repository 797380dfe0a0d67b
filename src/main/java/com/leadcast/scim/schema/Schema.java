package com.leadcast.scim.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * A SCIM schema (RFC 7643 §7): its URN, its attributes, and the JSON representation it was loaded from, which the
 * {@code /Schemas} endpoint publishes.
 */
public record Schema(String id, String name, List<Attribute> attributes, ObjectNode representation) {

    public Schema {
        attributes = List.copyOf(attributes);
    }

    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.named(attributeName)).findFirst();
    }
}
