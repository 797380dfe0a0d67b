package com.leadcast.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimUrns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the body of a PATCH request, {@code urn:ietf:params:scim:api:messages:2.0:PatchOp} (RFC 7644 §3.5.2). */
public final class PatchRequest {

    /** More operations than this in one request are refused as {@code tooMany}. */
    public static final int MAX_OPERATIONS = 1000;

    private PatchRequest() {
    }

    public static List<PatchOperation> parse(ObjectNode body) {
        if (body == null) {
            throw ScimException.invalidSyntax("The PATCH request has no body: send a PatchOp message with "
                    + "\"Operations\"");
        }
        JsonNode schemas = body.get("schemas");
        if (schemas != null && !containsPatchOp(schemas)) {
            throw ScimException.invalidSyntax("\"schemas\" must contain " + ScimUrns.PATCH_OP);
        }
        JsonNode operations = body.get("Operations");
        if (operations == null) {
            operations = body.get("operations");
        }
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("The PatchOp message needs a non-empty \"Operations\" array");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw new ScimException(400, com.leadcast.scim.ScimType.TOO_MANY, "A PATCH request may carry at most "
                    + MAX_OPERATIONS + " operations; this one has " + operations.size());
        }
        List<PatchOperation> result = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            result.add(operation(operations.get(i), i));
        }
        return result;
    }

    private static boolean containsPatchOp(JsonNode schemas) {
        if (schemas.isTextual()) {
            return schemas.asText().equalsIgnoreCase(ScimUrns.PATCH_OP);
        }
        for (JsonNode schema : schemas) {
            if (schema.asText().equalsIgnoreCase(ScimUrns.PATCH_OP)) {
                return true;
            }
        }
        return false;
    }

    private static PatchOperation operation(JsonNode node, int index) {
        String where = "Operations[" + index + "]";
        if (!node.isObject()) {
            throw ScimException.invalidSyntax(where + " must be a JSON object with \"op\", \"path\" and \"value\"");
        }
        JsonNode op = node.get("op");
        if (op == null || !op.isTextual()) {
            throw ScimException.invalidSyntax(where + " has no \"op\"; use add, replace or remove");
        }
        PatchOperation.Op kind = switch (op.asText().trim().toLowerCase(Locale.ROOT)) {
            case "add" -> PatchOperation.Op.ADD;
            case "replace" -> PatchOperation.Op.REPLACE;
            case "remove" -> PatchOperation.Op.REMOVE;
            default -> throw ScimException.invalidSyntax(where + " has op \"" + op.asText()
                    + "\"; use add, replace or remove");
        };
        JsonNode path = node.get("path");
        if (path != null && !path.isNull() && !path.isTextual()) {
            throw ScimException.invalidPath(where + ".path must be a string");
        }
        String pathText = path == null || path.isNull() || path.asText().isBlank() ? null : path.asText().trim();
        JsonNode value = node.get("value");
        if (kind == PatchOperation.Op.REMOVE && pathText == null) {
            throw ScimException.noTarget(where + ": remove needs a \"path\" naming what to remove");
        }
        if (kind != PatchOperation.Op.REMOVE && value == null) {
            throw ScimException.invalidSyntax(where + ": " + op.asText() + " needs a \"value\"");
        }
        return new PatchOperation(kind, pathText, value);
    }
}
