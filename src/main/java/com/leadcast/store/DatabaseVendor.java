package com.leadcast.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The databases Leadcast SCIM runs on, with what their DDL spells differently. The migrations under
 * {@code db/migration/common} use these as Flyway placeholders ({@code ${timestamp}} ...), so one script serves all;
 * what only one database needs (H2's lengths in UTF-16 units, PostgreSQL's partial indexes) is in its own folder.
 */
enum DatabaseVendor {
    H2("h2", "TIMESTAMP(6) WITH TIME ZONE", "CHARACTER LARGE OBJECT", "BOOLEAN", "", ""),
    POSTGRESQL("postgres", "TIMESTAMP(6) WITH TIME ZONE", "TEXT", "BOOLEAN", "", ""),
    /** InnoDB keys are limited to 3072 bytes: long text columns are indexed by their first 255 characters. */
    MARIADB("mariadb", "DATETIME(6)", "LONGTEXT", "BIT", " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
            "(255)");

    private final String productMarker;
    private final Map<String, String> placeholders;

    DatabaseVendor(String productMarker, String timestamp, String text, String bool, String tableOptions,
                   String keyPrefix) {
        this.productMarker = productMarker;
        this.placeholders = Map.of("timestamp", timestamp, "text", text, "boolean", bool, "table_options", tableOptions,
                "key_prefix", keyPrefix);
    }

    /** The vendor of a JDBC {@code DatabaseMetaData.getDatabaseProductName()}; MySQL is treated as MariaDB. */
    static DatabaseVendor of(String productName) {
        String product = productName.toLowerCase(Locale.ROOT).replace("mysql", "mariadb");
        return Arrays.stream(values()).filter(v -> product.contains(v.productMarker)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unsupported database '" + productName
                        + "': Leadcast SCIM runs on H2, PostgreSQL and MariaDB"));
    }

    Map<String, String> placeholders() {
        return placeholders;
    }

    /**
     * Where this vendor's migrations are: the common scripts, and for H2 and PostgreSQL the few that only they need
     * ({@code db/migration/h2}, {@code db/migration/postgresql}). Every script takes its version from one sequence
     * (common V1-V5, H2 V6, PostgreSQL V7): a version is never used twice, whatever the vendor.
     */
    String[] migrationLocations() {
        return switch (this) {
            case H2 -> new String[]{"classpath:db/migration/common", "classpath:db/migration/h2"};
            case POSTGRESQL -> new String[]{"classpath:db/migration/common", "classpath:db/migration/postgresql"};
            case MARIADB -> new String[]{"classpath:db/migration/common"};
        };
    }
}
