package com.leadcast.rest;

import com.leadcast.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application at the root of the web application: the SCIM API under {@code /scim/v2}, the admin API
 * under {@code /admin/v1} and the OpenAPI description at {@code /openapi.yaml}, as {@code openapi/scim-api.yaml}
 * lays them out.
 */
@ApplicationPath("/")
@DeclareRoles({Roles.SCIM_CLIENT, Roles.SCIM_ADMIN})
public class ScimApplication extends Application {
}
