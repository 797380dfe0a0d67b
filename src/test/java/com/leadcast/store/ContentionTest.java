package com.leadcast.store;

import com.leadcast.scim.ScimException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentionTest {

    private static ScimException classified(Throwable failure) {
        return Contention.of(new PersistenceException("wrapped", failure)).orElseThrow();
    }

    @Test
    void deadlocksOfEveryDatabaseAre503WithRetryAfter() {
        for (SQLException deadlock : new SQLException[]{
                new SQLException("deadlock detected", "40P01"),             // PostgreSQL
                new SQLException("Deadlock detected", "40001", 40001),      // H2
                new SQLException("Deadlock found", "40001", 1213)}) {       // MariaDB
            ScimException e = classified(deadlock);
            assertEquals(503, e.status());
            assertEquals(1, e.retryAfter().orElseThrow().toSeconds());
            assertTrue(e.detail().contains("changed nothing"), e.detail());
        }
    }

    @Test
    void lockAndStatementTimeoutsAre503() {
        for (SQLException timeout : new SQLException[]{
                new SQLException("canceling statement due to statement timeout", "57014"),
                new SQLException("Timeout trying to lock table", "HYT00", 50200),
                new SQLException("Lock wait timeout exceeded", "HY000", 1205),
                new SQLTimeoutException("Query timed out")}) {
            ScimException e = classified(timeout);
            assertEquals(503, e.status());
            assertTrue(e.retryAfter().orElseThrow().toSeconds() >= 1);
        }
    }

    @Test
    void otherFailuresAreNotContention() {
        assertTrue(Contention.of(new PersistenceException(new SQLException("duplicate key", "23505"))).isEmpty());
        assertTrue(Contention.of(new IllegalStateException("x")).isEmpty());
    }
}
