package com.leadcast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.leadcast.scim.query.ListQuery;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, with {@value #USERS} users in one tenant and {@value #OTHERS} in another, right after a bulk load
 * and before any {@code ANALYZE} (this machine's PostgreSQL runs without autovacuum): the look-ups Entra makes —
 * by id and by each of its matching filters — read the tables through their indexes only and examine a bounded
 * number of rows, as the transaction's own counters ({@code pg_stat_xact_user_tables}) show. A plan that scans a
 * table fails here, not at a customer's million users.
 */
class QueryPlanTest {

    private static final int USERS = 100_000;
    private static final int OTHERS = 20_000;
    /** Index scans and rows a look-up (its page query and its count) may read: a handful, whatever the tenant's size. */
    private static final long MAX_ROWS = 20;

    private static StandaloneDatabase db;
    private static final String TENANT = UUID.randomUUID().toString();
    private static final String OTHER = UUID.randomUUID().toString();
    private static String idOf4242;

    @BeforeAll
    static void load() throws SQLException {
        assumeTrue("postgresql".equals(System.getProperty("it.db.driver")), "a PostgreSQL plan test");
        db = StandaloneDatabase.shared();
        db.createTenant(TENANT);
        db.createTenant(OTHER);
        try (Connection connection = db.connection()) {
            load(connection, OTHER, OTHERS);
            load(connection, TENANT, USERS);
        }
        idOf4242 = db.inTransaction(em -> (String) em.createNativeQuery(
                "select id from scim_user where tenant_id = ? and user_name_key = 'user4242@example.com'")
                .setParameter(1, TENANT).getSingleResult());
    }

    /** {@code count} users with a work e-mail each, and their index rows, in two statements. */
    private static void load(Connection connection, String tenant, int count) throws SQLException {
        try (PreparedStatement users = connection.prepareStatement("""
                insert into scim_user (id, tenant_id, user_name, user_name_key, external_id, display_name, active,
                                       attributes, version, created_at, last_modified_at)
                select md5(? || i)::uuid::text, ?, 'user' || i || '@example.com', 'user' || i || '@example.com',
                       'ext-' || i, 'User ' || i, true,
                       '{"userName":"user' || i || '@example.com","externalId":"ext-' || i || '","emails":[{"value":"'
                           || 'user' || i || '@example.com","type":"work","primary":true}]}',
                       1, now() + i * interval '1 microsecond', now()
                from generate_series(1, ?) i""");
             PreparedStatement rows = connection.prepareStatement("""
                insert into scim_attribute_value (resource_id, path, element_index, tenant_id, value_text, value_key,
                                                  value_boolean)
                select u.id, p.path, 0, u.tenant_id,
                       case p.path when 'emails.value' then u.user_name when 'emails.type' then 'work' end,
                       case p.path when 'emails.value' then u.user_name_key when 'emails.type' then 'work' end,
                       case p.path when 'emails.primary' then true end
                from scim_user u cross join (values ('emails.value'), ('emails.type'), ('emails.primary')) p(path)
                where u.tenant_id = ?""")) {
            users.setString(1, tenant);
            users.setString(2, tenant);
            users.setInt(3, count);
            users.executeUpdate();
            rows.setString(1, tenant);
            rows.executeUpdate();
        }
    }

    /** What one look-up read, from its transaction's own counters. */
    private record Reads(long seqScans, long indexRows) {
    }

    private static <T> Reads reads(Function<EntityManager, T> lookUp, Function<T, Object> found, Object expected) {
        return db.inTransaction(em -> {
            Reads before = counters(em);
            T result = lookUp.apply(em);
            Reads after = counters(em);
            assertEquals(expected, found.apply(result), "the look-up finds its user");
            return new Reads(after.seqScans() - before.seqScans(), after.indexRows() - before.indexRows());
        });
    }

    /** The counters of the user tables as this backend has them (its transactions not yet reported included). */
    private static Reads counters(EntityManager em) {
        Object[] counters = (Object[]) em.createNativeQuery("""
                select coalesce(sum(seq_scan), 0), coalesce(sum(idx_tup_fetch), 0) + coalesce(sum(idx_scan), 0)
                from pg_stat_xact_user_tables where relname in ('scim_user', 'scim_attribute_value')""")
                .getSingleResult();
        return new Reads(((Number) counters[0]).longValue(), ((Number) counters[1]).longValue());
    }

    private static Reads filtered(String filter) {
        return reads(em -> StandaloneDatabase.users(em).query(TENANT,
                        ListQuery.of(filter, null, null, null, null, null, null, null)),
                page -> page.resources().size() == 1 ? page.resources().get(0).getUserName() : page.resources(),
                "user4242@example.com");
    }

    private static void assertIndexOnly(String what, Reads reads) {
        System.out.printf("[plan] %-50s seq scans %d, index scans + rows fetched %d%n", what, reads.seqScans(),
                reads.indexRows());
        assertEquals(0, reads.seqScans(), what + " scanned a table");
        assertTrue(reads.indexRows() <= MAX_ROWS, what + " read " + reads.indexRows() + " rows through indexes");
    }

    @Test
    void getById() {
        assertIndexOnly("GET /Users/{id}", reads(em -> StandaloneDatabase.users(em).require(TENANT, idOf4242),
                UserEntity::getUserName, "user4242@example.com"));
    }

    @Test
    void entraMatchingFilters() {
        for (String filter : List.of("userName eq \"user4242@example.com\"", "externalId eq \"ext-4242\"",
                "emails[type eq \"work\"].value eq \"user4242@example.com\"",
                "emails[type eq \"work\" and value eq \"USER4242@example.com\"]", "id eq \"" + idOf4242 + "\"")) {
            assertIndexOnly(filter, filtered(filter));
        }
    }
}
