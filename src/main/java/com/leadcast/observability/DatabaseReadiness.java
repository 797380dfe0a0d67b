package com.leadcast.observability;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The readiness check {@value #NAME} ({@code GET /health/ready} on the management interface): UP while a connection
 * of the pool answers the database's own validity test, DOWN while the database is down or unreachable, so a load
 * balancer stops sending requests that could only be answered 503. A probe never waits more than
 * {@value #TIMEOUT_SECONDS} s: the check runs on a thread of its own, one at a time, and a probe that finds the
 * previous check still waiting for the database reports DOWN at once instead of queueing behind it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";
    static final int TIMEOUT_SECONDS = 2;

    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "leadcast-database-readiness");
        thread.setDaemon(true);
        return thread;
    });

    private Future<Boolean> inFlight;

    @Resource(lookup = "java:jboss/datasources/ScimDS")
    private DataSource dataSource;

    @Override
    public synchronized HealthCheckResponse call() {
        if (inFlight != null && !inFlight.isDone()) {
            return down("the previous check is still waiting for the database");
        }
        inFlight = checker.submit(this::connectionIsValid);
        try {
            return inFlight.get(TIMEOUT_SECONDS, TimeUnit.SECONDS) ? HealthCheckResponse.up(NAME)
                    : down("a connection did not pass the database's validity test");
        } catch (TimeoutException e) {
            return down("no answer from the database within " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            return down("unreachable: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private boolean connectionIsValid() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }
}
