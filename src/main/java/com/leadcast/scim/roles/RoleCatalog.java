package com.leadcast.scim.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The app-wide catalog of Leadcast app roles. An empty catalog accepts any role value; otherwise a role value a user
 * newly receives must match a catalog value case-insensitively and is stored as the catalog spells it. The values
 * are published as the {@code canonicalValues} of {@code roles.value} (RFC 7643 §7), so that a SCIM client can see
 * what it may send.
 */
public final class RoleCatalog {

    public static final RoleCatalog EMPTY = new RoleCatalog(List.of());

    /** What Entra sends for an assignment without a role (its built-in Default Access role), in {@link #key} form. */
    private static final Set<String> DEFAULT_ACCESS = Set.of("msiam_access", "default access", "defaultaccess");

    private static final String FIX = "Map the Leadcast app roles in the identity provider with "
            + "SingleAppRoleAssignment([appRoleAssignments]) (or AppRoleAssignmentsComplex([appRoleAssignments]) for "
            + "several roles per user), and give the app registration's roles exactly these values";

    private final Map<String, AppRole> byKey = new LinkedHashMap<>();

    private RoleCatalog(List<AppRole> roles) {
        roles.forEach(role -> byKey.put(key(role.value()), role));
    }

    /**
     * A catalog of {@code roles} as the app administrator sent them: values trimmed, required, at most 200
     * characters and unique ignoring case; otherwise {@code 400 invalidValue} naming the offending role.
     */
    public static RoleCatalog of(List<AppRole> roles) {
        if (roles == null) {
            throw ScimException.invalidValue("Send the catalog as a JSON array of {\"value\", \"displayName\", "
                    + "\"description\"}; [] empties it");
        }
        Set<String> seen = new HashSet<>();
        RoleCatalog catalog = new RoleCatalog(List.of());
        for (int i = 0; i < roles.size(); i++) {
            AppRole role = roles.get(i);
            String value = role == null || role.value() == null ? "" : role.value().trim();
            if (value.isEmpty()) {
                throw ScimException.invalidValue("App role " + (i + 1) + " has no \"value\": every app role needs "
                        + "the value SCIM clients send in roles[].value");
            }
            if (value.length() > 200) {
                throw ScimException.invalidValue("App role \"" + value + "\": \"value\" may be at most 200 characters");
            }
            if (!seen.add(key(value))) {
                throw ScimException.invalidValue("App role \"" + value + "\" is listed twice (values are compared "
                        + "ignoring case): each value may appear once");
            }
            requireLength(value, "displayName", role.displayName(), 200);
            requireLength(value, "description", role.description(), 1000);
            catalog.byKey.put(key(value), new AppRole(value, role.displayName(), role.description()));
        }
        return catalog;
    }

    public List<AppRole> roles() {
        return List.copyOf(byKey.values());
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /**
     * Checks the role values of a user's {@code document} that {@code before} (the stored document, or null for a
     * new user) did not hold, and spells each as the catalog does. A role kept from before stays as it is, so that
     * changing the catalog never locks a user out of updates. Throws {@code 400 invalidValue} for an unknown value.
     */
    public void checkRoles(JsonNode before, ObjectNode document) {
        JsonNode roles = document.get("roles");
        if (isEmpty() || roles == null || !roles.isArray()) {
            return;
        }
        Set<String> held = new HashSet<>();
        if (before != null && before.path("roles").isArray()) {
            before.path("roles").forEach(role -> held.add(role.path("value").asText(null)));
        }
        for (JsonNode role : roles) {
            JsonNode value = role.get("value");
            if (!(role instanceof ObjectNode element) || value == null || !value.isTextual()
                    || held.contains(value.asText())) {
                continue;
            }
            element.put("value", canonical(value.asText()));
        }
    }

    /** The catalog's spelling of {@code value}, or {@code 400 invalidValue} saying what is allowed and how to fix. */
    String canonical(String value) {
        AppRole role = byKey.get(key(value.trim()));
        if (role != null) {
            return role.value();
        }
        String trimmed = value.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("<")) {
            throw ScimException.invalidValue("The role value " + quoted(abbreviated(trimmed)) + " is a serialised "
                    + (trimmed.startsWith("{") ? "JSON object" : "XML document") + ", not a role: roles is mapped "
                    + "directly from appRoleAssignments. Allowed values: " + allowed() + ". " + FIX + ".");
        }
        if (DEFAULT_ACCESS.contains(key(trimmed))) {
            throw ScimException.invalidValue("The role value " + quoted(value) + " is Entra's Default Access role: the "
                    + "user was assigned to the provisioning application without a Leadcast role. Assign the user (or "
                    + "their group) one of " + allowed() + " under Enterprise applications > Users and groups.");
        }
        throw ScimException.invalidValue("The role value " + quoted(value) + " is not a Leadcast app role. "
                + "Allowed values: " + allowed() + ". " + FIX + ".");
    }

    /**
     * The RFC 7643 §7 representation of the User schema with the catalog's values as the {@code canonicalValues} of
     * {@code roles.value}; {@code userSchema} itself is left as loaded. An empty catalog publishes none.
     */
    public ObjectNode publishedIn(ObjectNode userSchema) {
        ObjectNode result = userSchema.deepCopy();
        if (isEmpty()) {
            return result;
        }
        for (JsonNode attribute : result.path("attributes")) {
            if (!attribute.path("name").asText().equalsIgnoreCase("roles")) {
                continue;
            }
            for (JsonNode sub : attribute.path("subAttributes")) {
                if (sub.path("name").asText().equalsIgnoreCase("value") && sub instanceof ObjectNode value) {
                    ArrayNode canonicalValues = value.putArray("canonicalValues");
                    byKey.values().forEach(role -> canonicalValues.add(role.value()));
                }
            }
        }
        return result;
    }

    private String allowed() {
        return byKey.values().stream().map(role -> quoted(role.value())).collect(Collectors.joining(", "));
    }

    private static void requireLength(String role, String name, String text, int max) {
        if (text != null && text.length() > max) {
            throw ScimException.invalidValue("App role \"" + role + "\": \"" + name + "\" may be at most " + max
                    + " characters");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
