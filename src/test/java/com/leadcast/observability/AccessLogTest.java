package com.leadcast.observability;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link AccessLog}: one line per request, with the query's parameter names and none of its values. */
class AccessLogTest {

    private static AccessLog.Entry entry(String method, String path, String query) {
        return new AccessLog.Entry(Instant.parse("2026-12-08T09:14:03.512Z"), "req-1", "tenant-a", "token:t1",
                method, path, query, 200, 3_449_000L, 912);
    }

    @Test
    void aLineHasEveryFieldInOrder() {
        assertEquals("start=2026-12-08T09:14:03.512Z requestId=req-1 tenant=tenant-a credential=token:t1 method=GET "
                        + "path=/scim/v2/Users?filter&count status=200 durationMs=3.4 bytes=912",
                AccessLog.line(entry("GET", "/scim/v2/Users", "filter=userName%20eq%20%22a%40b.com%22&count=10")));
    }

    @Test
    void unknownCallerAndNoQuery() {
        String line = AccessLog.line(new AccessLog.Entry(Instant.EPOCH, "r", null, null, "POST", "/scim/v2/Users",
                null, 401, 0, 0));
        assertTrue(line.contains(" tenant=- credential=- method=POST path=/scim/v2/Users status=401 "), line);
    }

    @Test
    void noQueryValueReachesTheLog() {
        String line = AccessLog.line(entry("GET", "/scim/v2/Users",
                "filter=emails%5Btype%20eq%20%22work%22%5D.value%20eq%20%22jane%40example.com%22&=x&startIndex"));
        assertFalse(line.contains("jane"), line);
        assertFalse(line.contains("work"), line);
        assertTrue(line.contains("path=/scim/v2/Users?filter&startIndex "), line);
    }

    @Test
    void aLineIsOneLineOfSpaceSeparatedFields() {
        String line = AccessLog.line(entry("GET", "/scim/v2/Users/a b\r\nstatus=200 forged", "x y\n=1"));
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertEquals(9, line.split(" ").length, line);
        assertTrue(line.contains("path=/scim/v2/Users/a%20b%0D%0Astatus=200%20forged?x%20y%0A "), line);
    }

    @Test
    void aLongPathIsCut() {
        String line = AccessLog.line(entry("GET", "/scim/v2/Users/" + "x".repeat(5000), null));
        assertTrue(line.length() < 800, line);
        assertTrue(line.contains("x... status=200"), line);
    }

    @Test
    void durationsAreMillisecondsWithOneDecimal() {
        assertEquals("3.4", AccessLog.milliseconds(3_449_000));
        assertEquals("3.5", AccessLog.milliseconds(3_450_000));
        assertEquals("0.0", AccessLog.milliseconds(0));
        assertEquals("0.1", AccessLog.milliseconds(50_000));
        assertEquals("12034.0", AccessLog.milliseconds(12_034_000_000L));
    }
}
