package com.leadcast.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and hashes API token secrets: {@value #PREFIX} followed by 256 random bits in base64url (47 characters,
 * far below Entra's 1 KB limit). A secret of that entropy needs no slow hash: SHA-256 is enough to make the stored
 * value useless to a reader of the database.
 */
public final class TokenSecrets {

    /** Recognisable start of every Leadcast SCIM token (for secret scanners and humans). */
    public static final String PREFIX = "lcs_";
    /** How many leading characters are kept in clear for an admin to recognise a token. */
    public static final int VISIBLE_PREFIX_LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    public static String visiblePrefix(String secret) {
        return secret.substring(0, Math.min(VISIBLE_PREFIX_LENGTH, secret.length()));
    }

    /** Compares two secrets in time independent of where they differ. */
    public static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(sha256(a), sha256(b));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
