package com.leadcast.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseVendorTest {

    @Test
    void recognisesTheProductNamesTheDriversReport() {
        assertEquals(DatabaseVendor.H2, DatabaseVendor.of("H2"));
        assertEquals(DatabaseVendor.POSTGRESQL, DatabaseVendor.of("PostgreSQL"));
        assertEquals(DatabaseVendor.MARIADB, DatabaseVendor.of("MariaDB"));
        assertEquals(DatabaseVendor.MARIADB, DatabaseVendor.of("MySQL"));
    }

    @Test
    void refusesOtherDatabasesWithTheSupportedList() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DatabaseVendor.of("Oracle"));
        assertTrue(e.getMessage().contains("H2, PostgreSQL and MariaDB"));
    }

    @Test
    void everyVendorDefinesEveryPlaceholderOfTheMigrations() {
        for (DatabaseVendor vendor : DatabaseVendor.values()) {
            assertEquals(java.util.Set.of("timestamp", "text", "boolean", "table_options", "key_prefix"),
                    vendor.placeholders().keySet(), vendor::name);
        }
    }
}
