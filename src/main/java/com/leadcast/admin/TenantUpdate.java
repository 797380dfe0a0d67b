package com.leadcast.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.roles.RoleMapping;
import com.leadcast.tenant.RateLimit;
import com.leadcast.tenant.TenantChanges;
import com.leadcast.tenant.TenantNames;
import com.leadcast.tenant.TenantStatus;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of {@code PATCH /admin/v1/tenants/{id}} (openapi/scim-api.yaml, TenantUpdateRequest) as a JSON tree,
 * because an explicit {@code null} (remove the external id, return to the default rate limit) differs from an absent
 * property (keep it). A property it does not know is refused, so that a misspelt one cannot pass for a change made.
 */
final class TenantUpdate {

    static final Set<String> PROPERTIES = Set.of("name", "externalId", "status", "roleMapping", "rateLimit");

    private static final String RATE = "rateLimit.requestsPerSecond";
    private static final String BURST = "rateLimit.burst";

    private TenantUpdate() {
    }

    /** @throws ScimException {@code 400} naming what is wrong and what is accepted */
    static TenantChanges of(ObjectNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PROPERTIES.contains(name)) {
                throw ScimException.invalidSyntax("Unknown property \"" + printable(name) + "\": a tenant's "
                        + "settings are name, externalId, status, roleMapping and rateLimit");
            }
        }
        JsonNode externalId = body.path("externalId");
        JsonNode rateLimit = body.path("rateLimit");
        return new TenantChanges(
                text(body.path("name"), "name", false).map(TenantNames::name),
                text(externalId, "externalId", true).map(TenantNames::externalId),
                text(body.path("status"), "status", false).map(TenantStatus::of),
                text(body.path("roleMapping"), "roleMapping", false).map(RoleMapping::of),
                rateLimit.isMissingNode() || rateLimit.isNull() ? Optional.empty() : Optional.of(rateLimit(rateLimit)),
                !externalId.isMissingNode(), !rateLimit.isMissingNode());
    }

    /** A property name as it may be quoted back: printable ASCII, at most 64 characters. */
    private static String printable(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return shown.replaceAll("[^\\x20-\\x7e]", "?").replace("\"", "'");
    }

    /** The string value of a property; empty when absent (or, if {@code nullable}, null). */
    private static Optional<String> text(JsonNode value, String name, boolean nullable) {
        if (value.isMissingNode() || nullable && value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ScimException.invalidValue("\"" + name + "\" must be a string" + (nullable ? " or null" : "")
                    + ", not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.of(value.textValue());
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
