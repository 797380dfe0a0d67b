package com.leadcast.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.api.SearchApi;
import com.leadcast.scim.ScimUrns;
import com.leadcast.scim.query.CursorCodec;
import com.leadcast.scim.query.CursorPosition;
import com.leadcast.scim.query.CursorScope;
import com.leadcast.scim.query.KeyedRow;
import com.leadcast.scim.query.ListQuery;
import com.leadcast.scim.query.MergedOrder;
import com.leadcast.scim.query.MergedPaging;
import com.leadcast.scim.query.OtherResourceTypes;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaRegistry;
import com.leadcast.security.Roles;
import com.leadcast.store.PageBudget;
import com.leadcast.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST /.search} at the server root (RFC 7644 §3.4.3): one query over Users and Groups, in the order of
 * {@link MergedOrder} — without {@code sortBy} the matching Users, then the matching Groups, each in creation order;
 * with {@code sortBy} one order across both, a type without the attribute sorting as missing values — paged across
 * both by index ({@code startIndex}, {@code count}) or by cursor (RFC 9865). The filter applies to each type
 * (RFC 7644 §3.4.2): an attribute only the other type has is not present on this type's resources, so
 * {@code displayName ew "2" or userName eq "x"} finds the groups whose displayName ends in 2, and
 * {@code not (userName pr)} every group ({@link OtherResourceTypes}). A filter that names an attribute neither type
 * has, or that compares an attribute in a way its type does not allow, is {@code 400 invalidFilter}.
 *
 * <p>Each type is read by keyset in its own order and the keys merged ({@link MergedPaging}): a page reads at most
 * {@code count + 1} keys of each type, then renders just the page's resources. A cursor holds one keyset position
 * per type. Index paging without {@code sortBy} skips whole types by their counts; with {@code sortBy} it walks
 * the keys to {@code startIndex} in chunks, reading keys but no resources on the way. A page holds no more than
 * {@link PageBudget} allows: the merge weighs the keys by their stored sizes, and without {@code sortBy} each
 * type's window is cut by the store, the page then ending with that type.
 */
@Stateless
@RolesAllowed(Roles.SCIM_CLIENT)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each type's query is a transaction of its own
public class SearchEndpoint implements SearchApi {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<ResourceType> TYPES = List.of(SchemaRegistry.standard().userType(),
            SchemaRegistry.standard().groupType());
    /** The resource types of a root cursor's scope, as one name. */
    private static final String SCOPE_TYPES = TYPES.stream().map(ResourceType::name).collect(Collectors.joining(","));

    @EJB(beanName = "UsersEndpoint")
    ResourceTypeSearch users;

    @EJB(beanName = "GroupsEndpoint")
    ResourceTypeSearch groups;

    @Inject
    TenantContext tenant;

    @Inject
    CursorCodec cursors;

    @Override
    public Response searchResources(ObjectNode body) {
        ListQuery query = ListQuery.ofSearchRequest(body);
        List<Boolean> sorted = MergedOrder.sortedTypes(TYPES, query.sortBy());
        List<Part> parts = parts(query, sorted);
        MergedPaging paging = new MergedPaging(List.copyOf(parts),
                MergedOrder.of(query.sortBy() != null, query.descending(), sorted), PageBudget.MAX_PAGE_CHARACTERS);
        ObjectNode result = JSON.objectNode();
        result.putArray("schemas").add(ScimUrns.LIST_RESPONSE);
        result.put("totalResults", parts.stream().mapToLong(Part::total).sum());
        List<ObjectNode> resources;
        if (query.cursorPaging()) {
            CursorScope scope = new CursorScope(tenant.tenantId(), SCOPE_TYPES, query.fingerprint());
            MergedPaging.Page page = paging.page(cursors.decodeMerged(query.cursor(), scope, parts.size()),
                    query.count());
            resources = render(page.rows(), parts, query);
            result.put("itemsPerPage", resources.size());
            if (page.previous() != null) {
                result.put("previousCursor", cursors.encode(scope, page.previous()));
            }
            if (page.next() != null) {
                result.put("nextCursor", cursors.encode(scope, page.next()));
            }
        } else {
            resources = query.sortBy() == null ? typeByType(query, parts)
                    : render(paging.window(query.startIndex() - 1L, query.count()), parts, query);
            result.put("startIndex", query.startIndex());
            result.put("itemsPerPage", resources.size());
        }
        ArrayNode array = result.putArray("Resources");
        resources.forEach(array::add);
        return Response.ok(result, ScimMediaType.SCIM_JSON_TYPE).build();
    }

    /**
     * One resource type's share of the query: its query (without {@code sortBy} where it lacks the attribute, with
     * the other types as the ones searched alongside) and how many of its resources match.
     */
    private record Part(ResourceTypeSearch search, ListQuery query, long total) implements MergedPaging.Source {

        @Override
        public List<KeyedRow> read(CursorPosition position, int limit) {
            return search.keys(query, position, limit);
        }

        @Override
        public boolean exists(CursorPosition position) {
            return search.hasBeyond(query, position);
        }
    }

    /** The parts of the types, in order; the filter's refusal ({@code 400 invalidFilter}) if a type refuses it. */
    private List<Part> parts(ListQuery query, List<Boolean> sorted) {
        List<ResourceTypeSearch> searches = List.of(users, groups);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < searches.size(); i++) {
            ResourceType type = TYPES.get(i);
            ListQuery own = (sorted.get(i) ? query : query.unsorted())
                    .searchedWith(TYPES.stream().filter(t -> t != type).toList());
            parts.add(new Part(searches.get(i), own, searches.get(i).total(own)));
        }
        return parts;
    }

    /** Index paging without {@code sortBy}: the window of the Users followed by the Groups, by their counts. */
    private static List<ObjectNode> typeByType(ListQuery query, List<Part> parts) {
        List<ObjectNode> resources = new ArrayList<>();
        long skip = query.startIndex() - 1L;
        int wanted = query.count();
        for (int i = 0; i < parts.size() && wanted > 0; i++) {
            Part part = parts.get(i);
            if (skip >= part.total()) {
                skip -= part.total();
                continue;
            }
            List<ObjectNode> page = part.search().page(part.query().window((int) skip + 1, wanted));
            resources.addAll(page);
            if (page.size() < wanted && skip + page.size() < part.total()) {
                break; // the store cut the window to its page budget: the next page starts with this type's rest
            }
            wanted -= page.size();
            skip = 0;
        }
        return resources;
    }

    /** The resources of merged rows, in the rows' order: each type's in one request. */
    private static List<ObjectNode> render(List<MergedPaging.Row> rows, List<Part> parts, ListQuery query) {
        List<Map<String, ObjectNode>> rendered = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int source = i;
            List<String> ids = rows.stream().filter(r -> r.source() == source).map(r -> r.row().id()).toList();
            rendered.add(ids.isEmpty() ? Map.of() : parts.get(i).search().resources(ids, query));
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (MergedPaging.Row row : rows) {
            ObjectNode resource = rendered.get(row.source()).get(row.row().id());
            if (resource != null) {
                resources.add(resource);
            }
        }
        return resources;
    }
}
