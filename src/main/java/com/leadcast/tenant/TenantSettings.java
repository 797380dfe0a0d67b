package com.leadcast.tenant;

import com.leadcast.scim.roles.RoleMapping;

import java.util.Optional;

/**
 * What serving a tenant's SCIM requests needs to know of the tenant, as read at one moment.
 *
 * @param roleMapping how Entra's app-role assignments map to {@code roles}
 * @param rateLimit   the tenant's own rate limit; empty: the server's default
 */
public record TenantSettings(RoleMapping roleMapping, Optional<RateLimit> rateLimit) {

    static TenantSettings of(Tenant tenant) {
        return new TenantSettings(tenant.getRoleMapping(), tenant.getRateLimit());
    }
}
