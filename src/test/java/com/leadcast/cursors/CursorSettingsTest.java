package com.leadcast.cursors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CursorSettings}: the cursor secret and timeout from environment variables and system properties. */
class CursorSettingsTest {

    private static final String SECRET = "4f1c0e9a7b2d4c8e9f0a1b2c3d4e5f60";

    private static CursorSettings read(Map<String, String> environment, Map<String, String> properties) {
        return CursorSettings.read(environment::get, properties::get);
    }

    private static String refusal(Map<String, String> environment, Map<String, String> properties) {
        return assertThrows(IllegalArgumentException.class, () -> read(environment, properties)).getMessage();
    }

    @Test
    void withoutSettingsTheSecretIsTheStoredOneAndCursorsLastTenMinutes() {
        CursorSettings settings = read(Map.of(), Map.of());
        assertEquals(Optional.empty(), settings.secret());
        assertEquals(Duration.ofSeconds(600), settings.timeout());
    }

    @Test
    void environmentVariablesConfigureBoth() {
        CursorSettings settings = read(Map.of("LEADCAST_CURSOR_SECRET", SECRET, "LEADCAST_CURSOR_TIMEOUT", "3600"),
                Map.of());
        assertEquals(Optional.of(SECRET), settings.secret());
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), settings.secretKey().orElseThrow());
        assertEquals(Duration.ofHours(1), settings.timeout());
    }

    @Test
    void systemPropertiesTakePrecedenceOverTheEnvironment() {
        CursorSettings settings = read(
                Map.of("LEADCAST_CURSOR_SECRET", "x".repeat(40), "LEADCAST_CURSOR_TIMEOUT", "abc"),
                Map.of("leadcast.cursor.secret", SECRET, "leadcast.cursor.timeout", "90"));
        assertEquals(Optional.of(SECRET), settings.secret());
        assertEquals(Duration.ofSeconds(90), settings.timeout());
    }

    @Test
    void blankMeansUnsetAndValuesAreTrimmed() {
        CursorSettings settings = read(Map.of("LEADCAST_CURSOR_SECRET", "  ", "LEADCAST_CURSOR_TIMEOUT", " 120\n"),
                Map.of("leadcast.cursor.timeout", ""));
        assertEquals(Optional.empty(), settings.secret());
        assertEquals(Duration.ofSeconds(120), settings.timeout());
        assertEquals(Optional.of(SECRET),
                read(Map.of("LEADCAST_CURSOR_SECRET", " " + SECRET + "\n"), Map.of()).secret());
    }

    @Test
    void theTimeoutRangeIsOneSecondToADay() {
        assertEquals(Duration.ofSeconds(1), read(Map.of("LEADCAST_CURSOR_TIMEOUT", "1"), Map.of()).timeout());
        assertEquals(Duration.ofDays(1), read(Map.of("LEADCAST_CURSOR_TIMEOUT", "86400"), Map.of()).timeout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "86401", "1.5", "10m", "abc", "99999999999999999999", "PT10M"})
    void aWrongTimeoutIsRefusedNamingTheVariableAndTheRange(String value) {
        assertEquals("LEADCAST_CURSOR_TIMEOUT is '" + value + "': give the number of seconds a cursor stays valid "
                + "between page requests (unset: 600), a whole number from 1 to 86400",
                refusal(Map.of("LEADCAST_CURSOR_TIMEOUT", value), Map.of()));
        assertTrue(refusal(Map.of(), Map.of("leadcast.cursor.timeout", value))
                .startsWith("leadcast.cursor.timeout is '" + value + "'"));
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() {
        String message = refusal(Map.of("LEADCAST_CURSOR_SECRET", "hunter2-hunter2"), Map.of());
        assertTrue(message.startsWith("LEADCAST_CURSOR_SECRET is 15 characters long: give at least 32 characters"),
                message);
        assertFalse(message.contains("hunter2"), message);
        assertEquals(32, read(Map.of("LEADCAST_CURSOR_SECRET", "y".repeat(32)), Map.of()).secret().orElseThrow()
                .length());
    }
}
