package com.leadcast.store;

import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a database that is down, unreachable or not yet accepting connections from every other failure, so that the
 * service answers {@code 503 Service Unavailable} with {@code Retry-After} (RFC 9110 §15.6.4, §10.2.3) rather than a
 * 500. It reads the whole cause chain, because the signal arrives wrapped: in Hibernate's
 * {@link JDBCConnectionException}, in a JDBC driver's {@link SQLException} with an SQLState of class {@code 08}
 * (connection exception, ISO/IEC 9075) or PostgreSQL's {@code 57P01}-{@code 57P03} (shut down, crashed, starting
 * up), or in the connection pool's {@link ResourceException} when it cannot hand out a connection at all — each
 * under a {@code PersistenceException} or {@code EJBException} of the container, or suppressed by a
 * {@code RollbackException} when the connection broke during the commit.
 *
 * <p>A connection that breaks while the commit is under way leaves the outcome unknown: the database may have made
 * the transaction durable before the reply was lost (PostgreSQL stopped by {@code -m immediate} right after its WAL
 * flush). {@link #duringCommit} tells that case, so that the answer says the write may have been stored instead of
 * implying it was not.
 */
public final class DatabaseFailures {

    /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now (Appendix A of its manual). */
    private static final Set<String> SERVER_STOPPING_STATES = Set.of("57P01", "57P02", "57P03");

    /**
     * IronJacamar's (WildFly's connection pool) "IJ000453: Unable to get managed connection" and "IJ000655: No
     * managed connections available within configured blocking timeout": its messages carry no other machine-readable
     * code.
     */
    private static final Pattern POOL_EXHAUSTED_OR_UNREACHABLE = Pattern.compile("\\bIJ000(453|655)\\b");

    private DatabaseFailures() {
    }

    /** Whether {@code thrown}, or anything it was caused by, says the database cannot be used right now. */
    public static boolean isUnavailable(Throwable thrown) {
        return unavailability(thrown).isPresent();
    }

    /**
     * The failure in the chain of {@code thrown} that says the database cannot be used right now, if any: the one to
     * log (its message names the database's address or the pool, never data).
     */
    public static Optional<Throwable> unavailability(Throwable thrown) {
        return search(thrown, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Whether the database became unavailable while the transaction manager was completing the transaction: the
     * unavailability is beneath a {@link RollbackException}, {@link HeuristicMixedException} or
     * {@link SystemException} of {@code jakarta.transaction}, which only the commit raises. Whether the transaction
     * is durable is then unknown; a failure before the commit always rolled it back.
     */
    public static boolean duringCommit(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof RollbackException || t instanceof HeuristicMixedException
                    || t instanceof SystemException) {
                return isUnavailable(t);
            }
        }
        return false;
    }

    /**
     * Depth first through causes, suppressed exceptions (the transaction manager attaches a failed commit's cause
     * so) and JDBC's chained next exceptions; {@code seen} stops cycles.
     */
    private static Optional<Throwable> search(Throwable thrown, Set<Throwable> seen) {
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (signalsUnavailability(t)) {
                return Optional.of(t);
            }
            List<Throwable> branches = new ArrayList<>(List.of(t.getSuppressed()));
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                branches.add(sql.getNextException());
            }
            for (Throwable branch : branches) {
                Optional<Throwable> found = search(branch, seen);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean signalsUnavailability(Throwable t) {
        if (t instanceof JDBCConnectionException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            return unavailableState(sql.getSQLState());
        }
        return t instanceof ResourceException && t.getMessage() != null
                && POOL_EXHAUSTED_OR_UNREACHABLE.matcher(t.getMessage()).find();
    }

    /** SQLState class {@code 08} (connection exception) or PostgreSQL's server-stopping states. */
    static boolean unavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SERVER_STOPPING_STATES.contains(sqlState));
    }
}
