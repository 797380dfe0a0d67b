package com.leadcast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.schema.SchemaRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A rewrite touches only the index rows that changed ({@link AttributeIndex#update}), and the rows it leaves are
 * exactly those a fresh index of the new document would hold: values changed, added and removed, elements of a
 * multi-valued attribute gained and lost, on the database the store tests run on.
 */
class AttributeIndexUpdateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode doc(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    /** The stored rows of {@code id}: place and value columns, as text. */
    private static Map<String, String> stored(StandaloneDatabase db, String id) {
        return db.inTransaction(em -> {
            Map<String, String> rows = new TreeMap<>();
            List<Object[]> found = em.createQuery("select v.path, v.elementIndex, v.valueText, v.valueKey, "
                    + "v.valueNumber, v.valueBoolean, v.valueTime from AttributeValueEntity v where v.resourceId = :id",
                    Object[].class).setParameter("id", id).getResultList();
            for (Object[] row : found) {
                rows.put(row[0] + "#" + row[1], row[2] + "|" + row[3] + "|" + (row[4] == null ? null
                        : ((java.math.BigDecimal) row[4]).stripTrailingZeros().toPlainString()) + "|" + row[5] + "|"
                        + row[6]);
            }
            return rows;
        });
    }

    @Test
    void rewritesLeaveExactlyTheRowsOfTheNewDocument() throws Exception {
        StandaloneDatabase db = StandaloneDatabase.shared();
        String tenant = UUID.randomUUID().toString();
        db.createTenant(tenant);
        List<String> versions = List.of(
                """
                {"userName":"idx@example.com","title":"Engineer","active":true,"name":{"givenName":"I","familyName":"X"},
                 "emails":[{"value":"a@example.com","type":"work","primary":true},{"value":"b@example.com","type":"home"}]}""",
                """
                {"userName":"idx@example.com","title":"Manager","active":true,"name":{"givenName":"I","familyName":"X"},
                 "emails":[{"value":"a@example.com","type":"work","primary":true},{"value":"b@example.com","type":"home"}]}""",
                """
                {"userName":"idx@example.com","active":false,"nickName":"ix","name":{"givenName":"I"},
                 "emails":[{"value":"b@example.com","type":"home"}]}""",
                """
                {"userName":"IDX@example.com","active":false,"nickName":"ix",
                 "emails":[{"value":"b@example.com","type":"home"},{"value":"c@example.com","type":"other"},
                           {"value":"d@example.com","type":"work"}]}""");
        String id = db.inTransaction(em -> {
            try {
                return StandaloneDatabase.users(em).create(tenant, doc(versions.get(0)), null).getId();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (String version : versions.subList(1, versions.size())) {
            ObjectNode document = doc(version);
            db.inTransaction(em -> {
                UserStore users = StandaloneDatabase.users(em);
                return users.update(users.require(tenant, id), document, null);
            });
            String expected = db.inTransaction(em -> {
                // what a fresh index of the document holds, written for a scratch resource and read back
                String scratch = UUID.randomUUID().toString();
                AttributeIndex.rows(tenant, scratch, SchemaRegistry.standard().userType(), document)
                        .forEach(em::persist);
                return scratch;
            });
            assertEquals(stored(db, expected), stored(db, id), version);
        }
    }
}
