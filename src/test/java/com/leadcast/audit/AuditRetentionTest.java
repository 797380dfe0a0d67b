package com.leadcast.audit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link AuditRetention#retention}: the configured retention, the default, and what is refused. */
class AuditRetentionTest {

    private static Duration retention(Map<String, String> environment, Map<String, String> properties) {
        return AuditRetention.retention(environment::get, properties::get);
    }

    @Test
    void ninetyDaysUnlessConfiguredAndThePropertyWins() {
        assertEquals(Duration.ofDays(90), retention(Map.of(), Map.of()));
        assertEquals(Duration.ofDays(30), retention(Map.of("LEADCAST_AUDIT_RETENTION_DAYS", "30"), Map.of()));
        assertEquals(Duration.ofDays(7), retention(Map.of("LEADCAST_AUDIT_RETENTION_DAYS", "30"),
                Map.of("leadcast.audit.retention-days", "7")));
    }

    @Test
    void aWrongRetentionIsRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> retention(Map.of("LEADCAST_AUDIT_RETENTION_DAYS", "0"), Map.of()));
        assertEquals("LEADCAST_AUDIT_RETENTION_DAYS is '0': give the number of days the audit trail keeps an entry "
                + "(unset: 90), a whole number from 1 to 3650", e.getMessage());
    }
}
