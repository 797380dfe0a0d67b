package com.leadcast.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of a PATCH request (RFC 7644 §3.5.2): {@code op}, an optional {@code path} and {@code value}. */
public record PatchOperation(Op op, String path, JsonNode value) {

    /** The three operations; their names are matched case-insensitively on the wire. */
    public enum Op { ADD, REPLACE, REMOVE }
}
