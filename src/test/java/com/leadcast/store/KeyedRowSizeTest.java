package com.leadcast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.query.KeyedRow;
import com.leadcast.scim.query.ListQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The keys a merge of resource types reads carry their documents' stored lengths, by which the root search holds a
 * page to the page budget before it reads any document; on every database the store tests run on.
 */
class KeyedRowSizeTest {

    @Test
    void keysCarryTheStoredLengthOfTheirDocuments() {
        StandaloneDatabase db = StandaloneDatabase.shared();
        String tenant = UUID.randomUUID().toString();
        db.createTenant(tenant);
        Map<String, Integer> lengths = new HashMap<>();
        Map<String, Integer> codePoints = new HashMap<>();
        db.inTransaction(em -> {
            UserStore users = StandaloneDatabase.users(em);
            for (int i = 0; i < 3; i++) {
                ObjectNode document = JsonNodeFactory.instance.objectNode()
                        .put("userName", "size" + i + "@example.com").put("title", "é😀".repeat(1 + 400 * i));
                UserEntity user = users.create(tenant, document, null);
                lengths.put(user.getId(), user.documentLength());
                codePoints.put(user.getId(), Json.write(user.document()).codePointCount(0, user.documentLength()));
            }
            return null;
        });
        for (String sortBy : new String[] {null, "userName", "title"}) {
            List<KeyedRow> keys = db.inTransaction(em -> StandaloneDatabase.users(em).keys(tenant,
                    ListQuery.of(null, null, null, sortBy, null, null, null, null), null, 10));
            assertEquals(3, keys.size());
            for (KeyedRow key : keys) {
                // H2 counts UTF-16 units as Java does, PostgreSQL and MariaDB code points
                assertTrue(key.size() == lengths.get(key.id()) || key.size() == codePoints.get(key.id()),
                        "sorted by " + sortBy + ": " + key + " of " + lengths.get(key.id()) + " characters");
            }
        }
    }
}
