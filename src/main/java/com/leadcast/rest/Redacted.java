package com.leadcast.rest;

import java.sql.SQLException;

/**
 * A failure as it may be logged: the chain of exception types, SQLSTATEs and stack frames, without any message.
 * Messages of JDBC drivers and Hibernate quote the SQL and its bound values (a user's document, a password hash),
 * which must never reach a log.
 */
final class Redacted extends RuntimeException {

    private Redacted(String description, Throwable cause) {
        super(description, cause, false, true);
    }

    /** {@code failure} and its causes as message-less copies with the same types named and the same stack frames. */
    static Throwable of(Throwable failure) {
        return copy(failure, 0);
    }

    private static Throwable copy(Throwable failure, int depth) {
        if (failure == null || depth > 20) {
            return null;
        }
        Throwable cause = failure.getCause() == failure ? null : copy(failure.getCause(), depth + 1);
        Redacted copy = new Redacted(name(failure), cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** One line naming the types (and SQLSTATEs) of {@code failure} and its causes. */
    static String describe(Throwable failure) {
        StringBuilder line = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 20; t = t.getCause() == t ? null : t.getCause()) {
            line.append(line.length() == 0 ? "" : " <- ").append(name(t));
        }
        return line.toString();
    }

    private static String name(Throwable t) {
        if (t instanceof SQLException sql) {
            return t.getClass().getName() + " [SQLState " + sql.getSQLState() + ", error " + sql.getErrorCode() + "]";
        }
        return t.getClass().getName();
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
