package com.leadcast.scim.schema;

import java.util.Arrays;

/** The {@code mutability} characteristic of RFC 7643 §7. */
public enum Mutability {
    READ_ONLY("readOnly"),
    READ_WRITE("readWrite"),
    IMMUTABLE("immutable"),
    WRITE_ONLY("writeOnly");

    private final String wireName;

    Mutability(String wireName) {
        this.wireName = wireName;
    }

    static Mutability fromWire(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown mutability " + name));
    }
}
