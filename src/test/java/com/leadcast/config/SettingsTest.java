package com.leadcast.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Settings}: a variable's value, or the content of the file its {@code _FILE} names, never both. */
class SettingsTest {

    @TempDir
    Path dir;

    private static Settings of(Map<String, String> source) {
        return new Settings(source::get, name -> null);
    }

    @Test
    void aVariableIsReadTrimmedAndBlankIsUnset() {
        Settings settings = of(Map.of("LEADCAST_A", " x ", "LEADCAST_B", "  "));
        assertEquals(Optional.of("x"), settings.value("LEADCAST_A"));
        assertEquals(Optional.empty(), settings.value("LEADCAST_B"));
        assertEquals(Optional.empty(), settings.value("LEADCAST_C"));
        assertNull(settings.variables().apply("LEADCAST_B"));
    }

    @Test
    void aSecretIsReadFromTheFileItsFileVariableNames() throws IOException {
        Path secret = Files.writeString(dir.resolve("admin-token"), "s3cr3t-from-a-file\n");
        Settings settings = of(Map.of("LEADCAST_ADMIN_TOKEN_FILE", secret.toString()));
        assertEquals(Optional.of("s3cr3t-from-a-file"), settings.value("LEADCAST_ADMIN_TOKEN"));
        assertEquals("s3cr3t-from-a-file", settings.variables().apply("LEADCAST_ADMIN_TOKEN"));
    }

    @Test
    void bothTheVariableAndItsFileAreRefused() throws IOException {
        Path secret = Files.writeString(dir.resolve("t"), "a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of(Map.of(
                "LEADCAST_ADMIN_TOKEN", "b", "LEADCAST_ADMIN_TOKEN_FILE", secret.toString())).value("LEADCAST_ADMIN_TOKEN"));
        assertEquals("LEADCAST_ADMIN_TOKEN and LEADCAST_ADMIN_TOKEN_FILE are both set: give the value in one of them "
                + "only", e.getMessage());
    }

    @Test
    void anUnreadableFileIsRefusedNamingThePathButNoContent() {
        Path missing = dir.resolve("missing");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> of(Map.of("LEADCAST_CURSOR_SECRET_FILE", missing.toString())).value("LEADCAST_CURSOR_SECRET"));
        assertTrue(e.getMessage().startsWith("LEADCAST_CURSOR_SECRET_FILE names " + missing + ", which this server "
                + "cannot read (NoSuchFileException)"), e.getMessage());
        assertFalse(e.getMessage().contains("null"));
    }

    @Test
    void aComponentsSettingIsFoundThroughTheFileToo() throws IOException {
        Path timeout = Files.writeString(dir.resolve("timeout"), "120");
        Settings settings = of(Map.of("LEADCAST_CURSOR_TIMEOUT_FILE", timeout.toString()));
        assertEquals(Optional.of(new Setting("LEADCAST_CURSOR_TIMEOUT", "120")), Setting.find("leadcast.cursor.timeout",
                "LEADCAST_CURSOR_TIMEOUT", settings.variables(), settings.properties()));
    }
}
