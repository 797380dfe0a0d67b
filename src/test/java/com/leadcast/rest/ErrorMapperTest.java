package com.leadcast.rest;

import com.leadcast.scim.ScimException;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the one mapper makes of a database that is down, and of failures that only look alike. */
class ErrorMapperTest {

    @Test
    void aDatabaseThatRefusesConnectionsIs503WithARetryAfter() {
        Throwable refused = new EJBException(new PersistenceException(new JDBCConnectionException(
                "Unable to acquire JDBC Connection", new SQLException("Connection to 127.0.0.1:5432 refused",
                "08001"))));
        ScimException error = ErrorMapper.translate(refused);
        assertEquals(503, error.status());
        assertNull(error.scimType());
        assertEquals(ScimErrors.DATABASE_UNAVAILABLE, error.detail());
        assertEquals(String.valueOf(ScimErrors.RETRY_AFTER_SECONDS), ScimErrors.retryAfter(error.status()));
    }

    @Test
    void aConnectionThatBrokeDuringTheCommitIs503SayingTheWriteMayBeStored() {
        // Narayana's one-phase commit of IronJacamar's local transaction: the failure is suppressed by the
        // RollbackException the EJB container wraps; PostgreSQL may have made the transaction durable before
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new Exception("IJ001156: Could not commit local transaction", new ResourceException(
                "SQLException", new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        ScimException error = ErrorMapper.translate(new EJBTransactionRolledbackException("rolled back", rollback));
        assertEquals(503, error.status());
        assertEquals(ScimErrors.COMMIT_IN_DOUBT, error.detail());
    }

    @Test
    void aCommitRolledBackForAnotherReasonIsNotInDoubt() {
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException("marked rollback");
        rollback.addSuppressed(new PersistenceException(new SQLException("syntax error", "42601")));
        assertEquals(500, ErrorMapper.translate(new EJBTransactionRolledbackException("rolled back", rollback))
                .status());
    }

    @Test
    void aStatementThatFailedOnABrokenConnectionBeforeTheCommitIsNotInDoubt() {
        // the transaction was never committed: the database rolls back what a broken connection left open
        Throwable beforeCommit = new EJBTransactionRolledbackException("rolled back", new PersistenceException(
                new JDBCConnectionException("could not execute statement", new SQLException("An I/O error "
                        + "occurred while sending to the backend.", "08006"))));
        assertEquals(ScimErrors.DATABASE_UNAVAILABLE, ErrorMapper.translate(beforeCommit).detail());
    }

    @Test
    void aPoolThatCannotGetAConnectionIs503() {
        Throwable pool = new EJBTransactionRolledbackException("rolled back", new PersistenceException(
                new GenericJDBCException("Unable to acquire JDBC Connection", new SQLException(new ResourceException(
                        "IJ000453: Unable to get managed connection for java:jboss/datasources/ScimDS")))));
        assertEquals(503, ErrorMapper.translate(pool).status());
    }

    @Test
    void aDatabaseThatIsStartingUpIs503() {
        Throwable startingUp = new EJBException(new PersistenceException(new SQLException(
                "FATAL: the database system is starting up", "57P03")));
        assertEquals(503, ErrorMapper.translate(startingUp).status());
    }

    @Test
    void otherDatabaseFailuresStay500() {
        Throwable other = new EJBException(new PersistenceException(new SQLException("syntax error", "42601")));
        ScimException error = ErrorMapper.translate(other);
        assertEquals(500, error.status());
        assertNull(ScimErrors.retryAfter(error.status()));
    }

    @Test
    void onlyA503CarriesRetryAfterAndItIsWholeSeconds() {
        assertEquals("5", ScimErrors.retryAfter(503));
        for (int status : new int[] {400, 401, 404, 409, 429, 500, 501}) {
            assertNull(ScimErrors.retryAfter(status), String.valueOf(status));
        }
    }

    @Test
    void aValueTheDatabaseCannotCompareIs400InvalidValue() {
        ScimException error = ErrorMapper.translate(new jakarta.persistence.PersistenceException(
                new org.hibernate.exception.DataException("invalid byte sequence",
                        new java.sql.SQLException("invalid byte sequence for encoding UTF8: 0x00", "22021"))));
        assertEquals(400, error.status());
        assertEquals(com.leadcast.scim.ScimType.INVALID_VALUE, error.scimType());
    }
}
