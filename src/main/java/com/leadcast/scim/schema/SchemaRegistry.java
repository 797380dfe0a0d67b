package com.leadcast.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimUrns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schemas and resource types this service provider implements, loaded once from the RFC 7643 §8.7 JSON
 * definitions under {@code scim/schemas/} on the class path.
 */
public final class SchemaRegistry {

    private static final String FOLDER = "scim/schemas/";
    private static final SchemaRegistry STANDARD = load();

    private final List<Schema> schemas;
    private final ResourceType userType;
    private final ResourceType groupType;

    private SchemaRegistry(List<Schema> schemas, ResourceType userType, ResourceType groupType) {
        this.schemas = List.copyOf(schemas);
        this.userType = userType;
        this.groupType = groupType;
    }

    /** The registry of the service: User (with the Enterprise extension) and Group. */
    public static SchemaRegistry standard() {
        return STANDARD;
    }

    public List<Schema> schemas() {
        return schemas;
    }

    public Optional<Schema> schema(String id) {
        return schemas.stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
    }

    public ResourceType userType() {
        return userType;
    }

    public ResourceType groupType() {
        return groupType;
    }

    public List<ResourceType> resourceTypes() {
        return List.of(userType, groupType);
    }

    public Optional<ResourceType> resourceType(String name) {
        return resourceTypes().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    private static SchemaRegistry load() {
        ObjectMapper mapper = new ObjectMapper();
        List<Attribute> common = attributes(read(mapper, "Common.json").get("attributes"));
        Schema user = schema(read(mapper, "User.json"));
        Schema enterprise = schema(read(mapper, "EnterpriseUser.json"));
        Schema group = schema(read(mapper, "Group.json"));
        if (!user.id().equals(ScimUrns.USER) || !group.id().equals(ScimUrns.GROUP)
                || !enterprise.id().equals(ScimUrns.ENTERPRISE_USER)) {
            throw new IllegalStateException("The schema files under " + FOLDER + " do not define the RFC 7643 URNs");
        }
        ResourceType userType = new ResourceType("User", "/Users", "User Account", user,
                List.of(new SchemaExtension(enterprise, false)), common);
        ResourceType groupType = new ResourceType("Group", "/Groups", "Group", group, List.of(), common);
        return new SchemaRegistry(List.of(user, enterprise, group), userType, groupType);
    }

    private static ObjectNode read(ObjectMapper mapper, String file) {
        try (InputStream in = SchemaRegistry.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema definition " + FOLDER + file);
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable schema definition " + FOLDER + file, e);
        }
    }

    private static Schema schema(ObjectNode node) {
        return new Schema(node.path("id").asText(), node.path("name").asText(), attributes(node.get("attributes")), node);
    }

    private static List<Attribute> attributes(JsonNode array) {
        List<Attribute> result = new ArrayList<>();
        if (array != null) {
            array.forEach(a -> result.add(attribute(a)));
        }
        return result;
    }

    private static Attribute attribute(JsonNode a) {
        return new Attribute(
                a.path("name").asText(),
                AttributeType.fromWire(a.path("type").asText()),
                a.path("multiValued").asBoolean(false),
                a.path("required").asBoolean(false),
                a.path("caseExact").asBoolean(false),
                Mutability.fromWire(a.path("mutability").asText("readWrite")),
                Returned.fromWire(a.path("returned").asText("default")),
                a.path("uniqueness").asText("none"),
                attributes(a.get("subAttributes")),
                strings(a.get("canonicalValues")),
                strings(a.get("referenceTypes")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> result.add(v.asText()));
        }
        return result;
    }
}
