package com.leadcast.security;

/** The two roles of the service. */
public final class Roles {
    /** A tenant's provisioning client (an identity provider such as Entra ID) calling the SCIM API. */
    public static final String SCIM_CLIENT = "scim-client";
    /** The operator calling the admin API with the server's LEADCAST_ADMIN_TOKEN. */
    public static final String SCIM_ADMIN = "scim-admin";

    private Roles() {
    }
}
