package com.leadcast.scim.schema;

/** A schema extension of a resource type (RFC 7643 §6, {@code schemaExtensions}). */
public record SchemaExtension(Schema schema, boolean required) {
}
