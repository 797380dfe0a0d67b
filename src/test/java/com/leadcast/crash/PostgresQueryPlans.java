package com.leadcast.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcast.benchmark.BulkUsers;
import com.leadcast.crash.AutoExplainLog.Explained;
import com.leadcast.it.Http;
import com.leadcast.it.Reply;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plans PostgreSQL executes for a look-up in a large tenant (100,000 users loaded through {@code /Bulk},
 * {@value #GROUPS} groups, some with members, beside a neighbour of {@value #NEIGHBOUR_USERS} users with the same
 * user names and e-mails and as many groups), read from {@code auto_explain}
 * ({@link AutoExplainLog}): GET by id and each filter Entra matches users and groups by use an index on
 * every table of tenant data, confine every one of those scans by {@code tenant_id}, and examine a number of rows
 * that does not grow with the tenant — right after the load, before any {@code ANALYZE} (autovacuum is off, as on a
 * database whose statistics lag behind), and again after one. The server connects as the README says
 * ({@code prepareThreshold=0}). A plan that reads every user of the tenant, or the neighbour's rows, fails here
 * rather than at a customer's.
 */
class PostgresQueryPlans {

    private static final int USERS = Integer.getInteger("plans.users", 100_000);
    private static final int NEIGHBOUR_USERS = 20_000;
    /** Requests per call: over pgjdbc's and PostgreSQL's thresholds for reusing a plan (5 each). */
    private static final int REQUESTS = 12;
    /** Rows one statement of a look-up may examine in all its scans: a constant, not a share of the tenant. */
    private static final long MAX_ROWS_EXAMINED = 60;
    private static final int GROUPS = 2_000;
    /** The groups with members: the first, each with {@value #MEMBERS_PER_GROUP} users. */
    private static final int GROUPS_WITH_MEMBERS = 20;
    private static final int MEMBERS_PER_GROUP = 500;
    private static final int MEMBERS_PER_PATCH = 250;
    private static final String USERS_PATH = "/scim/v2/Users";
    private static final String GROUPS_PATH = "/scim/v2/Groups";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final Set<String> TENANT_TABLES = Set.of("scim_user", "scim_group", "scim_attribute_value",
            "group_member");

    /** A look-up of the resource named by {@code path(n)} for user or group number n, read from {@code table}. */
    private record Call(String name, String table, IntFunction<String> path) {
    }

    @Test
    void lookUpsInALargeTenantUseIndexesConfinedToItAndExamineAFewRows() throws Exception {
        Path base = Path.of(System.getProperty("jboss.home")).resolveSibling("crash");
        int offset = Integer.getInteger("it.port.offset");
        int port = Integer.getInteger("crash.pg.port", 30000 + offset) + 2;
        try (PrivatePostgres postgres = new PrivatePostgres(base.resolve("plans-postgresql"), port)) {
            List<String> settings = new ArrayList<>(List.of(AutoExplainLog.SETTINGS));
            // statistics only from the explicit ANALYZE below; durability does not matter to a plan
            settings.addAll(List.of("autovacuum=off", "fsync=off", "synchronous_commit=off"));
            postgres.start(settings.toArray(String[]::new));
            Map<String, String> database = Map.of("SCIM_DB_DRIVER", "postgresql",
                    "SCIM_DB_URL", postgres.jdbcUrl() + "?prepareThreshold=0",
                    "SCIM_DB_USER", "postgres", "SCIM_DB_PASSWORD", "postgres");
            try (ServerProcess server = new ServerProcess(base.resolve("plans-server"), database);
                 Connection control = DriverManager.getConnection(postgres.jdbcUrl()
                         + "?ApplicationName=" + AutoExplainLog.APPLICATION, "postgres", "postgres")) {
                server.start();
                Http neighbour = new Http(server.root(), CrashFigures.newTenantToken(server.root())).http11();
                groups(neighbour, BulkUsers.load(neighbour, "user", NEIGHBOUR_USERS, 2).ids());
                Http scim = new Http(server.root(), CrashFigures.newTenantToken(server.root())).http11();
                BulkUsers.Loaded loaded = BulkUsers.load(scim, "user", USERS, 2);
                List<String> groups = groups(scim, loaded.ids());
                System.out.printf("[plans] %,d users loaded through /Bulk in %.0f s (%.0f/s), %,d groups, %d of "
                                + "them with %d members, beside a neighbour of %,d users and as many groups%n", USERS,
                        loaded.seconds(), loaded.usersPerSecond(), GROUPS, GROUPS_WITH_MEMBERS, MEMBERS_PER_GROUP,
                        NEIGHBOUR_USERS);

                AutoExplainLog log = new AutoExplainLog(postgres.directory().resolve("data"), control);
                List<Call> calls = calls(loaded.ids(), groups);
                check("right after the load", scim, log, calls);
                try (Statement statement = control.createStatement()) {
                    statement.execute("ANALYZE");
                }
                check("after ANALYZE", scim, log, calls);
            }
        }
    }

    private static List<Call> calls(List<String> users, List<String> groups) {
        return List.of(
                new Call("GET /Users/{id}", "scim_user", n -> USERS_PATH + "/" + users.get(n)),
                new Call("userName eq", "scim_user", n -> filter(USERS_PATH, "userName eq \"user" + n
                        + "@example.com\"")),
                new Call("externalId eq", "scim_user", n -> filter(USERS_PATH, "externalId eq \"user-" + n + "\"")),
                new Call("emails[type eq \"work\"].value eq", "scim_user", n -> filter(USERS_PATH,
                        "emails[type eq \"work\"].value eq \"user" + n + "@example.com\"")),
                new Call("id eq", "scim_user", n -> filter(USERS_PATH, "id eq \"" + users.get(n) + "\"")),
                new Call("GET /Groups/{id}?excludedAttributes=members", "scim_group",
                        n -> GROUPS_PATH + "/" + groups.get(n % GROUPS) + "?excludedAttributes=members"),
                new Call("Groups displayName eq (Entra's, without members)", "scim_group",
                        n -> filter(GROUPS_PATH, "displayName eq \"Group " + n % GROUPS + "\"")
                                + "&excludedAttributes=members"));
    }

    private static String filter(String resources, String filter) {
        return resources + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    /**
     * {@value #GROUPS} groups "Group G" of the tenant, the first {@value #GROUPS_WITH_MEMBERS} each with
     * {@value #MEMBERS_PER_GROUP} of its users as members, added {@value #MEMBERS_PER_PATCH} to a PATCH as Entra adds
     * them: the membership rows a user's GET reads its groups from. Answers their ids.
     */
    private static List<String> groups(Http scim, List<String> users) {
        List<String> ids = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            Reply group = scim.post(GROUPS_PATH, "{\"displayName\":\"Group " + g + "\"}");
            assertEquals(201, group.status(), group::toString);
            ids.add(group.text("id"));
            for (int from = g * MEMBERS_PER_GROUP; g < GROUPS_WITH_MEMBERS && from < (g + 1) * MEMBERS_PER_GROUP;
                 from += MEMBERS_PER_PATCH) {
                StringBuilder members = new StringBuilder();
                for (int n = from; n < from + MEMBERS_PER_PATCH; n++) {
                    members.append(n == from ? "" : ",").append("{\"value\":\"").append(users.get(n)).append("\"}");
                }
                Reply added = scim.patch(GROUPS_PATH + "/" + group.text("id"), "{\"schemas\":[\"" + PATCH_OP
                        + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[" + members + "]}]}");
                assertEquals(204, added.status(), added::toString);
            }
        }
        return ids;
    }

    private static void check(String when, Http scim, AutoExplainLog log, List<Call> calls) throws Exception {
        for (Call call : calls) {
            List<Explained> plans = log.record(() -> {
                for (int i = 0; i < REQUESTS; i++) {
                    int n = (int) ((i * 7919L + 13) % USERS);
                    Reply reply = scim.get(call.path().apply(n));
                    assertEquals(200, reply.status(), () -> call.name() + ": " + reply);
                    JsonNode found = reply.json().has("Resources") ? reply.json().path("Resources").path(0)
                            : reply.json();
                    String expected = call.table().equals("scim_user") ? "user" + n + "@example.com"
                            : "Group " + n % GROUPS;
                    assertEquals(expected, found.path(call.table().equals("scim_user") ? "userName" : "displayName")
                            .asText(), call.name() + " found its resource");
                }
            });
            Set<String> indexes = new TreeSet<>();
            long worst = 0;
            for (Explained explained : plans) {
                Scans scans = new Scans();
                scans.visit(explained.plan(), explained.sql());
                indexes.addAll(scans.indexes);
                worst = Math.max(worst, scans.rowsExamined);
                long examined = scans.rowsExamined;
                assertTrue(examined <= MAX_ROWS_EXAMINED, () -> when + ", " + call.name() + ": " + examined
                        + " rows examined by " + explained.sql() + "\n" + explained.plan().toPrettyString());
            }
            assertTrue(plans.stream().anyMatch(p -> p.sql().contains(call.table())),
                    () -> call.name() + ": no statement on " + call.table() + " was logged: " + plans);
            System.out.printf("[plans] %s, %s: %d requests, %d statements, at most %d rows examined by one, "
                    + "indexes %s%n", when, call.name(), REQUESTS, plans.size(), worst, indexes);
        }
    }

    /** What the scans of one plan tree read: the indexes used, and the rows examined by all of them. */
    private static final class Scans {
        private final Set<String> indexes = new TreeSet<>();
        private long rowsExamined;

        void visit(JsonNode node, String sql) {
            String type = node.path("Node Type").asText();
            String table = node.path("Relation Name").asText();
            if (TENANT_TABLES.contains(table)) {
                assertFalse(type.equals("Seq Scan"), () -> "a sequential scan of " + table + " in " + sql + "\n"
                        + node.toPrettyString());
                String conditions = node.path("Index Cond").asText() + node.path("Filter").asText()
                        + node.path("Recheck Cond").asText();
                assertTrue(conditions.contains("tenant_id"), () -> "a scan of " + table + " not confined by "
                        + "tenant_id in " + sql + "\n" + node.toPrettyString());
            }
            if (node.has("Index Name")) {
                indexes.add(node.path("Index Name").asText());
            }
            if (type.endsWith("Scan") && !type.startsWith("Bitmap Index")) {
                long perLoop = node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                        + node.path("Rows Removed by Index Recheck").asLong();
                rowsExamined += perLoop * node.path("Actual Loops").asLong();
            }
            for (JsonNode child : node.path("Plans")) {
                visit(child, sql);
            }
        }
    }
}
