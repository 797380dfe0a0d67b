package com.leadcast.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.store.Contention;
import com.leadcast.store.DatabaseFailures;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one mapper from exceptions to SCIM error responses (RFC 7644 §3.12): {@link ScimException} as it says, the
 * JAX-RS and EJB container's refusals as their statuses, unreadable JSON as {@code 400 invalidSyntax}, and anything
 * unexpected as a logged {@code 500} that reveals nothing of the server's inside. A failure that concurrency caused
 * (deadlock, lock or statement timeout, see {@link Contention}) is a {@code 503} with {@code Retry-After}. What is
 * logged is {@link Redacted}: exception types and stack frames, never messages that may quote SQL and its values.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable thrown) {
        Response response = ScimErrors.response(translate(thrown), ScimErrors.mediaTypeFor(request));
        if (unwrap(thrown) instanceof NotAllowedException notAllowed) {
            // RFC 9110 §15.5.6: a 405 must say which methods the resource has
            return Response.fromResponse(response).allow(notAllowed.getResponse().getAllowedMethods()).build();
        }
        return response;
    }

    static ScimException translate(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof ScimException scim) {
            return scim;
        }
        JsonProcessingException json = find(cause, JsonProcessingException.class);
        if (json != null) {
            return ScimException.invalidSyntax("The request body is not valid JSON: " + json.getOriginalMessage());
        }
        if (cause instanceof EJBAccessException) {
            return new ScimException(403, null, "This credential may not call this operation: the SCIM API takes a "
                    + "tenant token, the admin API the admin token");
        }
        if (cause instanceof NotFoundException nf && find(nf, NumberFormatException.class) != null) {
            return ScimException.invalidValue("A numeric query parameter (startIndex, count) is not an integer");
        }
        if (cause instanceof NotAllowedException) {
            return new ScimException(405, null, "HTTP method not supported on this endpoint; allowed: "
                    + ((NotAllowedException) cause).getResponse().getAllowedMethods());
        }
        if (cause instanceof NotSupportedException) {
            return new ScimException(415, null, ScimErrors.defaultDetail(415));
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                return new ScimException(status, status == 400 ? ScimType.INVALID_SYNTAX : null,
                        ScimErrors.defaultDetail(status));
            }
        }
        if (find(cause, org.hibernate.exception.DataException.class) != null) {
            // SQLSTATE class 22: a value the database cannot store or compare. A backstop: text it refuses (U+0000,
            // unpaired surrogates) is refused before any SQL, raw by StorableText and escaped by the filter tokenizer
            return ScimException.invalidValue("A value in the request cannot be stored or compared by the database "
                    + "(for example U+0000 or an unpaired surrogate, also written as \\u escapes); remove it");
        }
        Optional<Throwable> unavailable = DatabaseFailures.unavailability(thrown);
        if (unavailable.isPresent()) {
            // a database that is down or unreachable: 503 with Retry-After (ScimErrors), not the server's fault
            boolean inDoubt = DatabaseFailures.duringCommit(thrown);
            LOG.warning(() -> "The database is unavailable, answered 503" + (inDoubt ? " (during the commit: the "
                    + "write's outcome is unknown)" : "") + ": " + Redacted.describe(unavailable.get()));
            return new ScimException(503, null, inDoubt ? ScimErrors.COMMIT_IN_DOUBT : ScimErrors.DATABASE_UNAVAILABLE);
        }
        Optional<ScimException> contention = Contention.of(cause);
        if (contention.isPresent()) {
            LOG.info("Request rolled back by the database (lock contention or statement timeout): "
                    + Redacted.describe(cause));
            return contention.get();
        }
        LOG.log(Level.SEVERE, "Unexpected failure while serving a request", Redacted.of(thrown));
        return new ScimException(500, null, ScimErrors.defaultDetail(500));
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
