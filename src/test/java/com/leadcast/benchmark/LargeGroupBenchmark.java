package com.leadcast.benchmark;

import com.leadcast.it.Http;
import com.leadcast.it.Reply;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whether a group's size shows in what its everyday changes cost: a group of {@code -Dbenchmark.group.members=N}
 * members (default 100000; its users loaded through {@code /Bulk}, then added {@value #MEMBERS_PER_PATCH} to a PATCH,
 * the load time printed) against a group of {@value #SMALL_GROUP} in the same tenant. On each, one at a time,
 * {@code -Dbenchmark.group.requests=R} times (default 200): a new member added by PATCH (a different user each time),
 * that member removed again by {@code members[value eq "..."]} (as Entra removes members), and the group read
 * without its members — p50, p99 and the large group's p50 as a multiple of the small one's. Entra sends exactly
 * these; a group's size should cost nothing in them, since members are rows changed by set operations.
 *
 * <p>Then the one request whose cost must grow with the group: {@code GET /Groups/{id}} with every member, timed with
 * its response size and the server's RSS before and after, since it is the request that could exhaust the heap.
 */
class LargeGroupBenchmark extends BenchmarkBase {

    private static final int MEMBERS = Integer.getInteger("benchmark.group.members", 100_000);
    private static final int REQUESTS = Integer.getInteger("benchmark.group.requests", 200);
    private static final int LOAD_CLIENTS = Integer.getInteger("benchmark.load.clients", 2);
    private static final int SMALL_GROUP = 10;
    /** Large enough that loading 100,000 members takes 100 requests, well within the 1 MiB body limit (~50 KB). */
    private static final int MEMBERS_PER_PATCH = 1000;
    /** Untimed rounds on each group first, so that neither group's figures include the other's first requests. */
    private static final int WARMUP_ROUNDS = 20;
    private static final int FULL_READS = 3;
    private static final long MIB = 1024 * 1024;
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private int errors;

    @Test
    void membershipChangesOfALargeGroupCostWhatTheyCostOnASmallOne() throws Exception {
        ServerMemory server = ServerMemory.find();
        boolean ownPeak = server.resetPeak();
        Http scim = newTenantClient();
        BulkUsers.Loaded loaded = BulkUsers.load(scim, "user", MEMBERS + SMALL_GROUP + WARMUP_ROUNDS + REQUESTS,
                LOAD_CLIENTS);
        List<String> ids = loaded.ids();
        String large = createGroup(scim, "Large");
        String small = createGroup(scim, "Small");
        long started = System.nanoTime();
        addMembers(scim, large, ids.subList(0, MEMBERS));
        double seconds = (System.nanoTime() - started) / 1e9;
        addMembers(scim, small, ids.subList(MEMBERS, MEMBERS + SMALL_GROUP));
        System.out.printf("[benchmark] large group: %d users loaded through /Bulk in %.1f s = %.0f users/s; %d members "
                        + "added in %.1f s = %.0f members/s (%d per PATCH); server %s, heap %s, clients over %s%n", ids.size(),
                loaded.seconds(), loaded.usersPerSecond(), MEMBERS, seconds, MEMBERS / seconds, MEMBERS_PER_PATCH,
                server.describe(), server.heapSetting(), protocolOf(scim));

        List<String> fresh = ids.subList(MEMBERS + SMALL_GROUP, ids.size());
        GroupTimers ofLarge = measure(scim, large, fresh);
        GroupTimers ofSmall = measure(scim, small, fresh);
        compare(ofLarge.add(), ofSmall.add());
        compare(ofLarge.remove(), ofSmall.remove());
        compare(ofLarge.read(), ofSmall.read());

        readInFull(scim, large, server);
        System.out.printf("[benchmark] large group: server peak RSS %d MiB (%s)%n", server.peak() / MIB,
                ownPeak ? "during this benchmark" : "since the server started");
        assertEquals(0, errors, "requests that failed");
    }

    /** The timers of one group's three measured requests. */
    private record GroupTimers(RequestTimer add, RequestTimer remove, RequestTimer read) {
    }

    /**
     * Adds each of {@code fresh} (after {@value #WARMUP_ROUNDS} untimed rounds) and removes it again, so that the
     * group keeps its size through the measurement, and reads the group without members in between.
     */
    private GroupTimers measure(Http scim, String group, List<String> fresh) {
        GroupTimers timers = new GroupTimers(new RequestTimer("PATCH add one member"),
                new RequestTimer("PATCH remove members[value eq]"), new RequestTimer("GET ?excludedAttributes=members"));
        GroupTimers warmUp = new GroupTimers(new RequestTimer("warm-up add"), new RequestTimer("warm-up remove"),
                new RequestTimer("warm-up read"));
        for (int i = 0; i < fresh.size(); i++) {
            GroupTimers round = i < WARMUP_ROUNDS ? warmUp : timers;
            String member = fresh.get(i);
            round.add().time(204, () -> scim.patch(GROUPS + "/" + group, "{\"schemas\":[\"" + PATCH_OP + "\"],"
                    + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}]}"));
            round.remove().time(204, () -> scim.patch(GROUPS + "/" + group, "{\"schemas\":[\"" + PATCH_OP + "\"],"
                    + "\"Operations\":[{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + member + "\\\"]\"}]}"));
            round.read().time(200, () -> scim.get(GROUPS + "/" + group + "?excludedAttributes=members"));
        }
        for (RequestTimer timer : List.of(timers.add(), timers.remove(), timers.read(), warmUp.add(), warmUp.remove(),
                warmUp.read())) {
            errors += timer.errors();
        }
        return timers;
    }

    private static void compare(RequestTimer large, RequestTimer small) {
        Latencies ofLarge = large.latencies();
        Latencies ofSmall = small.latencies();
        System.out.printf("[benchmark] c=1 %-34s %d members: p50 %6.2f ms p99 %6.2f ms | %d members: p50 %6.2f ms "
                        + "p99 %6.2f ms | large/small p50 %.2fx  (%d requests each)%n", large.name(), MEMBERS,
                ofLarge.ms(0.5), ofLarge.ms(0.99), SMALL_GROUP, ofSmall.ms(0.5), ofSmall.ms(0.99),
                ofLarge.ms(0.5) / ofSmall.ms(0.5), ofLarge.count());
    }

    /** {@value #FULL_READS} reads of the whole group, members and all: time, size, and the RSS around them. */
    private void readInFull(Http scim, String group, ServerMemory server) {
        long before = server.rss();
        RequestTimer timer = new RequestTimer("GET /Groups/{id} with all members");
        StringBuilder each = new StringBuilder();
        long bytes = 0;
        int members = 0;
        for (int i = 0; i < FULL_READS; i++) {
            long start = System.nanoTime();
            Reply reply = timer.time(200, () -> scim.get(GROUPS + "/" + group));
            each.append(String.format("%s%.0f", i == 0 ? "" : ", ", (System.nanoTime() - start) / 1e6));
            bytes = reply.body().getBytes(StandardCharsets.UTF_8).length;
            members = reply.status() == 200 ? reply.json().path("members").size() : 0;
        }
        errors += timer.errors();
        if (members != MEMBERS) {
            errors++;
            System.out.printf("[benchmark] GET /Groups/{id} answered %d members, not %d%n", members, MEMBERS);
        }
        System.out.printf("[benchmark] c=1 GET /Groups/{id} with all %d members: %s ms (%d reads), %.1f MiB of JSON; "
                + "server RSS %d MiB before, %d MiB after%n", members, each, FULL_READS, bytes / (1024.0 * 1024),
                before / MIB, server.rss() / MIB);
    }

    private static String createGroup(Http scim, String name) {
        Reply reply = scim.post(GROUPS, "{\"displayName\":\"" + name + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }

    /** Adds {@code members} to {@code group}, {@value #MEMBERS_PER_PATCH} to a PATCH (RFC 7644 §3.5.2.1). */
    private static void addMembers(Http scim, String group, List<String> members) {
        for (int from = 0; from < members.size(); from += MEMBERS_PER_PATCH) {
            StringBuilder values = new StringBuilder();
            for (String id : members.subList(from, Math.min(members.size(), from + MEMBERS_PER_PATCH))) {
                values.append(values.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
            }
            Reply reply = scim.patch(GROUPS + "/" + group, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{"
                    + "\"op\":\"Add\",\"path\":\"members\",\"value\":[" + values + "]}]}");
            assertEquals(204, reply.status(), () -> "adding members " + reply);
        }
    }
}
