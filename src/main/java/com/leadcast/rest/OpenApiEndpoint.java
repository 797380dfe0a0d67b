package com.leadcast.rest;

import com.leadcast.api.OpenApiApi;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

/**
 * {@code GET /openapi.yaml}: the OpenAPI description this server was built from (the build copies
 * {@code openapi/scim-api.yaml} into the WAR), so API consumers can generate clients from it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads only: no transaction (see ResourceEndpoint)
@PermitAll
public class OpenApiEndpoint implements OpenApiApi {

    static final String RESOURCE = "openapi/scim-api.yaml";

    @Override
    public Response getOpenApiDescription() {
        InputStream description = OpenApiEndpoint.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (description == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the deployment");
        }
        return Response.ok(description, "application/yaml").build();
    }
}
