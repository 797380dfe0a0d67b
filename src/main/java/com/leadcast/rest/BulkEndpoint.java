package com.leadcast.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.api.BulkApi;
import com.leadcast.scim.ScimException;
import com.leadcast.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.core.Response;

/**
 * {@code /Bulk} (RFC 7644 §3.7). Not offered yet: the ServiceProviderConfig says {@code bulk.supported: false}, and
 * this endpoint answers 501 as RFC 7644 §3.7 allows.
 */
@Stateless
@RolesAllowed(Roles.SCIM_CLIENT)
public class BulkEndpoint implements BulkApi {

    @Override
    public Response processBulk(ObjectNode body) {
        throw ScimException.notImplemented("Bulk operations are not supported by this server yet "
                + "(ServiceProviderConfig bulk.supported is false); send each operation on its own");
    }
}
