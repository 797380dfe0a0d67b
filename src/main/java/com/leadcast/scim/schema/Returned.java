package com.leadcast.scim.schema;

import java.util.Arrays;

/** The {@code returned} characteristic of RFC 7643 §7: when an attribute appears in a response. */
public enum Returned {
    ALWAYS("always"),
    NEVER("never"),
    DEFAULT("default"),
    REQUEST("request");

    private final String wireName;

    Returned(String wireName) {
        this.wireName = wireName;
    }

    static Returned fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown returned value " + name));
    }
}
