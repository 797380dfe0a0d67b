package com.leadcast.rest;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.text.StorableText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * The path and query parameters of every request pass {@link StorableText} before any endpoint reads them, so that
 * {@code /Users/%00} or {@code filter=userName eq "a%00"} is the same {@code 400 invalidValue} on every database
 * (JSON bodies are checked where they are read, by {@link JsonBodyReader}).
 */
@Provider
@PreMatching
public class StorableTextFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            StorableText.require("request path", request.getUriInfo().getPath(true));
            MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
            for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
                StorableText.require("name of a query parameter", parameter.getKey());
                for (String value : parameter.getValue()) {
                    StorableText.require("query parameter '" + parameter.getKey() + "'", value);
                }
            }
        } catch (ScimException e) {
            request.abortWith(ScimErrors.response(e, ScimErrors.mediaTypeFor(request.getUriInfo().getPath())));
        }
    }
}
