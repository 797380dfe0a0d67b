package com.leadcast.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.api.SearchApi;
import com.leadcast.scim.ScimException;
import com.leadcast.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /.search} at the server root (RFC 7644 §3.4.3), a query across all resource types. Not offered yet;
 * {@code /Users/.search} and {@code /Groups/.search} are.
 */
@Stateless
@RolesAllowed(Roles.SCIM_CLIENT)
public class SearchEndpoint implements SearchApi {

    @Override
    public Response searchResources(ObjectNode body) {
        throw ScimException.notImplemented("Searching across resource types at /.search is not supported by this "
                + "server yet; use /Users/.search or /Groups/.search");
    }
}
