package com.leadcast.store;

import com.leadcast.scim.ScimException;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a database refusal that concurrency caused, not the request: a deadlock or serialization failure (the
 * database rolled this transaction back to let another finish), a lock wait or statement that ran past the
 * datasource's statement timeout. The transaction is rolled back, so nothing of the request was written; the client
 * may retry, which Entra and other identity providers do on {@code 503} with {@code Retry-After}.
 */
public final class Contention {

    /** SQLSTATE of a transaction rolled back by the database: serialization failure, deadlock (PostgreSQL 40P01). */
    private static final Set<String> ROLLED_BACK = Set.of("40001", "40P01");

    /** SQLSTATE of a lock not obtained or a statement cancelled for its time (PostgreSQL, H2, MariaDB). */
    private static final Set<String> TIMED_OUT = Set.of("55P03", "57014", "HYT00", "HYT01", "70100");

    /** MariaDB's error codes: deadlock, lock wait timeout, statement time exceeded. */
    private static final Set<Integer> MARIADB_CODES = Set.of(1213, 1205, 1969);

    private Contention() {
    }

    /** The answer for {@code failure} when concurrency caused it, else empty. */
    public static Optional<ScimException> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransactionRollbackException || t instanceof SQLException sql
                    && sql.getSQLState() != null && ROLLED_BACK.contains(sql.getSQLState())) {
                return Optional.of(ScimException.unavailable("Another request was changing the same resources at "
                        + "the same moment; this one was rolled back and changed nothing. Send it again", Duration.ofSeconds(1)));
            }
            if (t instanceof SQLTimeoutException || t instanceof SQLException sql && (sql.getSQLState() != null
                    && TIMED_OUT.contains(sql.getSQLState()) || MARIADB_CODES.contains(sql.getErrorCode()))) {
                return Optional.of(ScimException.unavailable("The database did not complete this request in the "
                        + "time the service allows (a lock held by a concurrent request, or a query too costly, "
                        + "such as a 'co' filter over many resources); nothing was changed. Retry later, or "
                        + "narrow the filter", Duration.ofSeconds(2)));
            }
        }
        return Optional.empty();
    }
}
