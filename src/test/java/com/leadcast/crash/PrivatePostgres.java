package com.leadcast.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL instance of the test's own ({@code initdb} into {@code target/}, trust authentication,
 * 127.0.0.1 only, its own port and socket directory), so that a test may stop it without touching anyone's database.
 * The binaries are {@code -Dcrash.pg.bin}, by default the newest {@code /usr/lib/postgresql/<version>/bin}. Run as
 * root (as CI does), the commands run as the {@code postgres} OS user, since PostgreSQL refuses to run as root.
 */
final class PrivatePostgres implements AutoCloseable {

    private static final String OS_USER = "postgres";

    /** How many ports a first start tries when the one before was taken (see {@link #start}). */
    private static final int PORT_ATTEMPTS = 4;

    private final Path dir;
    private final Path data;
    private int port;
    private boolean started;
    private final Path bin = binaries();
    private final boolean asRoot = "root".equals(System.getProperty("user.name"));

    /**
     * A new instance in {@code preferred} (anything there before is stopped and removed) on {@code port}. Run as root,
     * the instance lives in a temporary directory of its own instead, removed on {@link #close()}: the
     * {@value #OS_USER} user must reach its data directory, and a project checked out where only root may enter
     * (a {@code mktemp -d} directory) would refuse it.
     */
    PrivatePostgres(Path preferred, int port) {
        this.dir = asRoot ? temporaryDirectory() : preferred;
        this.data = dir.resolve("data");
        this.port = port;
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(false, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        }
        ServerProcess.deleteTree(dir);
        try {
            Files.createDirectories(dir.resolve("socket"));
            if (asRoot) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(OS_USER);
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : (Iterable<Path>) paths::iterator) {
                        Files.setOwner(path, postgres);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(true, "initdb", "-D", data.toString(), "--auth=trust", "--username=postgres", "--encoding=UTF8",
                "--no-sync");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /**
     * Starts the instance and waits until it accepts connections; {@code settings} ({@code name=value}, no spaces)
     * are given on the command line, where {@code ALTER SYSTEM} cannot override them. The first start moves to a
     * free port when the one asked for is taken (any port may be, for a while, the local end of some outgoing
     * connection); later starts keep the port, since a server already points at it.
     */
    void start(String... settings) {
        if (started) {
            startOn(port, settings);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            if (!isFree(port)) {
                port = freePort();
            }
            try {
                startOn(port, settings);
                started = true;
                return;
            } catch (IllegalStateException e) {
                if (attempt == PORT_ATTEMPTS || !e.getMessage().contains("could not create any TCP/IP sockets")) {
                    throw e;
                }
                port = freePort();
            }
        }
    }

    private void startOn(int port, String... settings) {
        StringBuilder options = new StringBuilder("-p " + port + " -k " + dir.resolve("socket")
                + " -c listen_addresses=127.0.0.1");
        for (String setting : settings) {
            options.append(" -c ").append(setting);
        }
        run(true, "pg_ctl", "-D", data.toString(), "-l", dir.resolve("postgresql.log").toString(), "-w", "-t", "60",
                "-o", options.toString(), "start");
    }

    /** A directory of the instance's own for files the server writes, such as a log collector's. */
    Path directory() {
        return dir;
    }

    /** Stops as a crash would: every server process is killed, recovery runs on the next start. */
    void stopImmediately() {
        run(true, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(false, "pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
        }
        if (asRoot) {
            ServerProcess.deleteTree(dir);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("leadcast-crash-postgresql-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The end of the instance's own logs, which say why it did not start (deleted with the directory on close): the
     * one {@code pg_ctl -l} names and, with a logging collector, the collector's files in the data directory.
     */
    private String serverLogTail() {
        List<Path> logs = new ArrayList<>(List.of(dir.resolve("postgresql.log")));
        try (Stream<Path> collected = Files.isDirectory(data.resolve("log")) ? Files.list(data.resolve("log"))
                : Stream.empty()) {
            collected.sorted().forEach(logs::add);
        } catch (IOException | UncheckedIOException e) {
            return "\n(" + data.resolve("log") + " unreadable: " + e + ")";
        }
        StringBuilder tail = new StringBuilder();
        for (Path log : logs) {
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
                tail.append("\n--- ").append(log).append(" (last lines) ---\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            } catch (IOException | UncheckedIOException e) {
                tail.append("\n(").append(log).append(" unreadable: ").append(e).append(")");
            }
        }
        return tail.toString();
    }

    private void run(boolean mustSucceed, String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(Arrays.asList(arguments));
        try {
            Path output = Files.createTempFile("pg", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean exited = process.waitFor(90, TimeUnit.SECONDS);
            String text = Files.readString(output);
            Files.delete(output);
            if (mustSucceed && (!exited || process.exitValue() != 0)) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + text + serverLogTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path binaries() {
        String configured = System.getProperty("crash.pg.bin");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path installed = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(installed)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL binaries (initdb, pg_ctl) under " + installed
                    + ": install PostgreSQL or give their directory as -Dcrash.pg.bin", e);
        }
    }
}
