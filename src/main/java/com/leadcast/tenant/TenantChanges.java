package com.leadcast.tenant;

import com.leadcast.scim.roles.RoleMapping;

import java.util.Optional;

/**
 * What one {@code PATCH /admin/v1/tenants/{id}} changes; every part is optional and an absent part stays as it is.
 *
 * @param name            the new display name
 * @param externalId      the operator's id for the customer to set; empty with {@code externalIdGiven}: remove it
 * @param status          active or suspended
 * @param roleMapping     how the tenant's role assignments apply
 * @param rateLimit       the tenant's own rate limit to set; empty with {@code rateLimitGiven}: return to the
 *                        server's default
 * @param externalIdGiven whether the body named {@code externalId} at all (not: keep it as it is)
 * @param rateLimitGiven  whether the body named {@code rateLimit} at all (not: keep it as it is)
 */
public record TenantChanges(Optional<String> name, Optional<String> externalId, Optional<TenantStatus> status,
                            Optional<RoleMapping> roleMapping, Optional<RateLimit> rateLimit,
                            boolean externalIdGiven, boolean rateLimitGiven) {
}
