package com.leadcast.security;

import com.leadcast.observability.RequestRecord;
import com.leadcast.rest.ErrorPageServlet;
import com.leadcast.rest.ScimErrors;
import com.leadcast.store.DatabaseFailures;
import io.github.bucket4j.TimeMeter;
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
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750 §2.1) on the SCIM API ({@code /scim/...}, tenant tokens)
 * and the admin API ({@code /admin/...}, the admin token). A missing or refused token answers 401 with a
 * {@code WWW-Authenticate: Bearer} challenge (RFC 6750 §3) and a SCIM error body; never a redirect. While the
 * database that holds the tenant tokens is unavailable, a tenant token can be neither accepted nor refused: 503 with
 * {@code Retry-After}, as the API itself answers then. Every refused
 * token is logged (address, API, reason; never the token) and spends its client address's
 * {@link AuthenticationThrottle} budget: an address that has spent it gets {@code 429} with {@code Retry-After}
 * (RFC 6585 §4) instead of {@code 401} until the budget recovers, while a valid token from it is still served.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BearerAuthenticationMechanism.class.getName());

    private final AuthenticationThrottle throttle = new AuthenticationThrottle(TimeMeter.SYSTEM_NANOTIME);

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
        String token = BearerHeader.token(request.getHeader("Authorization")).orElse(null);
        if (token == null) {
            refused(RequestRecord.Refusal.MISSING_CREDENTIAL);
            return challenge(context, null, BearerHeader.MISSING_DETAIL);
        }
        Optional<String> adminDisabled = admin ? AdminToken.whyDisabled() : Optional.empty();
        if (adminDisabled.isPresent()) {
            request.setAttribute(ErrorPageServlet.DETAIL_ATTRIBUTE, "The admin API is disabled on this server: "
                    + adminDisabled.get());
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
            RequestRecord.current().ifPresent(record -> recordCaller(record, result.getCallerPrincipal()));
            return context.notifyContainerAboutLogin(result);
        }
        String reason = failure.reason() != null ? failure.reason() : "The bearer token is not valid";
        Optional<Duration> throttled = throttle.failed(request.getRemoteAddr());
        LOG.info(() -> "Refused a bearer token on the " + (admin ? "admin" : "SCIM") + " API from "
                + request.getRemoteAddr() + ": " + reason + " (" + shape(token) + ")"
                + (throttled.isPresent() ? "; answered 429: more than " + AuthenticationThrottle.BURST
                + " refused tokens from this address" : ""));
        refused(throttled.isPresent() ? RequestRecord.Refusal.THROTTLED : RequestRecord.Refusal.INVALID_CREDENTIAL);
        if (throttled.isPresent()) {
            return tooManyFailures(context, throttled.get());
        }
        return challenge(context, "invalid_token", reason);
    }

    /** Tells the request's record (access log, audit) who made it: a tenant's token, or the admin credential. */
    private static void recordCaller(RequestRecord record, Principal caller) {
        if (caller instanceof TenantPrincipal tenant) {
            record.caller(tenant.tenantId(), "token:" + tenant.tokenId());
        } else {
            record.caller(null, "admin");
        }
    }

    private static void refused(RequestRecord.Refusal why) {
        RequestRecord.current().ifPresent(record -> record.refused(why));
    }

    /** What may be logged of a refused token: whether it looks like ours, and its length; never any of its secret. */
    private static String shape(String token) {
        return (token.startsWith(TokenSecrets.PREFIX) ? "a token with the " + TokenSecrets.PREFIX + " prefix"
                : "a token without the " + TokenSecrets.PREFIX + " prefix") + ", " + token.length() + " characters";
    }

    private static AuthenticationStatus tooManyFailures(HttpMessageContext context, Duration wait) {
        context.getResponse().setHeader(ScimErrors.RETRY_AFTER, String.valueOf(ScimErrors.retryAfterSeconds(wait)));
        context.getRequest().setAttribute(ErrorPageServlet.DETAIL_ATTRIBUTE, "Too many refused tokens from this "
                + "address (more than " + AuthenticationThrottle.BURST + ", regained at "
                + AuthenticationThrottle.PER_SECOND + " a second); valid tokens are still served; retry after the "
                + "time Retry-After gives");
        return sendError(context, 429);
    }

    private static AuthenticationStatus challenge(HttpMessageContext context, String error, String detail) {
        context.getResponse().setHeader("WWW-Authenticate", BearerHeader.challenge(error));
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
