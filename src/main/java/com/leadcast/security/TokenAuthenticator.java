package com.leadcast.security;

import com.leadcast.security.KnownTokens.KnownToken;
import com.leadcast.tenant.ApiToken;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * Looks a presented tenant token up by its hash and says whether it may be used now. Tokens already seen come from
 * {@link KnownTokens}, without a database round trip; the token's {@code lastUsedAt} is written at most once a
 * minute per server. A request's authentication starts no transaction ({@code SUPPORTS}): a known token costs no
 * database work at all, an unknown one a read in auto-commit; only the write of {@code lastUsedAt} is a transaction
 * of its own ({@link #recordUse}).
 */
@Stateless
@PermitAll
public class TokenAuthenticator {

    @PersistenceContext(unitName = "scim")
    private EntityManager em;

    @Inject
    KnownTokens known;

    @Resource
    SessionContext self;

    /** The outcome: a tenant and token on success, otherwise a reason an admin can act on. */
    public record Outcome(String tenantId, String tokenId, String failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
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
            self.getBusinessObject(TokenAuthenticator.class).recordUse(token.tokenId(), now);
        }
        return new Outcome(token.tenantId(), token.tokenId(), null);
    }

    /** Writes when the token was last used; through the container, so that it is a transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void recordUse(String tokenId, Instant now) {
        em.createQuery("update ApiToken t set t.lastUsedAt = :now where t.id = :id")
                .setParameter("now", now).setParameter("id", tokenId).executeUpdate();
    }

    private ApiToken stored(String hash) {
        List<ApiToken> found = em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", hash)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
