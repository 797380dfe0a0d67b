package com.leadcast.tenant;

import com.leadcast.scim.roles.RoleMapping;

import java.util.Optional;

/**
 * What serving a tenant's SCIM requests needs to know of the tenant, as read at one moment.
 *
 * @param roleMapping how Entra's app-role assignments map to {@code roles}
 * @param rateLimit   the tenant's own rate limit; empty: the server's default
 * @param status      whether the tenant is served or suspended
 */
public record TenantSettings(RoleMapping roleMapping, Optional<RateLimit> rateLimit, TenantStatus status) {

    static TenantSettings of(Tenant tenant) {
        return new TenantSettings(tenant.getRoleMapping(), tenant.getRateLimit(), tenant.getStatus());
    }
}
