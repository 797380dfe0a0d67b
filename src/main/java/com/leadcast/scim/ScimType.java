package com.leadcast.scim;

/**
 * The {@code scimType} error keywords of RFC 7644 §3.12 (Table 9) and RFC 9865 (cursor paging), with their wire
 * spelling.
 */
public enum ScimType {
    INVALID_FILTER("invalidFilter"),
    TOO_MANY("tooMany"),
    UNIQUENESS("uniqueness"),
    MUTABILITY("mutability"),
    INVALID_SYNTAX("invalidSyntax"),
    INVALID_PATH("invalidPath"),
    NO_TARGET("noTarget"),
    INVALID_VALUE("invalidValue"),
    INVALID_VERS("invalidVers"),
    SENSITIVE("sensitive"),
    INVALID_CURSOR("invalidCursor"),
    EXPIRED_CURSOR("expiredCursor"),
    INVALID_COUNT("invalidCount");

    private final String wireName;

    ScimType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
