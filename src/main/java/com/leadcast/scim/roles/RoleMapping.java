package com.leadcast.scim.roles;

import com.leadcast.scim.ScimException;

import java.util.Locale;

/** How a tenant's identity provider assigns app roles, chosen per tenant by the app administrator. */
public enum RoleMapping {

    /**
     * Entra's {@code SingleAppRoleAssignment} mapped to {@code roles[primary eq "True"].value}: a user holds one role,
     * and every add or replace of roles makes the role asserted that one role.
     */
    SINGLE("SingleAppRoleAssignment([appRoleAssignments])", "roles[primary eq \"True\"].value"),

    /**
     * {@code AppRoleAssignmentsComplex} (add) or {@code AssertiveAppRoleAssignmentsComplex} (replace the set): the
     * RFC 7644 §3.5.2 semantics of a multi-valued attribute, nothing rewritten. Entra's recommended expression is
     * the assertive one, which sends the complete set and so also removes roles.
     */
    MULTIPLE("AssertiveAppRoleAssignmentsComplex([appRoleAssignments])", "roles");

    private final String entraExpression;
    private final String entraTargetAttribute;

    RoleMapping(String entraExpression, String entraTargetAttribute) {
        this.entraExpression = entraExpression;
        this.entraTargetAttribute = entraTargetAttribute;
    }

    /** The Entra attribute-mapping expression (mapping type Expression) that produces what this mapping expects. */
    public String entraExpression() {
        return entraExpression;
    }

    /** The target attribute of {@link #entraExpression()} in Entra's user mapping. */
    public String entraTargetAttribute() {
        return entraTargetAttribute;
    }

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
