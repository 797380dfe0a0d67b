package com.leadcast.admission;

import com.leadcast.observability.RequestRecord;
import com.leadcast.rest.ScimErrors;
import com.leadcast.scim.ScimException;
import com.leadcast.tenant.TenantContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/**
 * The one place where a tenant's request is admitted: after authentication (the container's, before any JAX-RS
 * filter), before the body is read or any resource method runs. A request of a tenant token takes a token of the
 * tenant's rate limit and a place in its bulkhead ({@link AdmissionControl}), or is answered {@code 429} with
 * {@code Retry-After} and a SCIM error ({@code 403} if the operator suspended the tenant); the place is given back when the response leaves the resource (also after an
 * error). Admin API calls, made with the operator's token, are not limited.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AdmissionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String PERMIT = AdmissionFilter.class.getName() + ".permit";

    @Inject
    AdmissionControl admission;

    @Inject
    TenantContext tenant;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> tenantId = tenant.authenticatedTenant();
        if (tenantId.isEmpty()) {
            return;
        }
        try {
            request.setProperty(PERMIT, admission.admit(tenantId.get()));
        } catch (ScimException refused) {
            RequestRecord.Refusal refusal = refused.status() == 403 ? RequestRecord.Refusal.SUSPENDED
                    : RequestRecord.Refusal.ADMISSION;
            RequestRecord.current().ifPresent(record -> record.refused(refusal));
            request.abortWith(ScimErrors.response(refused));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PERMIT) instanceof TenantBulkhead.Permit permit) {
            permit.release();
            request.removeProperty(PERMIT);
        }
    }
}
