package com.leadcast.security;

import com.leadcast.rest.ErrorPageServlet;
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

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750 §2.1) on the SCIM API ({@code /scim/...}, tenant tokens)
 * and the admin API ({@code /admin/...}, the admin token). A missing or refused token answers 401 with a
 * {@code WWW-Authenticate: Bearer} challenge (RFC 6750 §3) and a SCIM error body; never a redirect.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

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
            return challenge(context, null, BearerHeader.MISSING_DETAIL);
        }
        if (admin && AdminToken.configured().isEmpty()) {
            request.setAttribute(ErrorPageServlet.DETAIL_ATTRIBUTE, "The admin API is disabled on this server: "
                    + "set the " + AdminToken.VARIABLE + " environment variable to enable it");
            return forbid(context);
        }
        CredentialValidationResult result = identityStoreHandler.validate(new BearerCredential(token, admin));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        String reason = failure.reason() != null ? failure.reason() : "The bearer token is not valid";
        return challenge(context, "invalid_token", reason);
    }

    private static AuthenticationStatus challenge(HttpMessageContext context, String error, String detail) {
        context.getResponse().setHeader("WWW-Authenticate", BearerHeader.challenge(error));
        context.getRequest().setAttribute(ErrorPageServlet.DETAIL_ATTRIBUTE, detail);
        return context.responseUnauthorized();
    }

    private static AuthenticationStatus forbid(HttpMessageContext context) {
        try {
            context.getResponse().sendError(HttpServletResponse.SC_FORBIDDEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
