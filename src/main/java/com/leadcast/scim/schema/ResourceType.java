package com.leadcast.scim.schema;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A SCIM resource type (RFC 7643 §6): its core schema, its extensions and the common attributes every resource
 * shares (RFC 7643 §3.1). {@link #resolve} turns an attribute name, optionally qualified by a schema URN, into its
 * definition.
 */
public record ResourceType(String name, String endpoint, String description, Schema schema,
                           List<SchemaExtension> extensions, List<Attribute> commonAttributes) {

    public ResourceType {
        extensions = List.copyOf(extensions);
        commonAttributes = List.copyOf(commonAttributes);
    }

    /** Where an attribute lives: {@code extensionUrn} is null for core and common attributes. */
    public record AttributeRef(String extensionUrn, Attribute attribute) {
        public boolean inExtension() {
            return extensionUrn != null;
        }
    }

    /**
     * Resolves {@code name}, qualified by {@code uri} (a schema URN) or not. An unqualified name is looked up among
     * the common and core attributes; URNs match case-insensitively.
     */
    public Optional<AttributeRef> resolve(String uri, String name) {
        if (uri == null || uri.equalsIgnoreCase(schema.id())) {
            return commonAttributes.stream().filter(a -> a.named(name)).findFirst()
                    .or(() -> schema.attribute(name))
                    .map(a -> new AttributeRef(null, a));
        }
        return extension(uri).flatMap(ext -> ext.schema().attribute(name)
                .map(a -> new AttributeRef(ext.schema().id(), a)));
    }

    /**
     * Whether this type has the attribute {@code name} (qualified by {@code uri} or not, as {@link #resolve}) and, if
     * {@code subAttr} is given, that sub-attribute of it.
     */
    public boolean defines(String uri, String name, String subAttr) {
        return resolve(uri, name).map(ref -> subAttr == null || ref.attribute().subAttribute(subAttr).isPresent())
                .orElse(false);
    }

    public Optional<SchemaExtension> extension(String urn) {
        return extensions.stream().filter(e -> e.schema().id().equalsIgnoreCase(urn)).findFirst();
    }

    /** The core schema URN followed by every extension URN. */
    public List<String> schemaUrns() {
        return Stream.concat(Stream.of(schema.id()), extensions.stream().map(e -> e.schema().id())).toList();
    }
}
