package com.leadcast.security;

import com.leadcast.cache.ReadCache;
import com.leadcast.tenant.ApiToken;
import com.leadcast.tenant.TenantChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The tenant tokens this server has seen presented, by the hash of their secret, so that authenticating a request
 * reads no database: a token revoked (or its tenant deleted) on this server is refused from the commit on, on
 * another server sharing the database within {@link ReadCache#MAX_STALENESS}. An expiry is checked at each use.
 * Secrets that match no token are not kept: each costs a look-up, and the refused-token throttle bounds them.
 */
@ApplicationScoped
class KnownTokens {

    /** The tokens in use at once across every tenant one server serves, with room to spare. */
    private static final int MAX_TOKENS = 100_000;

    /** How stale a token's {@code lastUsedAt} may get before a request records its use: a write a minute at most. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** A token as read: what each request's decision needs, and when this server last recorded its use. */
    record KnownToken(String tokenId, String tenantId, Instant expiresAt, Instant revokedAt,
                      AtomicReference<Instant> lastUse) {

        static KnownToken of(ApiToken token) {
            return new KnownToken(token.getId(), token.getTenantId(), token.getExpiresAt(), token.getRevokedAt(),
                    new AtomicReference<>(token.getLastUsedAt()));
        }

        /** Why the token cannot be used at {@code now}, or null. */
        String unusableReason(Instant now) {
            return ApiToken.unusableReason(revokedAt, expiresAt, now);
        }

        /** Whether this request is the one to record a use at {@code now}: the first in a minute, on this server. */
        boolean claimUseRecord(Instant now) {
            Instant last = lastUse.get();
            return (last == null || last.plus(LAST_USED_RESOLUTION).isBefore(now)) && lastUse.compareAndSet(last, now);
        }
    }

    private final ReadCache<String, KnownToken> tokens = new ReadCache<>(MAX_TOKENS);

    /** The token whose secret hashes to {@code hash}, or null when there is none; {@code load} reads a miss. */
    KnownToken byHash(String hash, Function<String, ApiToken> load) {
        return tokens.get(hash, h -> {
            ApiToken token = load.apply(h);
            return token == null ? null : KnownToken.of(token);
        });
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantChanged change) {
        tokens.evictIf(token -> token.tenantId().equals(change.tenantId()));
    }
}
