package com.leadcast.audit;

import com.leadcast.observability.RequestRecord;
import com.leadcast.scim.ScimException;
import com.leadcast.security.TenantPrincipal;
import com.leadcast.store.Contention;
import com.leadcast.store.DatabaseFailures;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.time.temporal.ChronoUnit.MICROS;

/**
 * The audit trail's one place in the request path: around each business method of an {@link Audited} endpoint that
 * {@link AuditedOperation} lists, inside the method's container transaction. A write that returns has its entry
 * persisted in that transaction, so the entry commits exactly when the change does; a write that is refused (or
 * fails) has its entry written by {@link AuditTrail#recordRefusal} in a transaction of its own, since the method's
 * rolls back. Reads pass through untouched.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    private static final Logger LOG = Logger.getLogger(AuditInterceptor.class.getName());

    @Inject
    AuditTrail trail;

    @Inject
    AuditWriter writer;

    @Inject
    SecurityContext security;

    @AroundInvoke
    Object audit(InvocationContext call) throws Exception {
        Optional<AuditedOperation> write = AuditedOperation.of(call.getMethod().getName());
        if (write.isEmpty()) {
            return call.proceed();
        }
        AuditedOperation operation = write.get();
        Object[] arguments = call.getParameters();
        Object result;
        try {
            result = call.proceed();
        } catch (RuntimeException refused) {
            refusal(operation, arguments, refused);
            throw refused;
        }
        Response response = result instanceof Response r ? r : null;
        writer.persist(entry(operation, arguments, response, response == null ? 200 : response.getStatus(), null));
        return result;
    }

    private void refusal(AuditedOperation operation, Object[] arguments, RuntimeException refused) {
        if (DatabaseFailures.unavailability(refused).isPresent()) {
            return; // the database is down: there is nowhere to write, and the request is answered 503
        }
        ScimException scim = refused instanceof ScimException s ? s : Contention.of(refused).orElse(null);
        int status = scim != null ? scim.status()
                : refused instanceof WebApplicationException web ? web.getResponse().getStatus() : 500;
        try {
            trail.recordRefusal(entry(operation, arguments, null, status,
                    scim == null || scim.scimType() == null ? null : scim.scimType().wireName()));
        } catch (RuntimeException unrecorded) {
            LOG.log(Level.WARNING, "Could not record a refused " + operation.action() + " of a "
                    + operation.resourceType() + " in the audit trail (" + unrecorded.getClass().getName() + ")");
        }
    }

    private AuditEntry entry(AuditedOperation operation, Object[] arguments, Response response, int status,
                             String scimType) {
        Principal caller = security.getCallerPrincipal();
        TenantPrincipal token = caller instanceof TenantPrincipal t ? t : null;
        String tenantId = operation.tenancy() == AuditedOperation.Tenancy.CALLER
                ? (token == null ? null : token.tenantId()) : operation.tenant(arguments, response);
        Actor actor = token != null ? new Actor(Actor.Type.TOKEN, token.tokenId())
                : new Actor(Actor.Type.ADMIN, Actor.BOOTSTRAP_ADMIN);
        List<String> attributes = operation.attributes(arguments);
        return new AuditEntry(Instant.now().truncatedTo(MICROS), tenantId, operation,
                operation.resourceId(arguments, response), status, scimType, actor, RequestRecord.currentId(),
                attributes);
    }
}
