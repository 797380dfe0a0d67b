package com.leadcast.observability;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RequestIds}: a usable client id is kept, anything else replaced by a new id of ours. */
class RequestIdsTest {

    private static final String OURS = "[0-9a-f]{24}";

    @Test
    void aUsableClientIdIsKept() {
        for (String sent : new String[]{"a", "3f2c-91ab", "req:42.7_x", "A".repeat(128),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}) {
            assertEquals(sent, RequestIds.of(sent));
        }
    }

    @Test
    void anythingElseIsReplacedByOurs() {
        for (String sent : new String[]{null, "", " ", "a b", "A".repeat(129), "id\r\nX-Evil: 1", "ümlaut", "a/b",
                "<script>", "x\"y", "%41"}) {
            String id = RequestIds.of(sent);
            assertTrue(id.matches(OURS), () -> sent + " gave " + id);
            assertNotEquals(sent, id);
        }
    }

    @Test
    void generatedIdsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(ids.add(RequestIds.generate()));
        }
    }
}
