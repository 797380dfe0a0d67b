package com.leadcast.admission;

import com.leadcast.tenant.RateLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link AdmissionSettings}: the default rate limit and tenant concurrency from the environment and properties. */
class AdmissionSettingsTest {

    private static AdmissionSettings read(Map<String, String> environment, Map<String, String> properties) {
        return AdmissionSettings.read(environment::get, properties::get);
    }

    private static String refusal(Map<String, String> environment) {
        return assertThrows(IllegalArgumentException.class, () -> read(environment, Map.of())).getMessage();
    }

    @Test
    void withoutSettingsTenantsGetAHundredPerSecondBurstTwoHundredAndTwoAtOncePerCore() {
        AdmissionSettings settings = read(Map.of(), Map.of());
        assertEquals(new RateLimit(100, 200), settings.defaultRateLimit());
        assertEquals(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), settings.tenantConcurrency());
    }

    @Test
    void environmentVariablesConfigureAll() {
        AdmissionSettings settings = read(Map.of("LEADCAST_RATE_LIMIT_RPS", "40", "LEADCAST_RATE_LIMIT_BURST", "60",
                "LEADCAST_TENANT_CONCURRENCY", "3"), Map.of());
        assertEquals(new RateLimit(40, 60), settings.defaultRateLimit());
        assertEquals(3, settings.tenantConcurrency());
    }

    @Test
    void systemPropertiesTakePrecedenceOverTheEnvironment() {
        AdmissionSettings settings = read(Map.of("LEADCAST_RATE_LIMIT_RPS", "abc", "LEADCAST_TENANT_CONCURRENCY", "0"),
                Map.of("leadcast.rate-limit.rps", " 500 ", "leadcast.rate-limit.burst", "900",
                        "leadcast.tenant-concurrency", "16"));
        assertEquals(new RateLimit(500, 900), settings.defaultRateLimit());
        assertEquals(16, settings.tenantConcurrency());
    }

    @Test
    void aRateWithoutABurstGetsTwiceTheRateAsBurst() {
        assertEquals(new RateLimit(30, 60), read(Map.of("LEADCAST_RATE_LIMIT_RPS", "30"), Map.of()).defaultRateLimit());
        assertEquals(new RateLimit(10_000, 20_000),
                read(Map.of("LEADCAST_RATE_LIMIT_RPS", "10000"), Map.of()).defaultRateLimit());
    }

    @Test
    void blankMeansUnset() {
        assertEquals(AdmissionSettings.DEFAULT_RATE_LIMIT,
                read(Map.of("LEADCAST_RATE_LIMIT_RPS", "  ", "LEADCAST_RATE_LIMIT_BURST", ""), Map.of())
                        .defaultRateLimit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "10001", "ten", "2.5", "99999999999999999999"})
    void aRateOutOfRangeIsRefusedNamingTheSetting(String rate) {
        String message = refusal(Map.of("LEADCAST_RATE_LIMIT_RPS", rate));
        assertTrue(message.startsWith("LEADCAST_RATE_LIMIT_RPS is '" + rate + "'"), message);
        assertTrue(message.contains("from 1 to 10000"), message);
    }

    @Test
    void aBurstBelowTheRateIsRefusedNamingBoth() {
        String message = refusal(Map.of("LEADCAST_RATE_LIMIT_RPS", "50", "LEADCAST_RATE_LIMIT_BURST", "20"));
        assertTrue(message.startsWith("LEADCAST_RATE_LIMIT_BURST is 20"), message);
        assertTrue(message.contains("LEADCAST_RATE_LIMIT_RPS (50)"), message);
        String againstDefault = refusal(Map.of("LEADCAST_RATE_LIMIT_BURST", "20"));
        assertTrue(againstDefault.contains("LEADCAST_RATE_LIMIT_RPS (unset: 100) (100)"), againstDefault);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "257", "many"})
    void aConcurrencyOutOfRangeIsRefusedNamingTheSetting(String concurrency) {
        String message = refusal(Map.of("LEADCAST_TENANT_CONCURRENCY", concurrency));
        assertTrue(message.startsWith("LEADCAST_TENANT_CONCURRENCY is '" + concurrency + "'"), message);
        assertTrue(message.contains("from 1 to 256"), message);
    }
}
