package com.leadcast.security;

import jakarta.security.enterprise.CallerPrincipal;

/** The caller of a SCIM request: one API token of one tenant. */
public class TenantPrincipal extends CallerPrincipal {

    private final String tenantId;
    private final String tokenId;

    public TenantPrincipal(String tenantId, String tokenId) {
        super("token:" + tokenId);
        this.tenantId = tenantId;
        this.tokenId = tokenId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String tokenId() {
        return tokenId;
    }
}
