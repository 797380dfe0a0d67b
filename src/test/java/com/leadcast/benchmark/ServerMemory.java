package com.leadcast.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * The memory of the server under test as the operating system sees it: the resident set (VmRSS) and its peak (VmHWM)
 * from {@code /proc/<pid>/status}. The heap figures of the JVM would leave out metaspace, thread stacks, code cache
 * and direct buffers, which are what a container's memory limit also counts. The server is the java process of
 * this build's {@code jboss.home} (the one Arquillian started), found among the machine's processes, so several
 * builds' servers can run side by side. Linux only.
 */
final class ServerMemory {

    private static final long KIB = 1024;

    private final ProcessHandle process;

    private ServerMemory(ProcessHandle process) {
        this.process = process;
    }

    /** The server started from {@code System.getProperty("jboss.home")}; the newest one if a stale one lingers. */
    static ServerMemory find() {
        String home = Path.of(System.getProperty("jboss.home")).toAbsolutePath().normalize().toString();
        return new ServerMemory(ProcessHandle.allProcesses()
                .filter(p -> commandLine(p).contains("-Djboss.home.dir=" + home) && commandLine(p).contains("jboss-modules"))
                .max(Comparator.comparing(p -> p.info().startInstant().orElse(null),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElseThrow(() -> new AssertionError("no server process of jboss.home " + home)));
    }

    long pid() {
        return process.pid();
    }

    /** The resident set now, in bytes. */
    long rss() {
        return status("VmRSS");
    }

    /** The largest resident set since the server started or since {@link #resetPeak()}, in bytes. */
    long peak() {
        return status("VmHWM");
    }

    /**
     * Starts a new peak from the current resident set (Linux's {@code clear_refs} value 5), so that each benchmark
     * reports its own peak rather than the largest of the whole run; false where the kernel does not allow it, and
     * the peak is then the server's since it started.
     */
    boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc", String.valueOf(pid()), "clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The heap options the server was started with (e.g. {@code -Xms64m -Xmx512m}), which bound most of its RSS. */
    String heapSetting() {
        String heap = process.info().arguments().stream().flatMap(Arrays::stream)
                .filter(a -> a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:MaxRAMPercentage"))
                .collect(Collectors.joining(" "));
        return heap.isEmpty() ? "the JVM's default heap" : heap;
    }

    /** "RSS 812 MiB, peak 900 MiB". */
    String describe() {
        return String.format("RSS %d MiB, peak %d MiB", rss() / KIB / KIB, peak() / KIB / KIB);
    }

    private long status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line -> line.substring(field.length() + 1).trim().split("\\s+")[0])
                    .mapToLong(Long::parseLong).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + field + " in /proc/" + pid() + "/status")) * KIB;
        } catch (IOException e) {
            throw new UncheckedIOException("the server process " + pid() + " is gone", e);
        }
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
