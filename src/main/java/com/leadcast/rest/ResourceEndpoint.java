package com.leadcast.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ResourceRepresentation;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimUrns;
import com.leadcast.scim.patch.EntraDialect;
import com.leadcast.scim.patch.PatchOperation;
import com.leadcast.scim.patch.PatchRequest;
import com.leadcast.scim.query.CursorCodec;
import com.leadcast.scim.query.CursorPosition;
import com.leadcast.scim.query.CursorScope;
import com.leadcast.scim.query.KeyedRow;
import com.leadcast.scim.query.ListQuery;
import com.leadcast.scim.query.Projection;
import com.leadcast.scim.schema.ResourceChecker;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.store.KeysetPage;
import com.leadcast.store.Page;
import com.leadcast.store.ResourceEntity;
import com.leadcast.store.ResourceStore;
import com.leadcast.tenant.TenantContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of a SCIM resource type (RFC 7644 §3): what Users and Groups share, from reading the request to
 * writing the response. Subclasses say how a checked document is stored and which attributes are derived. The same
 * bean is the type's {@link ResourceTypeSearch} for the root {@code /.search}.
 *
 * <p>Transactions: each write (POST, PUT, PATCH, DELETE) is one container transaction, committed before the answer.
 * A GET of one resource is annotated {@code SUPPORTS} in the subclasses: its statements run in the database's
 * auto-commit, without a JTA transaction to begin, enlist and commit, which costs a commit round trip and ~20% of a
 * GET's throughput; each still sees committed data only (read committed, as in a transaction). Lists and
 * {@code .search} keep a transaction: PostgreSQL's driver reads a result set {@code FETCH_SIZE} rows at a time only
 * inside one (in auto-commit it reads the page whole), and {@link com.leadcast.store.PageBudget}'s bound on what a
 * page of large documents holds in memory depends on that.
 */
abstract class ResourceEndpoint<E extends ResourceEntity> implements ResourceTypeSearch {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    TenantContext tenant;

    @Inject
    PublicUrls urls;

    @Inject
    CursorCodec cursors;

    protected abstract ResourceType type();

    /** Where the resources of {@link #type()} are stored. */
    protected abstract ResourceStore<E> store();

    /** Stores a new resource from a checked document. */
    protected abstract E insert(ObjectNode document);

    /** Replaces the stored resource's attributes with a checked document (PUT). */
    protected abstract E replace(E entity, ObjectNode document);

    /** Applies PATCH operations to the stored resource (§3.5.2). */
    protected abstract E patch(E entity, List<PatchOperation> operations);

    protected abstract void delete(E entity);

    /** Adds the derived attributes (groups of users, members of groups) that {@code projection} wants. */
    protected abstract void addDerived(List<E> entities, Map<String, ObjectNode> documents, Projection projection);

    /**
     * Whether a resource this request has just created can have derived attributes: a new group has the members it
     * was created with; a new user is in no group yet (memberships are written by writes of groups), so the answer
     * to its create reads none.
     */
    protected abstract boolean derivesOnCreate();

    // --- reading the store, always in the caller's tenant ----------------------------------------------------------

    protected E find(String id, boolean forUpdate) {
        return forUpdate ? store().requireForUpdate(tenantId(), id) : store().require(tenantId(), id);
    }

    protected Page<E> query(ListQuery query) {
        return store().query(tenantId(), query);
    }

    /** A page of a cursor query from {@code position} (null: the first page). */
    protected KeysetPage<E> queryByCursor(ListQuery query, CursorPosition position) {
        return store().queryByCursor(tenantId(), query, position);
    }

    /** The tenant's resources {@code ids} that exist, in any order. */
    protected List<E> byIds(Collection<String> ids) {
        return store().byIds(tenantId(), ids);
    }

    @Override
    public long total(ListQuery query) {
        return store().count(tenantId(), query);
    }

    @Override
    public List<KeyedRow> keys(ListQuery query, CursorPosition position, int limit) {
        return store().keys(tenantId(), query, position, limit);
    }

    @Override
    public boolean hasBeyond(ListQuery query, CursorPosition position) {
        return store().exists(tenantId(), query, position);
    }

    // --- operations ---------------------------------------------------------------------------------------------

    protected Response list(ListQuery query) {
        if (query.cursorPaging()) {
            return listByCursor(query);
        }
        Page<E> page = query(query);
        Projection projection = Projection.of(type(), query.attributes(), query.excludedAttributes());
        ObjectNode body = JSON.objectNode();
        body.putArray("schemas").add(ScimUrns.LIST_RESPONSE);
        body.put("totalResults", page.totalResults());
        ArrayNode resources = body.putArray("Resources");
        render(page.resources(), projection).forEach(resources::add);
        body.put("startIndex", query.startIndex());
        body.put("itemsPerPage", page.resources().size());
        return ok(body);
    }

    /**
     * A ListResponse paged by cursor (RFC 9865 §2): {@code nextCursor} unless this is the last page,
     * {@code previousCursor} unless it is the first, and no {@code startIndex}.
     */
    private Response listByCursor(ListQuery query) {
        CursorScope scope = new CursorScope(tenantId(), type().name(), query.fingerprint());
        KeysetPage<E> page = queryByCursor(query, cursors.decode(query.cursor(), scope));
        Projection projection = Projection.of(type(), query.attributes(), query.excludedAttributes());
        ObjectNode body = JSON.objectNode();
        body.putArray("schemas").add(ScimUrns.LIST_RESPONSE);
        body.put("totalResults", page.totalResults());
        body.put("itemsPerPage", page.resources().size());
        if (page.previous() != null) {
            body.put("previousCursor", cursors.encode(scope, page.previous()));
        }
        if (page.next() != null) {
            body.put("nextCursor", cursors.encode(scope, page.next()));
        }
        ArrayNode resources = body.putArray("Resources");
        render(page.resources(), projection).forEach(resources::add);
        return ok(body);
    }

    // --- root search (ResourceTypeSearch) ---------------------------------------------------------------------

    @Override
    public List<ObjectNode> page(ListQuery query) {
        return render(query(query).resources(), Projection.of(type(), query.attributes(), query.excludedAttributes()));
    }

    @Override
    public Map<String, ObjectNode> resources(List<String> ids, ListQuery query) {
        List<E> entities = byIds(ids);
        List<ObjectNode> rendered = render(entities, Projection.of(type(), query.attributes(),
                query.excludedAttributes()));
        Map<String, ObjectNode> byId = new HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            byId.put(entities.get(i).getId(), rendered.get(i));
        }
        return byId;
    }

    protected Response get(String id, String attributes, String excludedAttributes, String ifNoneMatch) {
        E entity = find(id, false);
        if (Preconditions.matches(ifNoneMatch, entity.getVersion())) {
            return Response.notModified(entityTag(entity)).build();
        }
        return resource(Response.ok(), entity, Projection.of(type(), attributes, excludedAttributes));
    }

    protected Response create(ObjectNode body) {
        E entity = insert(ResourceChecker.check(type(), requireBody(body)));
        return resource(Response.created(URI.create(location(entity))), entity, Projection.of(type(), null, null),
                derivesOnCreate());
    }

    protected Response replace(String id, String ifMatch, ObjectNode body) {
        requireBody(body);
        E entity = find(id, true);
        Preconditions.requireMatch(ifMatch, entity.getVersion());
        ObjectNode document = ResourceChecker.checkReplacement(type(), entity.document(), body);
        return resource(Response.ok(), replace(entity, document), Projection.of(type(), null, null));
    }

    protected E patch(String id, String ifMatch, ObjectNode body) {
        List<PatchOperation> operations = EntraDialect.normalise(type(), PatchRequest.parse(body));
        E entity = find(id, true);
        Preconditions.requireMatch(ifMatch, entity.getVersion());
        return patch(entity, operations);
    }

    protected Response remove(String id, String ifMatch) {
        E entity = find(id, true);
        Preconditions.requireMatch(ifMatch, entity.getVersion());
        delete(entity);
        return Response.noContent().build();
    }

    /** A response carrying one resource: its representation, {@code ETag} and SCIM media type. */
    protected Response resource(Response.ResponseBuilder builder, E entity, Projection projection) {
        return resource(builder, entity, projection, true);
    }

    private Response resource(Response.ResponseBuilder builder, E entity, Projection projection, boolean derived) {
        return builder.type(ScimMediaType.SCIM_JSON_TYPE)
                .tag(entityTag(entity))
                .entity(render(List.of(entity), projection, derived).get(0))
                .build();
    }

    /** The resource's {@code ETag} (RFC 7644 §3.14), the same value as {@code meta.version}. */
    protected static EntityTag entityTag(ResourceEntity entity) {
        return new EntityTag(String.valueOf(entity.getVersion()), true);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    protected String tenantId() {
        return tenant.tenantId();
    }

    protected ObjectNode render(E entity, Projection projection) {
        return render(List.of(entity), projection).get(0);
    }

    private List<ObjectNode> render(List<E> entities, Projection projection) {
        return render(entities, projection, true);
    }

    private List<ObjectNode> render(List<E> entities, Projection projection, boolean derived) {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        entities.forEach(e -> documents.put(e.getId(), e.document()));
        if (derived) {
            addDerived(entities, documents, projection);
        }
        return entities.stream()
                .map(e -> projection.apply(ResourceRepresentation.render(type(), meta(e), documents.get(e.getId()))))
                .toList();
    }

    private ResourceRepresentation.Meta meta(E entity) {
        return new ResourceRepresentation.Meta(entity.getId(), entity.getCreatedAt(), entity.getLastModifiedAt(),
                entity.getVersion(), location(entity));
    }

    private String location(E entity) {
        return urls.resource(type().endpoint(), entity.getId());
    }

    protected static ObjectNode requireBody(ObjectNode body) {
        if (body == null) {
            throw ScimException.invalidSyntax("The request has no body: send the resource as a JSON object");
        }
        return body;
    }

    protected static Response ok(ObjectNode body) {
        return Response.ok(body, ScimMediaType.SCIM_JSON_TYPE).build();
    }
}
