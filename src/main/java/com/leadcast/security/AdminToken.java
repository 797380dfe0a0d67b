package com.leadcast.security;

import java.util.Optional;

/**
 * The operator's credential for the admin API: the value of the {@code LEADCAST_ADMIN_TOKEN} environment variable.
 * When the variable is unset or blank, the admin API refuses every call.
 */
public final class AdminToken {

    public static final String VARIABLE = "LEADCAST_ADMIN_TOKEN";

    private AdminToken() {
    }

    public static Optional<String> configured() {
        return Optional.ofNullable(System.getenv(VARIABLE)).map(String::trim).filter(s -> !s.isEmpty());
    }
}
