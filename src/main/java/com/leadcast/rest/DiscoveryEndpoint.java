package com.leadcast.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.api.DiscoveryApi;
import com.leadcast.approles.AppRoleCatalog;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimUrns;
import com.leadcast.scim.query.CursorCodec;
import com.leadcast.scim.query.ListQuery;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.Schema;
import com.leadcast.scim.schema.SchemaRegistry;
import com.leadcast.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Discovery (RFC 7644 §4): {@code /ServiceProviderConfig}, {@code /ResourceTypes} and {@code /Schemas}, all built
 * from the {@link SchemaRegistry} and describing exactly what this server implements. The User schema shows the
 * app-role catalog's values as the {@code canonicalValues} of {@code roles.value}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads only: no transaction (see ResourceEndpoint)
@RolesAllowed(Roles.SCIM_CLIENT)
public class DiscoveryEndpoint implements DiscoveryApi {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    PublicUrls urls;

    @Inject
    CursorCodec cursors;

    @Inject
    AppRoleCatalog appRoles;

    @Override
    public Response getServiceProviderConfig() {
        ObjectNode config = JSON.objectNode();
        config.putArray("schemas").add(ScimUrns.SERVICE_PROVIDER_CONFIG);
        config.put("documentationUri", urls.scimBase().replaceFirst("/scim/v2$", "") + "/openapi.yaml");
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", true)
                .put("maxOperations", BulkEndpoint.MAX_OPERATIONS)
                .put("maxPayloadSize", BulkEndpoint.MAX_PAYLOAD_SIZE);
        config.putObject("filter").put("supported", true).put("maxResults", ListQuery.MAX_COUNT);
        config.putObject("changePassword").put("supported", true);
        config.putObject("sort").put("supported", true);
        config.putObject("etag").put("supported", true);
        config.putObject("pagination")
                .put("cursor", true)
                .put("index", true)
                .put("defaultPaginationMethod", "index")
                .put("defaultPageSize", ListQuery.DEFAULT_COUNT)
                .put("maxPageSize", ListQuery.MAX_COUNT)
                .put("cursorTimeout", cursors.timeout().toSeconds());
        config.putArray("authenticationSchemes").addObject()
                .put("type", "oauthbearertoken")
                .put("name", "Bearer token")
                .put("description", "A tenant API token issued by the Leadcast app administrator, sent as "
                        + "'Authorization: Bearer <token>' (RFC 6750)")
                .put("primary", true);
        config.set("meta", meta("ServiceProviderConfig", urls.scimBase() + "/ServiceProviderConfig"));
        return ok(config);
    }

    @Override
    public Response listResourceTypes() {
        return ok(listResponse(SchemaRegistry.standard().resourceTypes().stream().map(this::resourceType).toList()));
    }

    @Override
    public Response getResourceType(String name) {
        return SchemaRegistry.standard().resourceType(name).map(t -> ok(resourceType(t)))
                .orElseThrow(() -> ScimException.notFound("No resource type '" + name + "'; this server has User "
                        + "and Group"));
    }

    @Override
    public Response listSchemas() {
        return ok(listResponse(SchemaRegistry.standard().schemas().stream().map(this::schema).toList()));
    }

    @Override
    public Response getSchema(String id) {
        return SchemaRegistry.standard().schema(id).map(s -> ok(schema(s)))
                .orElseThrow(() -> ScimException.notFound("No schema '" + id + "'"));
    }

    private ObjectNode resourceType(ResourceType type) {
        ObjectNode node = JSON.objectNode();
        node.putArray("schemas").add(ScimUrns.RESOURCE_TYPE);
        node.put("id", type.name());
        node.put("name", type.name());
        node.put("endpoint", type.endpoint());
        node.put("description", type.description());
        node.put("schema", type.schema().id());
        ArrayNode extensions = node.putArray("schemaExtensions");
        type.extensions().forEach(e -> extensions.addObject().put("schema", e.schema().id()).put("required", e.required()));
        node.set("meta", meta("ResourceType", urls.scimBase() + "/ResourceTypes/" + type.name()));
        return node;
    }

    private ObjectNode schema(Schema schema) {
        ObjectNode node = schema.id().equals(ScimUrns.USER)
                ? appRoles.current().publishedIn(schema.representation())
                : schema.representation().deepCopy();
        node.putArray("schemas").add(ScimUrns.SCHEMA);
        node.set("meta", meta("Schema", urls.scimBase() + "/Schemas/" + schema.id()));
        return node;
    }

    private static ObjectNode meta(String resourceType, String location) {
        return JSON.objectNode().put("resourceType", resourceType).put("location", location);
    }

    private static ObjectNode listResponse(List<ObjectNode> resources) {
        ObjectNode body = JSON.objectNode();
        body.putArray("schemas").add(ScimUrns.LIST_RESPONSE);
        body.put("totalResults", resources.size());
        body.putArray("Resources").addAll(resources);
        body.put("startIndex", 1);
        body.put("itemsPerPage", resources.size());
        return body;
    }

    private static Response ok(ObjectNode body) {
        return Response.ok(body, ScimMediaType.SCIM_JSON_TYPE).build();
    }
}
