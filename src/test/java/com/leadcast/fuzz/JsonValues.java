package com.leadcast.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Random JSON values for request bodies: every JSON type, tricky strings, numbers beyond long and double, deep nesting
 * and the attribute names of the SCIM schemas as keys (so that the values reach the code behind them).
 */
public final class JsonValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Keys a SCIM body may hold, in any case, and a few no schema has. */
    public static final List<String> KEYS = List.of("userName", "displayName", "name", "givenName", "familyName",
            "formatted", "emails", "value", "type", "primary", "display", "phoneNumbers", "addresses", "postalCode",
            "active", "title", "externalId", "id", "meta", "schemas", "members", "groups", "roles", "$ref",
            "password", "nickName", "locale", "timezone", "profileUrl", "x509Certificates", "entitlements",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "employeeNumber", "manager", "department",
            "USERNAME", "Emails", "nosuch", "", " ", "a.b", "emails[type eq \"work\"].value");

    private final Random random;
    private final boolean allowKnown;

    /** A generator drawing from {@code random}; {@code allowKnown} false keeps NUL, lone surrogates and 'İ' out. */
    public JsonValues(Random random, boolean allowKnown) {
        this.random = random;
        this.allowKnown = allowKnown;
    }

    /** Any JSON value, at most {@code depth} levels deep. */
    public JsonNode any(int depth) {
        int kind = random.nextInt(depth <= 0 ? 6 : 9);
        return switch (kind) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.booleanNode(random.nextBoolean());
            case 2 -> number();
            case 3 -> JSON.textNode(random.nextBoolean() ? "True" : "false");
            case 4, 5 -> JSON.textNode(text());
            case 6 -> array(depth - 1);
            default -> object(depth - 1);
        };
    }

    /** A string: tricky text most of the time. */
    public String text() {
        return switch (random.nextInt(4)) {
            case 0 -> "plain" + random.nextInt(1000);
            case 1 -> random.nextInt(1000) + "@example.com";
            default -> allowKnown ? TrickyText.any(random).text() : TrickyText.ordinary(random);
        };
    }

    /** A number: small, at the edges of int and long, beyond them, or a decimal with an extreme exponent. */
    public JsonNode number() {
        return switch (random.nextInt(8)) {
            case 0 -> JSON.numberNode(random.nextInt(10));
            case 1 -> JSON.numberNode(random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE);
            case 2 -> JSON.numberNode(random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
            case 3 -> JSON.numberNode(new BigInteger("9".repeat(20 + random.nextInt(400))));
            case 4 -> JSON.numberNode(new BigDecimal("1E" + (random.nextBoolean() ? "" : "-") + random.nextInt(400)));
            case 5 -> JSON.numberNode(random.nextDouble() * 1e6);
            case 6 -> JSON.numberNode(-random.nextLong());
            default -> JSON.numberNode(new BigDecimal(random.nextLong() + "." + Math.abs(random.nextLong())));
        };
    }

    public ArrayNode array(int depth) {
        ArrayNode array = JSON.arrayNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            array.add(any(depth));
        }
        return array;
    }

    public ObjectNode object(int depth) {
        ObjectNode object = JSON.objectNode();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            object.set(key(), any(depth));
        }
        return object;
    }

    /** A key: a schema attribute name most of the time. */
    public String key() {
        return random.nextInt(5) == 0 ? text() : KEYS.get(random.nextInt(KEYS.size()));
    }

    /** {@code [[[...]]]} or {@code {"a":{"a":...}}} nested {@code depth} levels. */
    public static JsonNode nested(int depth, boolean arrays) {
        JsonNode node = JSON.textNode("deep");
        for (int i = 0; i < depth; i++) {
            node = arrays ? JSON.arrayNode().add(node) : JSON.objectNode().set("value", node);
        }
        return node;
    }
}
