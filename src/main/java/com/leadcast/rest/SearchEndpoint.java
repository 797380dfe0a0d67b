package com.leadcast.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.api.GroupsApi;
import com.leadcast.api.SearchApi;
import com.leadcast.api.UsersApi;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.scim.ScimUrns;
import com.leadcast.scim.query.ListQuery;
import com.leadcast.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code POST /.search} at the server root (RFC 7644 §3.4.3): one query over Users and Groups. The result lists the
 * matching Users, then the matching Groups, each in creation order, paged across both. A filter naming an attribute
 * only one resource type has matches nothing of the other type. {@code sortBy} is refused here, since Users and
 * Groups share no sortable attribute worth ordering by; sort per type on {@code /Users/.search} or
 * {@code /Groups/.search}. So is {@code cursor} (RFC 9865): a keyset cursor runs over one resource type's order,
 * not over Users followed by Groups; page by cursor on {@code /Users/.search} or {@code /Groups/.search}.
 */
@Stateless
@RolesAllowed(Roles.SCIM_CLIENT)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each type's query is a transaction of its own
public class SearchEndpoint implements SearchApi {

    @EJB
    UsersApi users;

    @EJB
    GroupsApi groups;

    @Override
    public Response searchResources(ObjectNode body) {
        ListQuery query = ListQuery.ofSearchRequest(body);
        if (query.cursorPaging()) {
            throw ScimException.invalidValue("cursor is not supported when searching all resource types at /.search; "
                    + "page by cursor on /Users/.search or /Groups/.search, or by startIndex here");
        }
        if (query.sortBy() != null) {
            throw ScimException.invalidValue("sortBy is not supported when searching all resource types at /.search; "
                    + "use /Users/.search or /Groups/.search to sort");
        }
        List<Function<ObjectNode, Response>> types = List.of(users::searchUsers, groups::searchGroups);
        List<Long> totals = new ArrayList<>();
        ScimException refused = null;
        for (Function<ObjectNode, Response> type : types) {
            try {
                totals.add(((JsonNode) type.apply(window(body, 1, 0)).getEntity()).path("totalResults").asLong());
            } catch (ScimException e) {
                if (e.scimType() != ScimType.INVALID_FILTER) {
                    throw e;
                }
                refused = e;
                totals.add(-1L);
            }
        }
        if (totals.stream().allMatch(t -> t < 0)) {
            throw refused;
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.putArray("schemas").add(ScimUrns.LIST_RESPONSE);
        result.put("totalResults", totals.stream().mapToLong(t -> Math.max(t, 0)).sum());
        ArrayNode resources = result.putArray("Resources");
        long skip = query.startIndex() - 1L;
        int wanted = query.count();
        for (int i = 0; i < types.size() && wanted > 0; i++) {
            long total = Math.max(totals.get(i), 0);
            if (skip >= total) {
                skip -= total;
                continue;
            }
            JsonNode page = (JsonNode) types.get(i).apply(window(body, skip + 1, wanted)).getEntity();
            page.path("Resources").forEach(resources::add);
            wanted -= page.path("Resources").size();
            skip = 0;
        }
        result.put("startIndex", query.startIndex());
        result.put("itemsPerPage", resources.size());
        return Response.ok(result, ScimMediaType.SCIM_JSON_TYPE).build();
    }

    /** The search request for one resource type's part of the page. */
    private static ObjectNode window(ObjectNode body, long startIndex, int count) {
        ObjectNode copy = body.deepCopy();
        copy.put("startIndex", startIndex);
        copy.put("count", count);
        return copy;
    }
}
