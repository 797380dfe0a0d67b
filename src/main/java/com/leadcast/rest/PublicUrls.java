package com.leadcast.rest;

import com.leadcast.config.Settings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * The absolute URLs the service writes into responses ({@code Location}, {@code meta.location}, a tenant's
 * {@code scimBaseUrl}): from {@code LEADCAST_PUBLIC_URL} (e.g. {@code https://acme.leadcast.app}) when the server
 * runs behind a proxy, otherwise from the request itself.
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

    /** {@value #VARIABLE} without a trailing slash, read once; empty when unset. */
    private static Optional<String> configured() {
        Optional<String> known = configured;
        if (known == null) {
            known = Settings.ofProcess().value(VARIABLE).map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
            configured = known;
        }
        return known;
    }

    private static volatile Optional<String> configured;

    private String origin() {
        Optional<String> configured = configured();
        if (configured.isPresent()) {
            return configured.get();
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
