package com.leadcast.fuzz;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tenant the fuzzer works in: its token, the users and groups created before the run (fixtures, never deleted on
 * purpose), and the resources the run itself created (scratch, the targets of DELETE and PUT).
 */
public record FuzzTenant(int index, String token, List<String> users, List<String> groups, List<String> userNames,
                         List<String> scratch) {

    private static final int SCRATCH_KEPT = 200;

    public FuzzTenant(int index, String token, List<String> users, List<String> groups, List<String> userNames) {
        this(index, token, List.copyOf(users), List.copyOf(groups), List.copyOf(userNames),
                new CopyOnWriteArrayList<>());
    }

    public String anyUser(Random random) {
        return users.get(random.nextInt(users.size()));
    }

    public String anyGroup(Random random) {
        return groups.get(random.nextInt(groups.size()));
    }

    /** A resource the run created (a user or a group), or a fixture user while there is none. */
    public String anyScratch(Random random) {
        List<String> snapshot = List.copyOf(scratch);
        return snapshot.isEmpty() ? anyUser(random) : snapshot.get(random.nextInt(snapshot.size()));
    }

    /** Remembers a resource the run created; only the latest ones are kept. */
    public void created(String id) {
        scratch.add(id);
        if (scratch.size() > SCRATCH_KEPT) {
            scratch.remove(0);
        }
    }
}
