package com.leadcast.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Content negotiation never fails a SCIM client: whatever {@code Accept} says (Entra sends none, or one without
 * {@code application/scim+json}), the answer is {@code application/scim+json}, and a body without a
 * {@code Content-Type} is read as SCIM JSON (RFC 7644 §3.1, §8.1).
 */
@Provider
@PreMatching
public class MediaTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/scim/") && !path.startsWith("scim/")) {
            return;
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, ScimMediaType.SCIM_JSON);
        // not hasEntity(): RESTEasy answers it from the Content-Type header, so it is false exactly when one is missing
        if (request.getMediaType() == null && hasBody(request)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ScimMediaType.SCIM_JSON);
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }
}
