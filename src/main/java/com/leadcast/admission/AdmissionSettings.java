package com.leadcast.admission;

import com.leadcast.config.Settings;
import com.leadcast.config.Setting;
import com.leadcast.tenant.RateLimit;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The server-wide admission settings as the operator configured them: the environment variables
 * {@value #RATE_VARIABLE}, {@value #BURST_VARIABLE} and {@value #CONCURRENCY_VARIABLE}, or the system properties
 * {@value #RATE_PROPERTY}, {@value #BURST_PROPERTY} and {@value #CONCURRENCY_PROPERTY}, which take precedence.
 * Blank means unset. Values that cannot be right are refused when the server starts, with a message naming the setting
 * and what it accepts.
 *
 * @param defaultRateLimit  the rate limit of every tenant that has none of its own
 * @param tenantConcurrency how many requests of one tenant this server runs at once, 1 to
 *                          {@value #MAX_CONCURRENCY}
 */
public record AdmissionSettings(RateLimit defaultRateLimit, int tenantConcurrency) {

    public static final String RATE_VARIABLE = "LEADCAST_RATE_LIMIT_RPS";
    public static final String RATE_PROPERTY = "leadcast.rate-limit.rps";
    public static final String BURST_VARIABLE = "LEADCAST_RATE_LIMIT_BURST";
    public static final String BURST_PROPERTY = "leadcast.rate-limit.burst";
    public static final String CONCURRENCY_VARIABLE = "LEADCAST_TENANT_CONCURRENCY";
    public static final String CONCURRENCY_PROPERTY = "leadcast.tenant-concurrency";

    /** Four times Entra's 25 requests per second per tenant, with two seconds' worth of burst. */
    public static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(100, 200);
    /**
     * Two per core, at least four (four on a two-core server): a tenant's CPU-bound requests beyond the cores only
     * queue in the scheduler, where they slow every other tenant's requests down with them.
     */
    public static final int DEFAULT_CONCURRENCY = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /** The worker pool of a small server: a tenant beyond it would hold every thread waiting for the database. */
    public static final int MAX_CONCURRENCY = 256;

    /** The settings of this server's process. @throws IllegalArgumentException naming a wrong setting */
    public static AdmissionSettings ofProcess() {
        Settings settings = Settings.ofProcess();
        return read(settings.variables(), settings.properties());
    }

    /**
     * The settings found through {@code environment} and {@code properties} (lookups by name, null when unset). A
     * rate without a burst gets a burst of twice the rate; a burst without a rate the default rate.
     *
     * @throws IllegalArgumentException naming the setting that is wrong and what it accepts
     */
    static AdmissionSettings read(UnaryOperator<String> environment, UnaryOperator<String> properties) {
        Optional<Setting> rate = Setting.find(RATE_PROPERTY, RATE_VARIABLE, environment, properties);
        Optional<Setting> burst = Setting.find(BURST_PROPERTY, BURST_VARIABLE, environment, properties);
        Optional<Setting> concurrency = Setting.find(CONCURRENCY_PROPERTY, CONCURRENCY_VARIABLE, environment,
                properties);
        long rps = rate.map(s -> s.number("requests per second", 1, RateLimit.MAX_REQUESTS_PER_SECOND))
                .orElse((long) DEFAULT_RATE_LIMIT.requestsPerSecond());
        long size = burst.map(s -> s.number("requests a tenant may send at once", 1, RateLimit.MAX_BURST))
                .orElse(rate.isPresent() ? Math.min(2 * rps, RateLimit.MAX_BURST) : DEFAULT_RATE_LIMIT.burst());
        RateLimit limit = RateLimit.of(rps, size, rate.map(Setting::name).orElse(RATE_VARIABLE + " (unset: "
                + DEFAULT_RATE_LIMIT.requestsPerSecond() + ")"), burst.map(Setting::name).orElse(BURST_VARIABLE));
        int parallel = concurrency.map(s -> s.number("requests of one tenant in progress at once", 1,
                MAX_CONCURRENCY)).orElse((long) DEFAULT_CONCURRENCY).intValue();
        return new AdmissionSettings(limit, parallel);
    }
}
