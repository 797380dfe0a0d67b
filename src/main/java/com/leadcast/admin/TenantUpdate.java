package com.leadcast.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.tenant.RateLimit;

import java.util.Optional;

/**
 * The body of {@code PATCH /admin/v1/tenants/{id}} (openapi/scim-api.yaml, TenantUpdateRequest), read as a JSON tree
 * because an explicit {@code "rateLimit": null} (back to the server's default) differs from an absent one (keep it).
 * Properties it does not know are ignored, as everywhere in the admin API.
 *
 * @param roleMapping     the new role mapping, if given
 * @param rateLimitGiven  whether {@code rateLimit} was present
 * @param rateLimit       the tenant's new own rate limit; {@code null} with {@code rateLimitGiven}: the default
 */
record TenantUpdate(Optional<String> roleMapping, boolean rateLimitGiven, RateLimit rateLimit) {

    private static final String RATE = "rateLimit.requestsPerSecond";
    private static final String BURST = "rateLimit.burst";

    /** @throws ScimException {@code 400 invalidValue} naming what is wrong and what is accepted */
    static TenantUpdate of(ObjectNode body) {
        JsonNode roleMapping = body.path("roleMapping");
        if (!roleMapping.isMissingNode() && !roleMapping.isNull() && !roleMapping.isTextual()) {
            throw ScimException.invalidValue("\"roleMapping\" must be the string \"single\" or \"multiple\"");
        }
        JsonNode rateLimit = body.path("rateLimit");
        return new TenantUpdate(Optional.ofNullable(roleMapping.textValue()), !rateLimit.isMissingNode(),
                rateLimit.isMissingNode() || rateLimit.isNull() ? null : rateLimit(rateLimit));
    }

    private static RateLimit rateLimit(JsonNode limit) {
        if (!limit.isObject()) {
            throw ScimException.invalidValue("\"rateLimit\" must be an object {\"requestsPerSecond\": N, "
                    + "\"burst\": M}, or null to return the tenant to the server's default limit");
        }
        long rate = wholeNumber(limit.path("requestsPerSecond"), RATE, RateLimit.MAX_REQUESTS_PER_SECOND);
        long burst = wholeNumber(limit.path("burst"), BURST, RateLimit.MAX_BURST);
        try {
            return RateLimit.of(rate, burst, RATE, BURST);
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue(e.getMessage());
        }
    }

    private static long wholeNumber(JsonNode value, String name, long max) {
        if (value.isMissingNode() || value.isNull()) {
            throw ScimException.invalidValue("\"" + name + "\" is required: a whole number from 1 to " + max);
        }
        if (!value.isIntegralNumber()) {
            throw ScimException.invalidValue("\"" + name + "\" must be a whole number from 1 to " + max + ", not "
                    + value);
        }
        return value.canConvertToLong() ? value.longValue() : Long.MAX_VALUE;
    }
}
