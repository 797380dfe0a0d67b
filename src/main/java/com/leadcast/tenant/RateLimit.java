package com.leadcast.tenant;

/**
 * A token bucket (RFC 6585 §4 names the answer beyond it, {@code 429 Too Many Requests}): a tenant may send
 * {@code requestsPerSecond} requests a second on average and up to {@code burst} at once after a quiet spell.
 *
 * @param requestsPerSecond how many tokens the bucket regains each second, 1 to {@value #MAX_REQUESTS_PER_SECOND}
 * @param burst             how many tokens it holds, at least {@code requestsPerSecond}, at most {@value #MAX_BURST}
 */
public record RateLimit(int requestsPerSecond, int burst) {

    public static final int MAX_REQUESTS_PER_SECOND = 10_000;
    public static final int MAX_BURST = 100_000;

    public RateLimit {
        check(requestsPerSecond, burst, "requestsPerSecond", "burst");
    }

    /**
     * The limit of {@code requestsPerSecond} and {@code burst} as given (whole numbers in range; burst not below the
     * rate).
     *
     * @param rateName  how the caller names the rate in a refusal, e.g. {@code rateLimit.requestsPerSecond}
     * @param burstName how it names the burst
     * @throws IllegalArgumentException naming the value that is wrong and what it accepts
     */
    public static RateLimit of(long requestsPerSecond, long burst, String rateName, String burstName) {
        check(requestsPerSecond, burst, rateName, burstName);
        return new RateLimit((int) requestsPerSecond, (int) burst);
    }

    private static void check(long requestsPerSecond, long burst, String rateName, String burstName) {
        if (requestsPerSecond < 1 || requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
            throw new IllegalArgumentException(rateName + " is " + requestsPerSecond + ": give a whole number of "
                    + "requests per second from 1 to " + MAX_REQUESTS_PER_SECOND);
        }
        if (burst < requestsPerSecond || burst > MAX_BURST) {
            throw new IllegalArgumentException(burstName + " is " + burst + ": give a whole number of requests from "
                    + rateName + " (" + requestsPerSecond + ") to " + MAX_BURST + ", how many may come at once");
        }
    }

    /** How a refusal names the limit, e.g. {@code 25 requests per second (burst 50)}. */
    public String describe() {
        return requestsPerSecond + " requests per second (burst " + burst + ")";
    }
}
