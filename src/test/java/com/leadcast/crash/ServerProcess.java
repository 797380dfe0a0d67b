package com.leadcast.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The provisioned WildFly ({@code target/server}) started by {@code bin/standalone.sh} on a server base directory of
 * its own (configuration copied from the provisioned server, the WAR in its {@code deployments}, data and logs), so
 * that it can be killed and started again on the same data. Its environment is the one failsafe gives the managed
 * server of the integration tests, with the database given here.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jbossHome;
    private final Path baseDir;
    private final int portOffset;
    private final Map<String, String> database;
    private Process shell;
    private int starts;

    /**
     * A server on a new base directory {@code baseDir} (emptied), its database chosen by {@code database}: the
     * {@code SCIM_DB_*} variables, none for the default H2 file under the base directory. It listens on the ports
     * of the integration tests ({@code it.port.offset}).
     */
    ServerProcess(Path baseDir, Map<String, String> database) {
        this(baseDir, database, Integer.getInteger("it.port.offset"), true);
    }

    /**
     * A server as above on port offset {@code portOffset}; {@code cleanDatabase} false keeps what the database
     * holds on the first start too (a second server joining one already running).
     */
    ServerProcess(Path baseDir, Map<String, String> database, int portOffset, boolean cleanDatabase) {
        this.jbossHome = Path.of(System.getProperty("jboss.home"));
        this.baseDir = baseDir;
        this.portOffset = portOffset;
        this.starts = cleanDatabase ? 0 : 1;
        this.database = Map.copyOf(database);
        deleteTree(baseDir);
        copyTree(jbossHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        try {
            Files.createDirectories(baseDir.resolve("deployments"));
            Files.copy(Path.of(System.getProperty("it.war")), baseDir.resolve("deployments/leadcast-scim.war"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The server installed in {@code jbossHome}, run as it is (its own {@code standalone} directory, configuration
     * and deployments) on port offset {@code portOffset}, with {@code environment} added.
     */
    static ServerProcess installed(Path jbossHome, int portOffset, Map<String, String> environment) {
        return new ServerProcess(jbossHome, environment, portOffset);
    }

    private ServerProcess(Path jbossHome, Map<String, String> environment, int portOffset) {
        this.jbossHome = jbossHome;
        this.baseDir = jbossHome.resolve("standalone");
        this.portOffset = portOffset;
        this.starts = 1;
        this.database = Map.copyOf(environment);
    }

    /** The server's console output, every start appended. */
    Path console() {
        return baseDir.resolve("console.log");
    }

    /** A file of the server's log directory. */
    Path log(String name) {
        return baseDir.resolve("log").resolve(name);
    }

    /** The origin of the HTTP listener. */
    String root() {
        return "http://127.0.0.1:" + (8080 + portOffset);
    }

    /** The origin of the management interface (health, metrics). */
    String management() {
        return "http://127.0.0.1:" + (9990 + portOffset);
    }

    /** {@code GET /health/ready} of the management interface: the status code, then the body. */
    String readiness() {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(management()
                    + "/health/ready")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the server and waits until the application answers; the first start empties the database
     * ({@code leadcast.db.clean-on-start}), later ones keep it.
     */
    void start() {
        List<String> command = new ArrayList<>(List.of(jbossHome.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDir, "-Djboss.socket.binding.port-offset=" + portOffset));
        if (starts++ == 0) {
            command.add("-Dleadcast.db.clean-on-start=true");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SCIM_DB_") || name.startsWith("LEADCAST_"));
        env.put("LEADCAST_ADMIN_TOKEN", System.getProperty("it.admin.token"));
        // the rate limit the integration tests run with (the pom's failsafe environment): the write loads here
        // measure crashes and outages, not the production default of 100 requests per second
        for (String limit : new String[] {"LEADCAST_RATE_LIMIT_RPS", "LEADCAST_RATE_LIMIT_BURST"}) {
            if (System.getenv(limit) != null) {
                env.put(limit, System.getenv(limit));
            }
        }
        env.putAll(database);
        if (database.containsKey("LEADCAST_ADMIN_TOKEN_FILE")) {
            env.remove("LEADCAST_ADMIN_TOKEN");
        }
        env.remove("JAVA_OPTS");
        try {
            shell = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitDeployed(Duration.ofSeconds(240));
    }

    private void awaitDeployed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path failed = baseDir.resolve("deployments/leadcast-scim.war.failed");
        while (System.nanoTime() < deadline) {
            if (!shell.isAlive()) {
                throw new IllegalStateException("The server exited while starting; see " + baseDir.resolve("log"));
            }
            if (Files.exists(failed)) {
                throw new IllegalStateException("The deployment failed: " + readQuietly(failed));
            }
            try {
                HttpResponse<Void> response = CLIENT.send(HttpRequest.newBuilder(URI.create(root() + "/openapi.yaml"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("The application did not answer within " + timeout + "; see "
                + baseDir.resolve("log/server.log"));
    }

    /** {@code kill -9} of the server's JVM (SIGKILL: no shutdown hook, no flush), then waits for it to be gone. */
    void kill() {
        ProcessHandle jvm = jvm().orElseThrow(() -> new IllegalStateException("No server JVM to kill"));
        jvm.destroyForcibly();
        await(jvm);
        await(shell.toHandle());
    }

    /** Sends SIGTERM to the server's JVM, as an orchestrator stopping it does; returns its handle at once. */
    ProcessHandle terminate() {
        ProcessHandle jvm = jvm().orElseThrow(() -> new IllegalStateException("No server JVM to terminate"));
        jvm.destroy();
        return jvm;
    }

    /** A graceful stop (SIGTERM: WildFly shuts down), forcibly after a minute. */
    void stop() {
        if (shell == null) {
            return;
        }
        jvm().ifPresent(jvm -> {
            jvm.destroy();
            try {
                jvm.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                jvm.destroyForcibly();
            }
        });
        shell.destroyForcibly();
        await(shell.toHandle());
    }

    @Override
    public void close() {
        stop();
    }

    private Optional<ProcessHandle> jvm() {
        try (Stream<ProcessHandle> children = shell.toHandle().descendants()) {
            return children.filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
        }
    }

    private static void await(ProcessHandle process) {
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Process " + process.pid() + " did not exit", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return file.toString();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
