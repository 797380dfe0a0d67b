package com.leadcast.rest;

import jakarta.ws.rs.core.MediaType;

/** The SCIM media type of RFC 7644 §8.1. */
public final class ScimMediaType {
    public static final String SCIM_JSON = "application/scim+json";
    public static final MediaType SCIM_JSON_TYPE = new MediaType("application", "scim+json");

    private ScimMediaType() {
    }
}
