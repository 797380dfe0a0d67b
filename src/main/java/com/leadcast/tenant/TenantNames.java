package com.leadcast.tenant;

import com.leadcast.scim.ScimException;

/** The rules for what an operator calls a tenant: its display name and its optional external (customer) id. */
public final class TenantNames {

    static final int MAX_LENGTH = 200;

    private TenantNames() {
    }

    /**
     * A tenant's display name, trimmed.
     *
     * @throws ScimException {@code 400 invalidValue} when it is missing, blank or too long
     */
    public static String name(String name) {
        return required(name, "name", "the tenant's display name, e.g. \"Contoso\"");
    }

    /**
     * The operator's own id for the customer, trimmed.
     *
     * @throws ScimException {@code 400 invalidValue} when it is blank or too long
     */
    public static String externalId(String externalId) {
        return required(externalId, "externalId", "your own id for this customer, e.g. a CRM account number "
                + "(send null to remove it)");
    }

    private static String required(String value, String property, String meaning) {
        if (value == null || value.isBlank()) {
            throw ScimException.invalidValue("\"" + property + "\" must not be empty: " + meaning);
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw ScimException.invalidValue("\"" + property + "\" may be at most " + MAX_LENGTH
                    + " characters long");
        }
        return trimmed;
    }
}
