package com.leadcast.cursors;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * The cursor secret kept in the database (table {@code cursor_secret}, migration V4): read if some server stored it,
 * otherwise generated (256 random bits) and stored. Servers starting at once on an empty table race on its primary
 * key; the one whose insert fails reads the winner's secret, so all end up with the same.
 */
public final class StoredCursorSecret {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ROW = 1;

    private StoredCursorSecret() {
    }

    /** The stored secret, stored first if there is none, using {@code connection} (committing what it writes). */
    public static byte[] obtain(Connection connection) throws SQLException {
        Optional<byte[]> stored = read(connection);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        boolean manualCommit = !connection.getAutoCommit();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into cursor_secret (id, secret_value, created_at) values (?, ?, current_timestamp)")) {
            insert.setInt(1, ROW);
            insert.setString(2, Base64.getUrlEncoder().withoutPadding().encodeToString(fresh));
            insert.executeUpdate();
            if (manualCommit) {
                connection.commit();
            }
            return fresh;
        } catch (SQLException e) {
            if (manualCommit) {
                connection.rollback();
            }
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            // SQLSTATE class 23, integrity constraint violation: another server stored its secret first
        }
        return read(connection).orElseThrow(() -> new SQLException("The cursor secret row was neither insertable "
                + "nor readable"));
    }

    /** The stored secret, if any. */
    public static Optional<byte[]> read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select secret_value from cursor_secret where id = ?")) {
            select.setInt(1, ROW);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(Base64.getUrlDecoder().decode(row.getString(1))) : Optional.empty();
            }
        }
    }
}
