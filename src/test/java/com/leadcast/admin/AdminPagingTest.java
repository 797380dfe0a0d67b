package com.leadcast.admin;

import com.leadcast.scim.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link AdminPaging}: count, cursor and since of the admin API's lists. */
class AdminPagingTest {

    @Test
    void aCursorNamesThePositionItWasMadeOf() {
        AdminPaging.Position position = new AdminPaging.Position(Instant.parse("2026-12-08T02:03:04.123456Z"),
                "0f0e3b43-9f43-4cd0-8c2a-1a7b2d3c4e5f");
        assertEquals(Optional.of(position), AdminPaging.position(AdminPaging.cursor(position)));
        assertEquals(Optional.empty(), AdminPaging.position(null));
        assertEquals(Optional.empty(), AdminPaging.position(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "!!!", "MjAyNg", "fHg"})
    void aCursorThisServerDidNotIssueIsRefused(String cursor) {
        ScimException e = assertThrows(ScimException.class, () -> AdminPaging.position(cursor));
        assertEquals(400, e.status());
    }

    @Test
    void aForgedCursorWithALongIdIsRefused() {
        String forged = Base64.getUrlEncoder().encodeToString(("2026-12-08T00:00:00Z|" + "x".repeat(65)).getBytes());
        assertThrows(ScimException.class, () -> AdminPaging.position(forged));
    }

    @Test
    void countIsOneToAThousandDefaultAHundred() {
        assertEquals(100, AdminPaging.count(null));
        assertEquals(1, AdminPaging.count("1"));
        assertEquals(1000, AdminPaging.count(" 1000 "));
        for (String wrong : new String[]{"0", "1001", "-5", "ten", "99999999999"}) {
            ScimException e = assertThrows(ScimException.class, () -> AdminPaging.count(wrong));
            assertEquals("\"count\" must be a whole number from 1 to 1000 (default 100)", e.detail());
        }
    }

    @Test
    void sinceIsAnRfc3339DateTime() {
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), AdminPaging.since("2026-12-01T01:00:00+01:00"));
        assertNull(AdminPaging.since(""));
        assertThrows(ScimException.class, () -> AdminPaging.since("yesterday"));
        assertThrows(ScimException.class, () -> AdminPaging.since("2026-12-01"));
    }
}
