package com.leadcast.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * The store's persistence outside the server, for plain JUnit tests: the same Flyway migrations as
 * {@link DatabaseMigrations}, then Hibernate standalone over the store's entities (validated against the migrated
 * schema) with resource-local transactions.
 *
 * <p>The database is H2 in memory, unless the system property {@code it.db.driver} names another (the
 * {@code postgresql} and {@code mariadb} profiles pass it to surefire with {@code it.db.url}, {@code it.db.user} and
 * {@code it.db.password}); such a database is emptied first, as the integration tests empty it. There is one
 * database per test JVM ({@link #shared()}): tests keep apart by tenant.
 */
public final class StandaloneDatabase {

    private static StandaloneDatabase shared;

    private final String url;
    private final String user;
    private final String password;
    private final SessionFactory sessions;

    private StandaloneDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        Flyway flyway = DatabaseMigrations.configuration(vendorOf(url, user, password), true)
                .dataSource(url, user, password).load();
        flyway.clean();
        flyway.migrate();
        this.sessions = new Configuration()
                .addAnnotatedClass(UserEntity.class)
                .addAnnotatedClass(GroupEntity.class)
                .addAnnotatedClass(MemberEntity.class)
                .addAnnotatedClass(AttributeValueEntity.class)
                .addAnnotatedClass(com.leadcast.audit.AuditEntry.class)
                .setProperty(AvailableSettings.JAKARTA_JDBC_URL, url)
                .setProperty(AvailableSettings.JAKARTA_JDBC_USER, user)
                .setProperty(AvailableSettings.JAKARTA_JDBC_PASSWORD, password)
                .setProperty(AvailableSettings.POOL_SIZE, "2")
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "none")
                .buildSessionFactory();
        sessions.getSchemaManager().validateMappedObjects();
    }

    /** The database of this test run, emptied and migrated when first asked for. */
    public static synchronized StandaloneDatabase shared() {
        if (shared == null) {
            String driver = System.getProperty("it.db.driver", "h2");
            shared = driver.equals("h2")
                    ? new StandaloneDatabase("jdbc:h2:mem:store-tests;DB_CLOSE_DELAY=-1", "sa", "sa")
                    : new StandaloneDatabase(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                    System.getProperty("it.db.password"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared.sessions::close));
        }
        return shared;
    }

    /** The database product, e.g. "PostgreSQL 15.8", for test reports. */
    public String product() {
        try (Connection connection = connection()) {
            return connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new JDBC connection to the database (auto-commit), for code that works on JDBC rather than JPA. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Runs {@code work} in one transaction of a new entity manager, committed if {@code work} returns. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        try (EntityManager em = sessions.createEntityManager()) {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            try {
                T result = work.apply(em);
                transaction.commit();
                return result;
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        }
    }

    /** The tenant row that resources refer to. */
    void createTenant(String tenantId) {
        inTransaction(em -> em.createNativeQuery("insert into tenant (id, name, created_at) values (?, ?, ?)")
                .setParameter(1, tenantId).setParameter(2, "tenant " + tenantId)
                .setParameter(3, OffsetDateTime.now()).executeUpdate());
    }

    /** The stores as the server wires them, on {@code em}. */
    static UserStore users(EntityManager em) {
        return wire(new UserStore(), em);
    }

    static GroupStore groups(EntityManager em) {
        return wire(new GroupStore(), em);
    }

    static <S extends ResourceStore<?>> S wire(S store, EntityManager em) {
        store.em = em;
        store.index = new AttributeIndex();
        store.index.em = em;
        return store;
    }

    private static DatabaseVendor vendorOf(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return DatabaseVendor.of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test database " + url, e);
        }
    }
}
