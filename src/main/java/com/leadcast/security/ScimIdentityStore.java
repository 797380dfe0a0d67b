package com.leadcast.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Set;

/**
 * Validates {@link BearerCredential}s: the admin token against {@code LEADCAST_ADMIN_TOKEN}, tenant tokens against
 * the stored token hashes. A valid tenant token yields a {@link TenantPrincipal} in role {@link Roles#SCIM_CLIENT}.
 */
@ApplicationScoped
public class ScimIdentityStore implements IdentityStore {

    @Inject
    TokenAuthenticator authenticator;

    @Inject
    AuthenticationFailure failure;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof BearerCredential bearer)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return bearer.admin() ? validateAdmin(bearer.token()) : validateTenant(bearer.token());
    }

    private CredentialValidationResult validateAdmin(String token) {
        boolean valid = AdminToken.configured().map(expected -> TokenSecrets.sameSecret(expected, token)).orElse(false);
        if (!valid) {
            failure.record("The token is not the admin token of this server (LEADCAST_ADMIN_TOKEN)");
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(new CallerPrincipal("leadcast-admin"), Set.of(Roles.SCIM_ADMIN));
    }

    private CredentialValidationResult validateTenant(String token) {
        TokenAuthenticator.Outcome outcome = authenticator.authenticate(token);
        if (!outcome.succeeded()) {
            failure.record(outcome.failure());
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(new TenantPrincipal(outcome.tenantId(), outcome.tokenId()),
                Set.of(Roles.SCIM_CLIENT));
    }
}
