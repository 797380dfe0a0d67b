package com.leadcast.scim.roles;

import com.leadcast.scim.ScimException;

import java.util.Locale;

/** How a tenant's identity provider assigns app roles, chosen per tenant by the app administrator. */
public enum RoleMapping {

    /**
     * Entra's {@code SingleAppRoleAssignment} mapped to {@code roles[primary eq "True"].value}: a user holds one role,
     * and every add or replace of roles in a PATCH makes the last role asserted that one role.
     */
    SINGLE,

    /**
     * {@code AppRoleAssignmentsComplex} (add) or {@code AssertiveAppRoleAssignmentsComplex} (replace the set): the
     * RFC 7644 §3.5.2 semantics of a multi-valued attribute, nothing rewritten.
     */
    MULTIPLE;

    /** The name on the wire and in the database: {@code single} or {@code multiple}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mapping called {@code name} (case-insensitive), or a {@code 400 invalidValue} naming the choices. */
    public static RoleMapping of(String name) {
        for (RoleMapping mapping : values()) {
            if (mapping.wireName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return mapping;
            }
        }
        throw ScimException.invalidValue("\"roleMapping\" must be \"single\" (one role per user, Entra's "
                + "SingleAppRoleAssignment) or \"multiple\" (AppRoleAssignmentsComplex / "
                + "AssertiveAppRoleAssignmentsComplex), not \"" + name + "\"");
    }
}
