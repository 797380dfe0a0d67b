package com.leadcast.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.api.MeApi;
import com.leadcast.scim.ScimException;
import com.leadcast.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /Me} (RFC 7644 §3.11): the resource of the authenticated subject. A tenant API token authenticates a
 * provisioning client (an identity provider), not a person, so there is no User behind it; the RFC's answer for
 * that case is 501 Not Implemented.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads only: no transaction (see ResourceEndpoint)
@RolesAllowed(Roles.SCIM_CLIENT)
public class MeEndpoint implements MeApi {

    private static ScimException noSubject() {
        return ScimException.notImplemented("/Me refers to the User of the authenticated subject, but this request "
                + "is authenticated by a tenant API token, which belongs to a provisioning client and not to a User");
    }

    @Override
    public Response getMe(String attributes, String excludedAttributes) {
        throw noSubject();
    }

    @Override
    public Response createMe(ObjectNode body) {
        throw noSubject();
    }

    @Override
    public Response replaceMe(ObjectNode body) {
        throw noSubject();
    }

    @Override
    public Response patchMe(ObjectNode body) {
        throw noSubject();
    }

    @Override
    public Response deleteMe() {
        throw noSubject();
    }
}
