package com.leadcast.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** meta.version and ETag, If-Match and If-None-Match (RFC 7644 §3.14). */
class VersioningIT extends ScimTestBase {

    private static final String PATCH_TITLE = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"%s\"}]}";

    private Http scim;
    private String path;
    private String etag;

    @BeforeEach
    void user() {
        scim = newTenantClient();
        Reply created = scim.post(USERS, "{\"userName\":\"" + uniqueName("v") + "\",\"title\":\"one\"}");
        assertEquals(201, created.status(), created::toString);
        path = USERS + "/" + created.text("id");
        etag = created.header("ETag").orElseThrow();
        assertEquals(created.json().path("meta").path("version").asText(), etag);
    }

    private Reply with(String header, String value, java.net.http.HttpRequest.Builder request) {
        return scim.send(request.header(header, value));
    }

    @Test
    void everyResourceResponseCarriesItsVersionAsETag() {
        Reply got = scim.get(path);
        assertEquals(etag, got.header("ETag").orElseThrow());
        assertTrue(etag.startsWith("W/\""), etag);
    }

    @Test
    void ifNoneMatchWithTheCurrentVersionIsNotModified() {
        Reply same = with("If-None-Match", etag, scim.request(path).GET());
        assertEquals(304, same.status(), same::toString);
        assertEquals(etag, same.header("ETag").orElseThrow());
        assertTrue(same.body().isEmpty());
        Reply other = with("If-None-Match", "W/\"999\"", scim.request(path).GET());
        assertEquals(200, other.status());
    }

    @Test
    void patchWithAStaleVersionIsRefusedAndChangesNothing() {
        Reply first = with("If-Match", etag, scim.request(path).header("Content-Type", Http.SCIM_JSON)
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(PATCH_TITLE.formatted("two"))));
        assertEquals(200, first.status(), first::toString);
        String newTag = first.header("ETag").orElseThrow();
        assertNotEquals(etag, newTag);

        Reply stale = with("If-Match", etag, scim.request(path).header("Content-Type", Http.SCIM_JSON)
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(PATCH_TITLE.formatted("three"))));
        assertScimError(stale, 412, null);
        assertEquals("two", scim.get(path).text("title"));
    }

    @Test
    void putAndDeleteHonourIfMatchIncludingTheWildcard() {
        Reply stale = with("If-Match", "W/\"12345\"", scim.request(path).header("Content-Type", Http.SCIM_JSON)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"userName\":\"x-" + uniqueName("p") + "\"}")));
        assertScimError(stale, 412, null);
        Reply staleDelete = with("If-Match", "W/\"12345\"", scim.request(path).DELETE());
        assertScimError(staleDelete, 412, null);
        assertEquals(200, scim.get(path).status());
        Reply delete = with("If-Match", "*", scim.request(path).DELETE());
        assertEquals(204, delete.status(), delete::toString);
    }

    @Test
    void reassertingUnchangedValuesKeepsTheVersion() {
        Reply patched = scim.patch(path, PATCH_TITLE.formatted("one"));
        assertEquals(200, patched.status(), patched::toString);
        assertEquals(etag, patched.header("ETag").orElseThrow());
    }

    @Test
    void membershipChangesMoveTheGroupVersion() {
        Reply group = scim.post(GROUPS, "{\"displayName\":\"" + uniqueName("g") + "\"}");
        String groupPath = GROUPS + "/" + group.text("id");
        String before = group.header("ETag").orElseThrow();
        Reply patched = scim.patch(groupPath, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + path.substring(path.lastIndexOf('/') + 1) + "\"}]}]}");
        assertEquals(204, patched.status(), patched::toString);
        String after = patched.header("ETag").orElseThrow();
        assertNotEquals(before, after);
        assertEquals(after, scim.get(groupPath).header("ETag").orElseThrow());
    }
}
