package com.leadcast.scim.query;

/**
 * What a cursor is valid for: one tenant, one resource type and one query ({@link ListQuery#fingerprint()} of its
 * filter and sort). RFC 9865 §2 requires every parameter but the cursor to stay the same from page to page.
 */
public record CursorScope(String tenantId, String resourceType, String queryFingerprint) {
}
