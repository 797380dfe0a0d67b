package com.leadcast.tenant;

import com.leadcast.scim.roles.RoleMapping;

import java.util.Optional;

/**
 * What one {@code PATCH /admin/v1/tenants/{id}} changes; every part is optional and an absent part stays as it is.
 *
 * @param name            the new display name
 * @param externalId      the operator's id for the customer: present with a value to set it, present and empty to
 *                        remove it, absent ({@code null}) to keep it
 * @param status          active or suspended
 * @param roleMapping     how the tenant's role assignments apply
 * @param rateLimit       the tenant's own rate limit: present with a value to set it, present and empty to return to
 *                        the server's default, absent ({@code null}) to keep it
 */
public record TenantChanges(Optional<String> name, Optional<String> externalId, Optional<TenantStatus> status,
                            Optional<RoleMapping> roleMapping, Optional<RateLimit> rateLimit,
                            boolean externalIdGiven, boolean rateLimitGiven) {
}
