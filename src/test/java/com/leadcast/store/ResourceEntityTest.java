package com.leadcast.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link ResourceEntity} and {@link UserEntity} copy out of a document, without a database. */
class ResourceEntityTest {

    private static final Instant NOW = Instant.parse("2026-01-31T12:00:00.057999999Z");

    private static ObjectNode user(String userName) {
        return JsonNodeFactory.instance.objectNode().put("userName", userName);
    }

    @Test
    void timestampsKeepOnlyTheMillisecondsThatMetaShowsSoTheDatabaseStoresThemExactly() {
        UserEntity user = new UserEntity("tenant", NOW);
        user.writeDocument(user("a"), NOW);
        Instant expected = Instant.parse("2026-01-31T12:00:00.057Z");
        assertEquals(expected, user.getCreatedAt());
        assertEquals(expected, user.getLastModifiedAt());

        user.writeDocument(user("a"), NOW.plusSeconds(1));
        assertEquals(expected.plusSeconds(1), user.getLastModifiedAt());
        assertEquals(expected, user.getCreatedAt());
    }

    @Test
    void columnsTakeAtMost512Characters() {
        UserEntity user = new UserEntity("tenant", NOW);
        user.writeDocument(user("u".repeat(512)).put("displayName", "d".repeat(512)).put("externalId", "e".repeat(512)),
                NOW);
        assertEquals(512, user.getUserName().length());
        assertEquals(512, user.getExternalId().length());
    }

    @Test
    void longerColumnValuesAreInvalidValueNamingTheAttribute() {
        String tooLong = "x".repeat(513);
        for (String attribute : new String[] {"userName", "displayName", "externalId"}) {
            UserEntity user = new UserEntity("tenant", NOW);
            ObjectNode document = user("u").put(attribute, tooLong);
            ScimException e = assertThrows(ScimException.class, () -> user.writeDocument(document, NOW));
            assertEquals(400, e.status());
            assertEquals(ScimType.INVALID_VALUE, e.scimType());
            assertTrue(e.detail().contains("'" + attribute + "'") && e.detail().contains("512"), e::detail);
        }
    }
}
