package com.leadcast.scim.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorableTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nulIsRefusedWithItsPosition() {
        ScimException e = assertThrows(ScimException.class, () -> StorableText.require("query parameter 'filter'",
                "userName eq \"a\u0000\""));
        assertEquals(400, e.status());
        assertEquals(ScimType.INVALID_VALUE, e.scimType());
        assertTrue(e.detail().contains("query parameter 'filter'"), e.detail());
        assertTrue(e.detail().contains("U+0000 (NUL) at position 15"), e.detail());
    }

    @Test
    void unpairedSurrogatesAreRefusedPairsAccepted() {
        assertTrue(StorableText.problem("a\uD800b").contains("\\uD800"));
        assertTrue(StorableText.problem("a\uDC00").contains("\\uDC00"));
        assertTrue(StorableText.problem("\uDC00\uD800").contains("\\uDC00"), "reversed pair");
        assertTrue(StorableText.problem("end\uD83D").contains("\\uD83D"), "high surrogate at the end");
        assertNull(StorableText.problem("😀 İ ß \uFFFD"));
        assertNull(StorableText.problem(null));
    }

    @Test
    void bodiesNameTheAttributeByItsJsonPath() throws Exception {
        String body = "{\"emails\":[{\"value\":\"a@x\"},{\"value\":\"b\\u0000@x\"}]}";
        ScimException e = assertThrows(ScimException.class, () -> StorableText.requireAll(JSON.readTree(body)));
        assertTrue(e.detail().contains("'emails[1].value'"), e.detail());
        String key = "{\"na\\ud800me\":\"x\"}";
        ScimException k = assertThrows(ScimException.class, () -> StorableText.requireAll(JSON.readTree(key)));
        assertTrue(k.detail().contains("attribute name 'na\uFFFDme'"), k.detail());
        assertFalse(k.detail().contains("\uD800"), "the detail itself is storable text");
    }

    @Test
    void ordinaryBodiesPass() {
        assertDoesNotThrow(() -> StorableText.requireAll(JSON.readTree(
                "{\"userName\":\"ünï😀\",\"active\":true,\"x\":[1,null,{\"y\":\"z\"}]}")));
    }
}
