package com.leadcast.security;

import com.leadcast.security.KnownTokens.KnownToken;
import com.leadcast.tenant.ApiToken;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * Looks a presented tenant token up by its hash and says whether it may be used now. Tokens already seen come from
 * {@link KnownTokens}, without a database round trip; the token's {@code lastUsedAt} is written at most once a
 * minute per server.
 */
@Stateless
@PermitAll
public class TokenAuthenticator {

    @PersistenceContext(unitName = "scim")
    private EntityManager em;

    @Inject
    KnownTokens known;

    /** The outcome: a tenant and token on success, otherwise a reason an admin can act on. */
    public record Outcome(String tenantId, String tokenId, String failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    public Outcome authenticate(String secret) {
        KnownToken token = known.byHash(TokenSecrets.hash(secret), this::stored);
        if (token == null) {
            return new Outcome(null, null, "The token is not a Leadcast SCIM token of any tenant; "
                    + "ask the app administrator for a valid one");
        }
        Instant now = Instant.now();
        String unusable = token.unusableReason(now);
        if (unusable != null) {
            return new Outcome(null, null, unusable + "; ask the app administrator for a new token");
        }
        if (token.claimUseRecord(now)) {
            em.createQuery("update ApiToken t set t.lastUsedAt = :now where t.id = :id")
                    .setParameter("now", now).setParameter("id", token.tokenId()).executeUpdate();
        }
        return new Outcome(token.tenantId(), token.tokenId(), null);
    }

    private ApiToken stored(String hash) {
        List<ApiToken> found = em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", hash)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
