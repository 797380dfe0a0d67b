package com.leadcast.benchmark;

import com.leadcast.it.Reply;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Times requests of one kind, from any number of client threads, and counts those answered with another status
 * than expected. A benchmark fails on errors, never on timing, so the first few unexpected answers are printed:
 * the count alone would not say what went wrong.
 */
final class RequestTimer {

    private static final int ERRORS_PRINTED = 3;

    private final String name;
    private final Queue<Long> nanos = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errors = new AtomicInteger();

    RequestTimer(String name) {
        this.name = name;
    }

    /** Sends {@code request}, records how long it took, and counts it as an error unless it answered {@code expected}. */
    Reply time(int expected, Supplier<Reply> request) {
        long start = System.nanoTime();
        Reply reply = request.get();
        nanos.add(System.nanoTime() - start);
        if (reply.status() != expected && errors.incrementAndGet() <= ERRORS_PRINTED) {
            System.out.println("[benchmark] " + name + ": expected " + expected + ", got " + abbreviated(reply));
        }
        return reply;
    }

    String name() {
        return name;
    }

    int requests() {
        return nanos.size();
    }

    int errors() {
        return errors.get();
    }

    Latencies latencies() {
        return Latencies.of(nanos);
    }

    private static String abbreviated(Reply reply) {
        String text = reply.toString();
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
