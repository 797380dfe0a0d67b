package com.leadcast.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribute paths a SCIM request writes, for the audit trail: never a value, and no value filter either, since
 * a filter quotes values ({@code emails[value eq "alice@contoso.com"].value} is recorded as {@code emails.value}).
 * Extension attributes are named by their full path ({@code urn:…:enterprise:2.0:User:manager}). Read from the raw
 * body, so that a refused request is described as well as an accepted one.
 */
final class WrittenAttributes {

    private static final Set<String> NOT_WRITTEN = Set.of("schemas", "id", "meta");
    private static final int MAX_PATH_LENGTH = 200;

    private WrittenAttributes() {
    }

    /** The attributes a resource body of POST or PUT (RFC 7644 §3.3, §3.5.1) sets: its top-level ones. */
    static List<String> ofResource(JsonNode body) {
        Set<String> paths = new LinkedHashSet<>();
        addObject(body, paths);
        return limited(paths);
    }

    /** The attributes a PATCH body (RFC 7644 §3.5.2) writes: each operation's path, or the keys of its value. */
    static List<String> ofPatch(JsonNode body) {
        Set<String> paths = new LinkedHashSet<>();
        JsonNode operations = body == null ? null : caseInsensitive(body, "Operations");
        if (operations != null && operations.isArray()) {
            for (JsonNode operation : operations) {
                JsonNode path = caseInsensitive(operation, "path");
                if (path != null && path.isTextual() && !path.textValue().isBlank()) {
                    paths.add(withoutFilters(path.textValue().trim()));
                } else {
                    addObject(caseInsensitive(operation, "value"), paths);
                }
            }
        }
        return limited(paths);
    }

    /** The names of an admin request's properties present in {@code body}. */
    static List<String> ofProperties(JsonNode body) {
        Set<String> paths = new LinkedHashSet<>();
        if (body != null && body.isObject()) {
            body.fieldNames().forEachRemaining(name -> paths.add(clipped(name)));
        }
        return limited(paths);
    }

    private static void addObject(JsonNode object, Set<String> paths) {
        if (object == null || !object.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (NOT_WRITTEN.contains(name)) {
                continue;
            }
            if (name.regionMatches(true, 0, "urn:", 0, 4) && field.getValue().isObject()) {
                field.getValue().fieldNames().forEachRemaining(sub -> paths.add(clipped(name + ":" + sub)));
            } else {
                paths.add(clipped(name));
            }
        }
    }

    /** {@code path} with every bracketed value filter removed (quoted brackets inside a filter included). */
    static String withoutFilters(String path) {
        StringBuilder plain = new StringBuilder(path.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (depth > 0) {
                if (c == '\\' && quoted) {
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == '[') {
                    depth++;
                } else if (!quoted && c == ']') {
                    depth--;
                }
            } else if (c == '[') {
                depth = 1;
                quoted = false;
            } else {
                plain.append(c);
            }
        }
        return clipped(plain.toString());
    }

    private static JsonNode caseInsensitive(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return object.get(candidate);
            }
        }
        return null;
    }

    /** {@code path} at most {@value #MAX_PATH_LENGTH} characters long, control characters replaced. */
    private static String clipped(String path) {
        String shown = path.length() <= MAX_PATH_LENGTH ? path : path.substring(0, MAX_PATH_LENGTH) + "…";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static List<String> limited(Set<String> paths) {
        List<String> list = new ArrayList<>(paths);
        if (list.size() <= AuditEntry.MAX_ATTRIBUTES) {
            return list;
        }
        List<String> first = new ArrayList<>(list.subList(0, AuditEntry.MAX_ATTRIBUTES));
        first.add("…");
        return first;
    }
}
