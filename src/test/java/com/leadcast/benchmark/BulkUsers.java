package com.leadcast.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcast.it.Http;
import com.leadcast.it.Reply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads a tenant's users through {@code /Bulk} (RFC 7644 §3.7), {@value #OPERATIONS_PER_REQUEST} creates to a
 * request, as a provisioning client's initial load would (or by concurrent {@code POST}s, as one without Bulk
 * would), and keeps the id of each user from the {@code location} of its operation's result. Nothing needs to be
 * listed afterwards: listing a tenant of a million users would itself take longer than the calls measured on it, and
 * would be measured nowhere.
 */
public final class BulkUsers {

    private static final int OPERATIONS_PER_REQUEST = 500;
    private static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

    /** The users of one load: {@code ids.get(n)} is the id of user {@code n}; {@code seconds} the load's duration. */
    public record Loaded(List<String> ids, double seconds) {
        public double usersPerSecond() {
            return ids.size() / seconds;
        }
    }

    private BulkUsers() {
    }

    /**
     * Creates {@code count} users named {@code prefix}N@example.com (N from 0) from {@code clients} concurrent Bulk
     * requests. Every operation must succeed: a benchmark on a tenant other than the one asked for measures nothing.
     */
    public static Loaded load(Http scim, String prefix, int count, int clients) throws Exception {
        String[] ids = new String[count];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> requests = new ArrayList<>();
            for (int from = 0; from < count; from += OPERATIONS_PER_REQUEST) {
                int first = from;
                int end = Math.min(count, from + OPERATIONS_PER_REQUEST);
                requests.add(pool.submit(() -> send(scim, prefix, first, end, ids)));
            }
            for (Future<?> request : requests) {
                request.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Loaded(Arrays.asList(ids), (System.nanoTime() - started) / 1e9);
    }

    /**
     * Creates {@code count} users named {@code prefix}N@example.com as a provisioning client without Bulk does: one
     * {@code POST /Users} each, from {@code clients} concurrent connections. Every create must answer 201.
     */
    public static Loaded post(Http scim, String prefix, int count, int clients) throws Exception {
        String[] ids = new String[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> posters = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                posters.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        Reply reply = scim.post("/scim/v2/Users", user(prefix + n, n));
                        if (reply.status() != 201) {
                            throw new AssertionError("POST of user " + n + ": " + reply);
                        }
                        ids[n] = reply.text("id");
                    }
                    return null;
                }));
            }
            for (Future<?> poster : posters) {
                poster.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Loaded(Arrays.asList(ids), (System.nanoTime() - started) / 1e9);
    }

    /** Creates users {@code first} to {@code end - 1} in one Bulk request and puts their ids into {@code ids}. */
    private static void send(Http scim, String prefix, int first, int end, String[] ids) {
        StringBuilder bulk = new StringBuilder("{\"schemas\":[\"" + BULK_REQUEST + "\"],\"Operations\":[");
        for (int n = first; n < end; n++) {
            bulk.append(n == first ? "" : ",").append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u")
                    .append(n).append("\",\"data\":").append(user(prefix + n, n)).append('}');
        }
        Reply reply = scim.post("/scim/v2/Bulk", bulk.append("]}").toString());
        if (reply.status() != 200) {
            throw new AssertionError("bulk load of users " + first + "-" + (end - 1) + ": " + reply);
        }
        for (JsonNode result : reply.json().path("Operations")) {
            String location = result.path("location").asText();
            if (!result.path("status").asText().equals("201") || location.isEmpty()) {
                throw new AssertionError("bulk load: an operation failed: " + result);
            }
            int n = Integer.parseInt(result.path("bulkId").asText().substring(1));
            ids[n] = location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /**
     * A User as Entra ID provisions one: core and enterprise schema, {@code userName} and a work e-mail
     * {@code name}@example.com, {@code externalId} the name with "user" spelt "user-", a department of 20.
     */
    static String user(String name, int n) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"userName\":\"" + name
                + "@example.com\",\"externalId\":\"" + name.replace("user", "user-") + "\",\"active\":true,"
                + "\"displayName\":\"" + name + "\",\"title\":\"Engineer " + n + "\",\"emails\":[{\"primary\":true,"
                + "\"type\":\"work\",\"value\":\"" + name + "@example.com\"}],\"name\":{\"givenName\":\"B\","
                + "\"familyName\":\"N" + n + "\"},\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
                + "{\"department\":\"D" + (n % 20) + "\"}}";
    }
}
