package com.leadcast.crash;

import com.leadcast.crash.WriteLoad.Answer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the server during a write load on the embedded default H2 database (no {@code SCIM_DB_*}
 * variables: the datasource's own default URL), then a restart on the same database file: every create answered
 * 201 is there, no create answered with an error is.
 */
class ServerKillCrash {

    private static final int WRITERS = 8;
    /** The load runs this long after {@link #ACKNOWLEDGED_BEFORE_KILL} writes were acknowledged, then the kill. */
    private static final int LOAD_SECONDS = Integer.getInteger("crash.load.seconds", 5);
    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;

    @Test
    void everyAcknowledgedCreateSurvivesAKillOfTheServerOnTheDefaultH2() {
        Path base = Path.of(System.getProperty("jboss.home")).resolveSibling("crash").resolve("h2-server");
        try (ServerProcess server = new ServerProcess(base, Map.of())) {
            server.start();
            String token = CrashFigures.newTenantToken(server.root());
            List<Answer> answers;
            long killedAt;
            try (WriteLoad load = new WriteLoad(server.root(), token, WRITERS, false).start()) {
                load.awaitAcknowledged(ACKNOWLEDGED_BEFORE_KILL, Duration.ofSeconds(120));
                ServerProcess.sleep(LOAD_SECONDS * 1000L);
                killedAt = System.nanoTime();
                server.kill();
                load.close();
                answers = load.answers();
            }
            long lastHalfSecond = answers.stream().filter(a -> a.status() == 201)
                    .filter(a -> a.receivedNanos() > killedAt - 500_000_000L).count();

            server.start();
            Set<String> stored = WriteLoad.storedUserNames(server.root(), token);
            CrashFigures figures = CrashFigures.of(answers, stored);
            System.out.println("[crash] kill -9 of the server on H2 (" + WRITERS + " writers, " + LOAD_SECONDS
                    + " s after " + ACKNOWLEDGED_BEFORE_KILL + " acknowledged): " + figures.summary() + "; acknowledged in the last 0.5 s before the kill "
                    + lastHalfSecond);

            assertTrue(figures.acknowledged().size() >= ACKNOWLEDGED_BEFORE_KILL, "the load acknowledged too few writes to prove "
                    + "anything: " + figures.summary());
            assertEquals(Set.of(), figures.lost(), "acknowledged creates lost by the crash");
            assertEquals(Set.of(), figures.erroredButStored(), "creates answered with an error but committed");
        }
    }
}
