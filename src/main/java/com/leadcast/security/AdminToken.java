package com.leadcast.security;

import com.leadcast.config.Settings;
import java.util.Optional;

/**
 * The operator's credential for the admin API: the value of the {@code LEADCAST_ADMIN_TOKEN} setting (or of the file
 * {@code LEADCAST_ADMIN_TOKEN_FILE} names, see {@link Settings}).
 * When the variable is unset or blank, or shorter than {@value #MIN_LENGTH} characters (a guessable secret), the admin
 * API refuses every call.
 */
public final class AdminToken {

    public static final String VARIABLE = "LEADCAST_ADMIN_TOKEN";
    /** 32 characters of {@code openssl rand -hex 16} or more: too many to guess, even unthrottled. */
    public static final int MIN_LENGTH = 32;

    private AdminToken() {
    }

    /** The admin token, when one is configured that is long enough. */
    public static Optional<String> configured() {
        return given().filter(token -> token.length() >= MIN_LENGTH);
    }

    /** Why the admin API is disabled on this server; empty when it is enabled. */
    public static Optional<String> whyDisabled() {
        return whyDisabled(given());
    }

    static Optional<String> whyDisabled(Optional<String> given) {
        if (given.isEmpty()) {
            return Optional.of("set the " + VARIABLE + " environment variable to enable it");
        }
        if (given.get().length() < MIN_LENGTH) {
            return Optional.of(VARIABLE + " is " + given.get().length() + " characters long, shorter than the "
                    + MIN_LENGTH + " it needs; give a random one, e.g. the output of 'openssl rand -hex 32'");
        }
        return Optional.empty();
    }

    /** Whether {@code LEADCAST_ADMIN_TOKEN} has a value at all, long enough or not. */
    public static boolean isGiven() {
        return given().isPresent();
    }

    /** The configured value, read once (the first call, at startup, refuses a setting that cannot be read). */
    private static Optional<String> given() {
        Optional<String> known = given;
        if (known == null) {
            known = Settings.ofProcess().value(VARIABLE);
            given = known;
        }
        return known;
    }

    private static volatile Optional<String> given;
}
