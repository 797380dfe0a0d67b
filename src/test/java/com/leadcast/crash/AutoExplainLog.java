package com.leadcast.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The plans PostgreSQL actually executed, with their actual row counts, as its {@code auto_explain} module logs them
 * ({@code EXPLAIN ANALYZE} of every statement of every session, in JSON) to a {@code jsonlog} file: what a private
 * instance started with {@link #SETTINGS} writes. Logging is switched on for all sessions at once by
 * {@code ALTER SYSTEM} and a configuration reload, so the server's pooled connections need no change.
 */
final class AutoExplainLog {

    /** The instance's command-line settings; {@code auto_explain.log_min_duration} stays -1 (off) until recording. */
    static final String[] SETTINGS = {
            "shared_preload_libraries=auto_explain", "auto_explain.log_analyze=on", "auto_explain.log_timing=off",
            "auto_explain.log_format=json", "logging_collector=on", "log_destination=jsonlog", "log_directory=log",
            "log_filename=postgresql", "log_rotation_age=0", "log_rotation_size=0"};

    /** The application name of the connection that switches logging, whose own statements are not recorded. */
    static final String APPLICATION = "plan-test";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Connection control;
    private long offset;

    /**
     * The log of the instance in {@code dataDirectory}, switched through {@code control}, a superuser connection
     * whose {@code ApplicationName} is {@link #APPLICATION}.
     */
    AutoExplainLog(Path dataDirectory, Connection control) {
        this.file = dataDirectory.resolve("log/postgresql.json");
        this.control = control;
    }

    /** One executed statement: its text as prepared ($1, $2 for parameters) and its analysed plan tree. */
    record Explained(String sql, JsonNode plan) {
    }

    /** Every statement other sessions executed while {@code work} ran, with its plan. */
    List<Explained> record(Runnable work) throws SQLException {
        set("0");
        try {
            work.run();
            // a statement of this connection after the work: once its plan is in the file, the work's plans are too
            String marker = "plan-marker-" + UUID.randomUUID();
            try (Statement statement = control.createStatement()) {
                statement.execute("SELECT '" + marker + "'");
            }
            return readUntil(marker);
        } finally {
            set("-1");
        }
    }

    private void set(String minDuration) throws SQLException {
        try (Statement statement = control.createStatement()) {
            statement.execute("ALTER SYSTEM SET auto_explain.log_min_duration = " + minDuration);
            statement.execute("SELECT pg_reload_conf()");
            // the reload reaches each session before its next statement; this one's shows that it was sent
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try (var result = statement.executeQuery("SELECT current_setting('auto_explain.log_min_duration')")) {
                    result.next();
                    String now = result.getString(1);
                    if (now.equals(minDuration) || now.equals(minDuration + "ms")) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("auto_explain.log_min_duration did not become " + minDuration);
                }
                ServerProcess.sleep(20);
            }
        }
    }

    private List<Explained> readUntil(String marker) {
        List<Explained> plans = new ArrayList<>();
        long deadline = System.nanoTime() + 30_000_000_000L;
        StringBuilder pending = new StringBuilder();
        while (System.nanoTime() < deadline) {
            pending.append(readNew());
            int end;
            while ((end = pending.indexOf("\n")) >= 0) {
                String line = pending.substring(0, end);
                pending.delete(0, end + 1);
                Explained explained = parse(line);
                if (explained == null) {
                    continue;
                }
                if (explained.sql().contains(marker)) {
                    return plans;
                }
                plans.add(explained);
            }
            ServerProcess.sleep(50);
        }
        throw new IllegalStateException("The plan of the marker statement never reached " + file);
    }

    /** The plan a log line holds, or null: another message, or a statement of the controlling connection itself. */
    private static Explained parse(String line) {
        try {
            JsonNode entry = JSON.readTree(line);
            String message = entry.path("message").asText();
            int plan = message.indexOf("plan:\n");
            if (!message.startsWith("duration:") || plan < 0) {
                return null;
            }
            JsonNode explained = JSON.readTree(message.substring(plan + "plan:\n".length()));
            String sql = explained.path("Query Text").asText();
            if (APPLICATION.equals(entry.path("application_name").asText()) && !sql.contains("plan-marker-")) {
                return null;
            }
            return new Explained(sql, explained.path("Plan"));
        } catch (IOException e) {
            throw new IllegalStateException("Not a jsonlog line with a JSON plan: " + line, e);
        }
    }

    private String readNew() {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            if (length <= offset) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - offset)];
            log.seek(offset);
            log.readFully(bytes);
            // keep an incomplete last line (and any partial UTF-8 sequence in it) for the next read
            int lastNewline = bytes.length - 1;
            while (lastNewline >= 0 && bytes[lastNewline] != '\n') {
                lastNewline--;
            }
            offset += lastNewline + 1;
            return new String(bytes, 0, lastNewline + 1, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
