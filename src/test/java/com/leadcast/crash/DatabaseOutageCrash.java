package com.leadcast.crash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcast.crash.WriteLoad.Answer;
import com.leadcast.crash.WriteLoad.Kind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stopped as by a crash ({@code pg_ctl stop -m immediate}) during a write load, then started again, on a
 * private instance ({@link PrivatePostgres}): during the outage every answer is 503 with {@code Retry-After} and a
 * SCIM error body, authentication and the admin API included, never a 500; afterwards service resumes within
 * seconds; every create answered 201 is stored and none answered with an error is, except a create answered 503
 * "may or may not have been stored": the connection broke during its commit, which PostgreSQL may have made durable
 * before the reply was lost, and the answer says so. Readiness ({@code /health/ready}) is UP before, DOWN (503, its
 * {@code database} check DOWN) within seconds of the outage, answered within the check's bound, and UP again after.
 */
class DatabaseOutageCrash {

    private static final int WRITERS = 6;
    private static final int OUTAGE_SECONDS = Integer.getInteger("crash.outage.seconds", 15);
    private static final int ACKNOWLEDGED_BEFORE_OUTAGE = 100;
    /** How soon after the database accepts connections again every client must have had a success. */
    private static final double RECOVERY_SECONDS = 10;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aStoppedDatabaseIsAnswered503AndAfterItNothingAcknowledgedIsLost() {
        Path crash = Path.of(System.getProperty("jboss.home")).resolveSibling("crash");
        int port = Integer.getInteger("crash.pg.port", 30000 + Integer.getInteger("it.port.offset"));
        try (PrivatePostgres postgres = new PrivatePostgres(crash.resolve("postgresql"), port)) {
            postgres.start();
            Map<String, String> database = Map.of("SCIM_DB_DRIVER", "postgresql", "SCIM_DB_URL", postgres.jdbcUrl(),
                    "SCIM_DB_USER", "postgres", "SCIM_DB_PASSWORD", "postgres");
            try (ServerProcess server = new ServerProcess(crash.resolve("postgresql-server"), database)) {
                server.start();
                String token = CrashFigures.newTenantToken(server.root());
                List<Answer> answers;
                long stopped;
                long started;
                long restarting;
                String readyBefore;
                String readyDuring;
                double readyDuringSeconds;
                String readyAfter;
                try (WriteLoad load = new WriteLoad(server.root(), token, WRITERS, true).start()) {
                    load.awaitAcknowledged(ACKNOWLEDGED_BEFORE_OUTAGE, Duration.ofSeconds(120));
                    readyBefore = server.readiness();
                    ServerProcess.sleep(2_000);
                    postgres.stopImmediately();
                    stopped = System.nanoTime();
                    ServerProcess.sleep(3_000);
                    long probed = System.nanoTime();
                    readyDuring = server.readiness();
                    readyDuringSeconds = (System.nanoTime() - probed) / 1e9;
                    ServerProcess.sleep(OUTAGE_SECONDS * 1000L - 3_000);
                    // the outage ends when PostgreSQL starts, before pg_ctl notices that it accepts connections
                    restarting = System.nanoTime();
                    postgres.start();
                    started = System.nanoTime();
                    ServerProcess.sleep((long) (RECOVERY_SECONDS + 2) * 1000);
                    readyAfter = server.readiness();
                    load.close();
                    answers = load.answers();
                }
                Set<String> stored = WriteLoad.storedUserNames(server.root(), token);
                System.out.printf("[crash] PostgreSQL outage: readiness before %s; during the outage %s (answered in "
                        + "%.1f s); after %s%n", readyBefore, readyDuring, readyDuringSeconds, readyAfter);
                assertTrue(readyBefore.startsWith("200 ") && readyBefore.contains("\"UP\""), readyBefore);
                assertTrue(readyDuring.startsWith("503 ") && databaseCheck(readyDuring).equals("DOWN"), readyDuring);
                assertTrue(readyDuringSeconds < 5, "readiness took " + readyDuringSeconds + " s in the outage");
                assertTrue(readyAfter.startsWith("200 "), readyAfter);
                report(answers, stored, stopped, restarting, started);
            }
        }
    }

    /** The status of the {@code database} check in a readiness answer ({@link ServerProcess#readiness()}). */
    private static String databaseCheck(String readiness) {
        try {
            for (JsonNode check : new ObjectMapper().readTree(readiness.substring(4)).path("checks")) {
                if (check.path("name").asText().equals("database")) {
                    return check.path("status").asText();
                }
            }
            return "missing";
        } catch (JsonProcessingException e) {
            return "not JSON";
        }
    }

    private static void report(List<Answer> answers, Set<String> stored, long stopped, long restarting,
                               long started) {
        List<Answer> wrong = answers.stream().filter(a -> !a.succeeded() && !a.isUnavailableError()).toList();
        List<Answer> duringOutage = answers.stream()
                .filter(a -> a.receivedNanos() > stopped + SECOND && a.receivedNanos() < restarting).toList();
        long unavailable = answers.stream().filter(Answer::isUnavailableError).count();
        Map<Kind, Double> recovery = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            answers.stream().filter(a -> a.kind() == kind && a.succeeded() && a.receivedNanos() > started)
                    .mapToLong(Answer::receivedNanos).min()
                    .ifPresent(first -> recovery.put(kind, (first - started) / 1e9));
        }
        CrashFigures figures = CrashFigures.of(answers, stored);
        System.out.printf("[crash] PostgreSQL stopped for %d s during a write load (%d writers, an invalid-token and "
                        + "an admin client): %d answers, %d of them 503 with Retry-After (%d in the outage, all of "
                        + "them 503: %b), other errors %d; seconds from the database's restart to the first success "
                        + "%s; %s%n", OUTAGE_SECONDS, WRITERS, answers.size(), unavailable, duringOutage.size(),
                duringOutage.stream().allMatch(Answer::isUnavailableError), wrong.size(), recovery,
                figures.summary());

        assertEquals(List.of(), wrong.stream().limit(5).toList(), wrong.size() + " answers neither a success nor "
                + "a 503 with Retry-After and a SCIM error body");
        assertTrue(duringOutage.size() >= OUTAGE_SECONDS, "too few answers during the outage: " + duringOutage.size());
        assertEquals(List.of(), duringOutage.stream().filter(a -> !a.isUnavailableError()).limit(5).toList(),
                "answers other than 503 while the database was down");
        assertEquals(Set.of(Kind.values()), recovery.keySet(), "a client did not recover: " + recovery);
        recovery.forEach((kind, seconds) -> assertTrue(seconds < RECOVERY_SECONDS, kind + " recovered only after " + seconds
                + " s"));
        assertTrue(figures.acknowledged().size() >= ACKNOWLEDGED_BEFORE_OUTAGE, "too few acknowledged writes: " + figures.summary());
        assertEquals(Set.of(), figures.lost(), "acknowledged creates lost");
        assertEquals(Set.of(), figures.erroredButStored(), "creates answered with an error but committed");
    }
}
