package com.leadcast.tenant;

import com.leadcast.scim.ScimException;

import java.util.Arrays;
import java.util.Locale;

/** Whether a tenant is served: the operator suspends a tenant (unpaid, offboarding) without losing its data. */
public enum TenantStatus {
    ACTIVE,
    /** Its SCIM requests are answered {@code 403}; its data and tokens stay, and reactivating it restores access. */
    SUSPENDED;

    /** The name in the admin API and the database: {@code active}, {@code suspended}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws ScimException {@code 400 invalidValue} for any other value */
    public static TenantStatus of(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> ScimException.invalidValue("\"status\" must be \"active\" or \"suspended\", not \""
                        + wireName + "\""));
    }
}
