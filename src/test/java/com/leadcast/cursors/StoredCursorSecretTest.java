package com.leadcast.cursors;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.scim.query.CursorCodec;
import com.leadcast.scim.query.CursorPosition;
import com.leadcast.scim.query.CursorScope;
import com.leadcast.store.StandaloneDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link StoredCursorSecret} on the migrated database (H2 in memory, or the profile's database): the first server
 * stores a secret, every later one — or the same after a restart — reads it, servers starting at once agree on one,
 * and codecs built from it accept each other's cursors.
 */
class StoredCursorSecretTest {

    private static final CursorScope SCOPE = new CursorScope("tenant-1", "User", "fingerprint");
    private static final CursorPosition POSITION = CursorPosition.after(Arrays.asList(0, "bob@example.com", "id-2"));

    private final StandaloneDatabase db = StandaloneDatabase.shared();

    @BeforeEach
    void noSecretStoredYet() throws SQLException {
        try (Connection connection = db.connection(); Statement delete = connection.createStatement()) {
            delete.executeUpdate("delete from cursor_secret");
        }
    }

    private byte[] obtain() throws SQLException {
        try (Connection connection = db.connection()) {
            return StoredCursorSecret.obtain(connection);
        }
    }

    private static CursorCodec codec(byte[] secret) {
        return new CursorCodec(secret, Duration.ofMinutes(10), Clock.systemUTC());
    }

    @Test
    void theFirstServerStoresASecretThatEveryLaterStartReads() throws SQLException {
        byte[] first = obtain();
        assertEquals(32, first.length);
        assertArrayEquals(first, obtain());
        try (Connection connection = db.connection()) {
            assertArrayEquals(first, StoredCursorSecret.read(connection).orElseThrow());
        }
    }

    @Test
    void aConnectionOutsideAutoCommitStoresTheSecretForOthersToo() throws SQLException {
        byte[] stored;
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            stored = StoredCursorSecret.obtain(connection);
        }
        assertArrayEquals(stored, obtain());
    }

    @Test
    void serversStartingAtOnceAgreeOnOneSecret() throws Exception {
        ExecutorService servers = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 10; round++) {
                noSecretStoredYet();
                CyclicBarrier start = new CyclicBarrier(3);
                Callable<byte[]> server = () -> {
                    try (Connection connection = db.connection()) {
                        start.await();
                        return StoredCursorSecret.obtain(connection);
                    }
                };
                List<Future<byte[]>> secrets = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    secrets.add(servers.submit(server));
                }
                byte[] first = secrets.get(0).get();
                for (Future<byte[]> secret : secrets) {
                    assertArrayEquals(first, secret.get(), "round " + round);
                }
            }
        } finally {
            servers.shutdownNow();
        }
    }

    @Test
    void codecsOfTwoServersOnTheSameDatabaseAcceptEachOthersCursors() throws SQLException {
        CursorCodec nodeA = codec(obtain());
        CursorCodec nodeB = codec(obtain());
        assertEquals(POSITION, nodeB.decode(nodeA.encode(SCOPE, POSITION), SCOPE));
        assertEquals(POSITION, nodeA.decode(nodeB.encode(SCOPE, POSITION), SCOPE));

        noSecretStoredYet(); // another database: another secret, and the cursor is not one of its servers
        ScimException refused = assertThrows(ScimException.class,
                () -> codec(obtain()).decode(nodeA.encode(SCOPE, POSITION), SCOPE));
        assertEquals(ScimType.INVALID_CURSOR, refused.scimType());
    }
}
