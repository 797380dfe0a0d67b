package com.leadcast.cursors;

import com.leadcast.scim.query.CursorCodec;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Produces;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one {@link CursorCodec} of this server, made when the server starts (after the migrations): its secret is
 * {@code LEADCAST_CURSOR_SECRET} when configured, otherwise the one kept in the database ({@link StoredCursorSecret}),
 * so that a cursor outlives a restart and works on every server sharing the database; its timeout is
 * {@code LEADCAST_CURSOR_TIMEOUT} or ten minutes. A wrong setting stops the deployment with a log message saying
 * what to fix, rather than letting the server run with settings the operator did not give.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class CursorCodecProducer {

    private static final Logger LOG = Logger.getLogger(CursorCodecProducer.class.getName());

    @Resource(lookup = "java:jboss/datasources/ScimDS")
    private DataSource dataSource;

    private CursorCodec codec;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        CursorSettings settings;
        try {
            settings = CursorSettings.ofProcess();
        } catch (IllegalArgumentException e) {
            LOG.severe("Leadcast SCIM cannot start: " + e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
        byte[] secret = settings.secretKey().orElseGet(this::storedSecret);
        codec = new CursorCodec(secret, settings.timeout(), Clock.systemUTC());
        LOG.info("Cursors (RFC 9865) are valid for " + settings.timeout().toSeconds() + " s and signed with the "
                + "secret " + (settings.secret().isPresent() ? "configured in " + CursorSettings.SECRET_VARIABLE
                : "stored in the database, shared by every server on it"));
    }

    private byte[] storedSecret() {
        try (Connection connection = dataSource.getConnection()) {
            return StoredCursorSecret.obtain(connection);
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Leadcast SCIM cannot start: the cursor secret could not be read from or stored in "
                    + "the database (table cursor_secret)", e);
            throw new IllegalStateException("The cursor secret could not be read from or stored in the database", e);
        }
    }

    @Produces
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CursorCodec codec() {
        return codec;
    }
}
