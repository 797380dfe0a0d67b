package com.leadcast.scim.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcast.scim.ScimException;

import java.util.Iterator;
import java.util.Map;

/**
 * Refuses text that no supported database stores faithfully: U+0000 (PostgreSQL refuses it in {@code text}, H2
 * keeps it, so one request would behave differently per database) and unpaired UTF-16 surrogates (not characters
 * at all: drivers store them as {@code ?}, so two different values would collide). Every request's query
 * parameters, path and JSON body pass through here before anything reads them.
 */
public final class StorableText {

    private StorableText() {
    }

    /** {@code value} of {@code what} ("attribute 'title'", "query parameter 'filter'"), or {@code 400 invalidValue}. */
    public static void require(String what, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw ScimException.invalidValue("The " + printable(what) + " contains " + problem
                    + ", which this service does not store; remove it and send the request again");
        }
    }

    /** Checks every member name and string value of a JSON body, naming the first bad one by its JSON path. */
    public static void requireAll(JsonNode body) {
        walk(body, "");
    }

    private static void walk(JsonNode node, String path) {
        if (node.isTextual()) {
            require("value of '" + (path.isEmpty() ? "(body)" : path) + "'", node.textValue());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                String child = path.isEmpty() ? name : path + "." + name;
                require("attribute name '" + printable(child) + "'", name);
                walk(field.getValue(), child);
            }
        }
    }

    /** What is wrong with {@code value}, or null when every character can be stored. */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "the character U+0000 (NUL) at position " + (value.codePointCount(0, i) + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("an unpaired UTF-16 surrogate (\\u%04X) at position %d, which is not a "
                        + "Unicode character", (int) c, value.codePointCount(0, i) + 1);
            }
        }
        return null;
    }

    /** {@code text} with the characters this class refuses replaced, for naming them in a detail. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c == '\u0000' || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
