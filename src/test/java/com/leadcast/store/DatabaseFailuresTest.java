package com.leadcast.store;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    /** How a failure reaches the error mapper from a resource EJB: EJBException over PersistenceException. */
    private static Throwable fromEjb(Throwable root) {
        return new EJBException(new PersistenceException("could not execute statement", root));
    }

    @Test
    void hibernatesConnectionExceptionIsUnavailability() {
        JDBCConnectionException connection = new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("I/O error", "08006"));
        assertTrue(DatabaseFailures.isUnavailable(fromEjb(connection)));
        assertSame(connection, DatabaseFailures.unavailability(fromEjb(connection)).orElseThrow());
    }

    @Test
    void connectionExceptionClassesOfJdbcAreUnavailability() {
        assertTrue(DatabaseFailures.isUnavailable(fromEjb(new SQLTransientConnectionException("timeout"))));
        assertTrue(DatabaseFailures.isUnavailable(fromEjb(new SQLNonTransientConnectionException("closed"))));
    }

    @Test
    void sqlStateClass08IsUnavailabilityWhateverTheExceptionClass() {
        for (String state : new String[] {"08000", "08001", "08003", "08004", "08006", "08S01"}) {
            assertTrue(DatabaseFailures.isUnavailable(fromEjb(new SQLException("connection", state))), state);
        }
    }

    @Test
    void postgresqlShuttingDownCrashedAndStartingUpAreUnavailability() {
        for (String state : new String[] {"57P01", "57P02", "57P03"}) {
            assertTrue(DatabaseFailures.isUnavailable(fromEjb(new SQLException("the database system is "
                    + "starting up", state))), state);
        }
    }

    @Test
    void connectionPoolThatCannotHandOutAConnectionIsUnavailability() {
        // WildFly's chain when the database refuses connections: Hibernate over the pool's SQLException (no
        // SQLState) over IronJacamar's ResourceException over the driver's failure
        ResourceException pool = new ResourceException(
                "IJ000453: Unable to get managed connection for java:jboss/datasources/ScimDS",
                new ResourceException("IJ031084: Unable to create connection", new ConnectException("refused")));
        Throwable thrown = fromEjb(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException(pool)));
        assertTrue(DatabaseFailures.isUnavailable(thrown));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException(new ResourceException("IJ000655: No managed "
                + "connections available within configured blocking timeout (30000 [ms]) for ScimDS"))));
    }

    @Test
    void otherPoolFailuresAreNot() {
        assertFalse(DatabaseFailures.isUnavailable(new SQLException(new ResourceException(
                "IJ000459: Transaction is not active: tx=TransactionImple < ac, BasicAction: 0:ffff7f000101 >"))));
        assertFalse(DatabaseFailures.isUnavailable(new ResourceException((String) null)));
    }

    @Test
    void dataErrorsConflictsAndDeadlocksAreNot() {
        assertFalse(DatabaseFailures.isUnavailable(fromEjb(new SQLIntegrityConstraintViolationException(
                "duplicate key", "23505"))));
        assertFalse(DatabaseFailures.isUnavailable(fromEjb(new SQLException("deadlock detected", "40P01"))));
        assertFalse(DatabaseFailures.isUnavailable(fromEjb(new SQLException("value too long", "22001"))));
        assertFalse(DatabaseFailures.isUnavailable(fromEjb(new SQLException("no state"))));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("bug")));
        assertFalse(DatabaseFailures.isUnavailable(null));
    }

    @Test
    void chainedNextExceptionsOfJdbcAreRead() {
        SQLException batch = new SQLException("Batch entry 0 insert ... was aborted", "HY000");
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertTrue(DatabaseFailures.isUnavailable(fromEjb(batch)));
    }

    @Test
    void aCommitThatFailedOnABrokenConnectionIsUnavailability() {
        // Narayana's one-phase commit: the resource's failure is suppressed by the RollbackException
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        Exception local = new Exception("IJ001156: Could not commit local transaction",
                new ResourceException("SQLException", new SQLException("An I/O error occurred while sending to the "
                        + "backend.", "08006")));
        rollback.addSuppressed(local);
        assertTrue(DatabaseFailures.isUnavailable(new jakarta.ejb.EJBTransactionRolledbackException(
                "rolled back", rollback)));
        assertFalse(DatabaseFailures.isUnavailable(new jakarta.transaction.RollbackException("marked rollback")));
    }

    @Test
    void aCauseChainWithACycleEnds() {
        SQLException first = new SQLException("first", "HY000");
        SQLException second = new SQLException("second", "HY000", first);
        first.initCause(second);
        first.setNextException(second);
        assertFalse(DatabaseFailures.isUnavailable(first));
        assertEquals(java.util.Optional.empty(), DatabaseFailures.unavailability(first));
    }

    @Test
    void unavailableStatesAreClass08AndPostgresqlsStoppingStatesOnly() {
        assertTrue(DatabaseFailures.unavailableState("08P01"));
        assertFalse(DatabaseFailures.unavailableState("57014"));
        assertFalse(DatabaseFailures.unavailableState("80000"));
        assertFalse(DatabaseFailures.unavailableState(null));
    }
}
