package com.leadcast.security;

import java.util.Optional;

/**
 * The {@code Authorization: Bearer <token>} header of RFC 6750 §2.1 and the {@code WWW-Authenticate} challenge of
 * RFC 6750 §3, read and written in one place for the authentication mechanism and for the transport, which refuses
 * a request without a token before it reads the body.
 */
public final class BearerHeader {

    /** The {@code detail} of a 401 for a request that carries no bearer token at all. */
    public static final String MISSING_DETAIL =
            "Authentication required: send the API token as 'Authorization: Bearer <token>'";

    private static final String REALM = "Leadcast SCIM";
    private static final String SCHEME = "Bearer ";

    private BearerHeader() {
    }

    /** The token of an {@code Authorization} header value, if it is a non-empty bearer credential. */
    public static Optional<String> token(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The {@code WWW-Authenticate} value; {@code error} (e.g. {@code invalid_token}) is left out when null. */
    public static String challenge(String error) {
        StringBuilder challenge = new StringBuilder(SCHEME).append("realm=\"").append(REALM).append('"');
        if (error != null) {
            challenge.append(", error=\"").append(error).append('"');
        }
        return challenge.toString();
    }
}
