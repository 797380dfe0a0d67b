package com.leadcast.it;

import com.leadcast.cursors.StoredCursorSecret;
import com.leadcast.scim.query.CursorCodec;
import com.leadcast.scim.query.CursorPosition;
import com.leadcast.scim.query.CursorScope;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import javax.sql.DataSource;
import java.io.File;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Inside the server: the cursor codec signs with the secret stored in the database (no LEADCAST_CURSOR_SECRET is
 * configured here), so a codec that another server — or this one after a restart — builds from that row accepts its
 * cursors and the other way round; and it keeps cursors for LEADCAST_CURSOR_TIMEOUT.
 */
@ExtendWith(ArquillianExtension.class)
class CursorSecretIT {

    private static final CursorScope SCOPE = new CursorScope("tenant-1", "Group", "fingerprint");
    private static final CursorPosition POSITION = CursorPosition.before(Arrays.asList(1, null, "id-7"));

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClass(CursorSecretIT.class);
    }

    @Inject
    CursorCodec serverCodec;

    @Test
    void cursorsAreSignedWithTheSecretStoredInTheDatabase() throws Exception {
        byte[] stored;
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/ScimDS");
        try (Connection connection = dataSource.getConnection()) {
            stored = StoredCursorSecret.read(connection).orElseThrow();
        }
        CursorCodec anotherServer = new CursorCodec(stored, serverCodec.timeout(), Clock.systemUTC());
        assertEquals(POSITION, anotherServer.decode(serverCodec.encode(SCOPE, POSITION), SCOPE));
        assertEquals(POSITION, serverCodec.decode(anotherServer.encode(SCOPE, POSITION), SCOPE));
    }

    @Test
    void cursorsLiveForTheConfiguredTimeout() {
        // the managed server inherits failsafe's environment, which sets LEADCAST_CURSOR_TIMEOUT
        Duration configured = Duration.ofSeconds(Long.parseLong(System.getenv("LEADCAST_CURSOR_TIMEOUT")));
        assertEquals(configured, serverCodec.timeout());
    }
}
