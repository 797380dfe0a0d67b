package com.leadcast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingTest {

    private static Optional<Setting> find(Map<String, String> environment, Map<String, String> properties) {
        return Setting.find("leadcast.x", "LEADCAST_X", environment::get, properties::get);
    }

    @Test
    void aSystemPropertyWinsOverTheVariableAndBlankMeansUnset() {
        assertEquals(Optional.of(new Setting("leadcast.x", "2")), find(Map.of("LEADCAST_X", "1"), Map.of("leadcast.x", " 2 ")));
        assertEquals(Optional.of(new Setting("LEADCAST_X", "1")), find(Map.of("LEADCAST_X", "1"), Map.of("leadcast.x", "  ")));
        assertEquals(Optional.empty(), find(Map.of("LEADCAST_X", ""), Map.of()));
    }

    @Test
    void aNumberOutsideItsRangeIsRefusedNamingTheSetting() {
        Setting setting = new Setting("LEADCAST_X", "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> setting.number("widgets", 1, 9));
        assertEquals("LEADCAST_X is '0': give the number of widgets, a whole number from 1 to 9", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Setting("N", "1e3").number("w", 1, 9))
                .getMessage().startsWith("N is '1e3'"));
        assertEquals(9, new Setting("N", "9").number("w", 1, 9));
    }
}
