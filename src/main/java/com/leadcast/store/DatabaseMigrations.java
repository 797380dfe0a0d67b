package com.leadcast.store;

import com.leadcast.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hibernate.SessionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Brings the database schema to the version this build expects before the service takes requests: Flyway applies
 * the versioned migrations of {@code db/migration/common} (see {@link DatabaseVendor}), then Hibernate validates the entity mappings against
 * the result. Nothing is ever dropped, unless the test-only system property {@value #CLEAN_PROPERTY} is
 * {@code true}, which empties the database first.
 */
@Singleton
@Startup
public class DatabaseMigrations {

    /** Test-only: wipe the database on start so a suite always meets the current migrations. */
    public static final String CLEAN_PROPERTY = "leadcast.db.clean-on-start";

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "java:jboss/datasources/ScimDS")
    private DataSource dataSource;

    @PersistenceUnit(unitName = "scim")
    private EntityManagerFactory entityManagerFactory;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        DatabaseVendor vendor = vendor();
        boolean clean = Boolean.parseBoolean(Settings.ofProcess().properties().apply(CLEAN_PROPERTY));
        Flyway flyway = configuration(vendor, clean).dataSource(dataSource).load();
        if (clean) {
            LOG.warning("Emptying the database because " + CLEAN_PROPERTY + "=true (tests only)");
            flyway.clean();
        }
        int applied = flyway.migrate().migrationsExecuted;
        LOG.info("Database (" + vendor + ") is at schema version " + flyway.info().current().getVersion()
                + " after applying " + applied + " migration(s)");
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }

    /**
     * The Flyway configuration of this build's migrations for {@code vendor}, without its data source; tests that
     * run the store outside the server migrate with it too. {@code cleanAllowed} permits {@code flyway.clean()}.
     */
    static FluentConfiguration configuration(DatabaseVendor vendor, boolean cleanAllowed) {
        return Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .locations(vendor.migrationLocations())
                .placeholders(vendor.placeholders())
                .cleanDisabled(!cleanAllowed);
    }

    private DatabaseVendor vendor() {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseVendor.of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database behind java:jboss/datasources/ScimDS", e);
        }
    }
}
