package com.leadcast.security;

import com.leadcast.tenant.ApiToken;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Looks a presented tenant token up by its hash and says whether it may be used now. */
@Stateless
@PermitAll
public class TokenAuthenticator {

    /** How stale {@code lastUsedAt} may get before a request records its use (avoids a write per request). */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "scim")
    private EntityManager em;

    /** The outcome: a tenant and token on success, otherwise a reason an admin can act on. */
    public record Outcome(String tenantId, String tokenId, String failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    public Outcome authenticate(String secret) {
        List<ApiToken> found = em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", TokenSecrets.hash(secret))
                .getResultList();
        if (found.isEmpty()) {
            return new Outcome(null, null, "The token is not a Leadcast SCIM token of any tenant; "
                    + "ask the app administrator for a valid one");
        }
        ApiToken token = found.get(0);
        Instant now = Instant.now();
        String unusable = token.unusableReason(now);
        if (unusable != null) {
            return new Outcome(null, null, unusable + "; ask the app administrator for a new token");
        }
        if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            token.markUsed(now);
        }
        return new Outcome(token.getTenantId(), token.getId(), null);
    }
}
