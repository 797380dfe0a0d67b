package com.leadcast.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The absolute URLs the service writes into responses ({@code Location}, {@code meta.location}, a tenant's
 * {@code scimBaseUrl}): from {@code LEADCAST_PUBLIC_URL} (e.g. {@code https://acme.leadcast.app}) when the server
 * runs behind a proxy, otherwise from the request itself, as {@link OriginPolicy} says (forwarded headers from
 * trusted proxies only, hosts limited to the allowed ones).
 */
@RequestScoped
public class PublicUrls {

    public static final String VARIABLE = "LEADCAST_PUBLIC_URL";
    public static final String SCIM_PATH = "/scim/v2";

    @Inject
    HttpServletRequest request;

    /** The SCIM base URL, e.g. {@code https://acme.leadcast.app/scim/v2}. */
    public String scimBase() {
        return origin() + request.getContextPath() + SCIM_PATH;
    }

    /** The absolute URL of a resource, e.g. {@code .../scim/v2/Users/2819c223}. */
    public String resource(String endpoint, String id) {
        return scimBase() + endpoint + "/" + id;
    }

    /**
     * Reads and checks the settings of the public origin ({@link OriginPolicy}) at startup.
     *
     * @throws IllegalArgumentException naming a wrong setting
     */
    public static void checkSettings() {
        OriginPolicy.ofProcess();
    }

    private String origin() {
        return OriginPolicy.ofProcess().origin(new OriginPolicy.Request(request.getScheme(), request.getServerName(),
                request.getServerPort(), request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"),
                request.getHeader("X-Forwarded-Host"), request.getHeader("X-Forwarded-Port")));
    }
}
