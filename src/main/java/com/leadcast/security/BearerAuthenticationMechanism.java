package com.leadcast.security;

import com.leadcast.rest.ErrorPageServlet;
import com.leadcast.rest.ScimErrors;
import com.leadcast.store.DatabaseFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750 §2.1) on the SCIM API ({@code /scim/...}, tenant tokens)
 * and the admin API ({@code /admin/...}, the admin token). A missing or refused token answers 401 with a
 * {@code WWW-Authenticate: Bearer} challenge (RFC 6750 §3) and a SCIM error body; never a redirect. While the
 * database that holds the tenant tokens is unavailable, a tenant token can be neither accepted nor refused: 503 with
 * {@code Retry-After}, as the API itself answers then.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String REALM = "Leadcast SCIM";
    private static final Logger LOG = Logger.getLogger(BearerAuthenticationMechanism.class.getName());

    @Inject
    IdentityStoreHandler identityStoreHandler;

    @Inject
    AuthenticationFailure failure;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        boolean admin = request.getRequestURI().substring(request.getContextPath().length()).startsWith("/admin/");
        String token = bearerToken(request.getHeader("Authorization"));
        if (token == null) {
            return challenge(context, null, "Authentication required: send the API token as "
                    + "'Authorization: Bearer <token>'");
        }
        if (admin && AdminToken.configured().isEmpty()) {
            request.setAttribute(ErrorPageServlet.DETAIL_ATTRIBUTE, "The admin API is disabled on this server: "
                    + "set the " + AdminToken.VARIABLE + " environment variable to enable it");
            return forbid(context);
        }
        CredentialValidationResult result;
        try {
            result = identityStoreHandler.validate(new BearerCredential(token, admin));
        } catch (RuntimeException e) {
            // tenant tokens are looked up in the database: when it is down, neither valid nor invalid can be told
            Throwable unavailable = DatabaseFailures.unavailability(e).orElseThrow(() -> e);
            LOG.warning(() -> "The database is unavailable, authentication answered 503: " + unavailable);
            return unavailable(context);
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        String reason = failure.reason() != null ? failure.reason() : "The bearer token is not valid";
        return challenge(context, "invalid_token", reason);
    }

    private static String bearerToken(String header) {
        if (header == null || header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static AuthenticationStatus challenge(HttpMessageContext context, String error, String detail) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(REALM).append('"');
        if (error != null) {
            challenge.append(", error=\"").append(error).append('"');
        }
        context.getResponse().setHeader("WWW-Authenticate", challenge.toString());
        context.getRequest().setAttribute(ErrorPageServlet.DETAIL_ATTRIBUTE, detail);
        return context.responseUnauthorized();
    }

    private static AuthenticationStatus forbid(HttpMessageContext context) {
        return sendError(context, HttpServletResponse.SC_FORBIDDEN);
    }

    /** 503; the error page adds {@code Retry-After} (RFC 9110 §15.6.4). */
    private static AuthenticationStatus unavailable(HttpMessageContext context) {
        context.getRequest().setAttribute(ErrorPageServlet.DETAIL_ATTRIBUTE, ScimErrors.DATABASE_UNAVAILABLE);
        return sendError(context, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    private static AuthenticationStatus sendError(HttpMessageContext context, int status) {
        try {
            context.getResponse().sendError(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
