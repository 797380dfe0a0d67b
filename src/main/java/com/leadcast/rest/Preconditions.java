package com.leadcast.rest;

import com.leadcast.scim.ResourceRepresentation;
import com.leadcast.scim.ScimException;

/**
 * Versioned requests (RFC 7644 §3.14, RFC 9110 §13.1): {@code If-Match} on PUT, PATCH and DELETE refuses a change to
 * a resource that moved on since the client read it ({@code 412}); {@code If-None-Match} on GET answers
 * {@code 304} when the client's copy is current. Entity tags are compared by their opaque value, with or without
 * the weak prefix, since SCIM versions are weak tags; {@code *} matches any existing resource.
 */
final class Preconditions {

    private Preconditions() {
    }

    /** Throws {@code 412} unless {@code ifMatch} is absent or names the current {@code version}. */
    static void requireMatch(String ifMatch, long version) {
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, version)) {
            throw new ScimException(412, null, "The resource changed since it was read: it is now at version "
                    + ResourceRepresentation.version(version) + ", not " + ifMatch.trim()
                    + ". Read it again and retry");
        }
    }

    /** Whether the {@code If-None-Match} or {@code If-Match} list names the current {@code version}. */
    static boolean matches(String header, long version) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String current = opaque(ResourceRepresentation.version(version));
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || opaque(t).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
