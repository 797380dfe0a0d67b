package com.leadcast.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Why the identity store refused the current request's token, so that the 401 tells a tenant admin what to fix
 * ("revoked", "expired") without the store having to know about HTTP.
 */
@RequestScoped
public class AuthenticationFailure {

    private String reason;

    public String reason() {
        return reason;
    }

    void record(String reason) {
        this.reason = reason;
    }
}
