package com.leadcast.security;

import jakarta.security.enterprise.credential.Credential;

/** A bearer token as presented in {@code Authorization: Bearer} (RFC 6750 §2.1), for the tenant or admin API. */
public record BearerCredential(String token, boolean admin) implements Credential {

    @Override
    public String toString() {
        return "BearerCredential[admin=" + admin + "]";
    }
}
