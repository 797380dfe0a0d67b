package com.leadcast.tenant;

import com.leadcast.security.TenantPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.Optional;

/**
 * The tenant of the current SCIM request, taken from the authenticated {@link TenantPrincipal} and from nowhere
 * else: no header, path or body can choose another tenant.
 */
@RequestScoped
public class TenantContext {

    @Inject
    SecurityContext securityContext;

    public String tenantId() {
        return authenticatedTenant().orElseThrow(() -> new IllegalStateException("A SCIM request reached the service "
                + "without a tenant principal"));
    }

    /** The tenant of the caller; empty when the caller is not a tenant's token (the admin, or nobody). */
    public Optional<String> authenticatedTenant() {
        Principal caller = securityContext.getCallerPrincipal();
        if (caller instanceof TenantPrincipal tenant) {
            return Optional.of(tenant.tenantId());
        }
        return securityContext.getPrincipalsByType(TenantPrincipal.class).stream().findFirst()
                .map(TenantPrincipal::tenantId);
    }
}
