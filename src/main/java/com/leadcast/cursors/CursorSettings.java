package com.leadcast.cursors;

import com.leadcast.config.Settings;
import com.leadcast.config.Setting;
import com.leadcast.scim.query.CursorCodec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How cursors are signed and how long they stay valid, as the operator configured them: the environment variables
 * {@value #SECRET_VARIABLE} and {@value #TIMEOUT_VARIABLE}, or the system properties {@value #SECRET_PROPERTY} and
 * {@value #TIMEOUT_PROPERTY}, which take precedence. Blank means unset. Values that cannot be right are refused when
 * the server starts, with a message naming the setting and what it accepts.
 *
 * @param secret  the configured secret, at least {@value #MIN_SECRET_LENGTH} characters; empty: use the one stored
 *                in the database
 * @param timeout how long a cursor stays valid ({@code cursorTimeout} of RFC 9865 §4), 1 s to
 *                {@value #MAX_TIMEOUT_SECONDS} s; {@link CursorCodec#DEFAULT_TIMEOUT} unless configured
 */
public record CursorSettings(Optional<String> secret, Duration timeout) {

    public static final String SECRET_VARIABLE = "LEADCAST_CURSOR_SECRET";
    public static final String SECRET_PROPERTY = "leadcast.cursor.secret";
    public static final String TIMEOUT_VARIABLE = "LEADCAST_CURSOR_TIMEOUT";
    public static final String TIMEOUT_PROPERTY = "leadcast.cursor.timeout";
    /** An HMAC-SHA256 key of fewer than 32 bytes is weaker than the hash (RFC 2104 §3). */
    public static final int MIN_SECRET_LENGTH = 32;
    /** A day: a cursor is a position in a keyset, not a session; longer ones only outlive the data they page. */
    public static final long MAX_TIMEOUT_SECONDS = 86_400;

    /** The settings of this server's process. @throws IllegalArgumentException naming a wrong setting */
    public static CursorSettings ofProcess() {
        Settings settings = Settings.ofProcess();
        return read(settings.variables(), settings.properties());
    }

    /**
     * The settings found through {@code environment} and {@code properties} (lookups by name, null when unset).
     *
     * @throws IllegalArgumentException naming the setting that is wrong and what it accepts
     */
    static CursorSettings read(UnaryOperator<String> environment, UnaryOperator<String> properties) {
        Optional<Setting> secret = Setting.find(SECRET_PROPERTY, SECRET_VARIABLE, environment, properties);
        Optional<Setting> timeout = Setting.find(TIMEOUT_PROPERTY, TIMEOUT_VARIABLE, environment, properties);
        secret.ifPresent(CursorSettings::checkSecret);
        return new CursorSettings(secret.map(Setting::value),
                timeout.map(CursorSettings::timeout).orElse(CursorCodec.DEFAULT_TIMEOUT));
    }

    /** The HMAC key: the configured secret's UTF-8 bytes. */
    public Optional<byte[]> secretKey() {
        return secret.map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    private static void checkSecret(Setting secret) {
        if (secret.value().length() < MIN_SECRET_LENGTH) {
            // never the value itself: it is a secret, and logs are not
            throw new IllegalArgumentException(secret.name() + " is " + secret.value().length() + " characters long: "
                    + "give at least " + MIN_SECRET_LENGTH + " characters of random text, e.g. the output of "
                    + "'openssl rand -hex 32', the same on every server that shares the database; or unset it to "
                    + "use the secret the servers keep in the database");
        }
    }

    private static Duration timeout(Setting timeout) {
        return Duration.ofSeconds(timeout.number("seconds a cursor stays valid between page requests (unset: "
                + CursorCodec.DEFAULT_TIMEOUT.toSeconds() + ")", 1, MAX_TIMEOUT_SECONDS));
    }
}
