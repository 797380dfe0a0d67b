package com.leadcast.scim.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.fuzz.FuzzSeed;
import com.leadcast.fuzz.JsonValues;
import com.leadcast.scim.ScimException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Properties of {@link ResourceChecker} over random documents keyed by the schemas' attribute names: any document is
 * normalised or refused with {@code 400}, never failing otherwise; and what it returns is in normal form (checking it
 * again changes nothing), holding no null, empty or read-only value.
 */
@AddLifecycleHook(FuzzSeed.class)
class ResourceCheckerPropertyTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<ResourceType> TYPES = SchemaRegistry.standard().resourceTypes();

    @Provide
    Arbitrary<ObjectNode> documents() {
        return Arbitraries.randomValue(ResourceCheckerPropertyTest::document);
    }

    @Property(tries = 3000)
    void anyDocumentIsNormalisedOrRefusedWith400(@ForAll("documents") ObjectNode document) {
        for (ResourceType type : TYPES) {
            ObjectNode checked;
            try {
                checked = ResourceChecker.check(type, document);
            } catch (ScimException e) {
                assertEquals(400, e.status(), e.detail());
                continue;
            } catch (RuntimeException e) {
                fail(type.name() + ": " + document + " threw " + e, e);
                return;
            }
            assertEquals(checked, ResourceChecker.check(type, checked), "normal form");
            assertTrue(!checked.has("id") && !checked.has("meta") && !checked.has("groups"), "no read-only attribute");
            checked.findParents("value").forEach(parent -> assertTrue(!parent.get("value").isNull()));
        }
    }

    /** A document with the required names set (most of the time) and random attributes of random types. */
    private static ObjectNode document(Random random) {
        JsonValues values = new JsonValues(random, true);
        ObjectNode document = values.object(3);
        if (random.nextInt(5) > 0) {
            document.put("userName", values.text()).put("displayName", values.text());
        }
        int more = random.nextInt(6);
        for (int i = 0; i < more; i++) {
            document.set(values.key(), values.any(3));
        }
        if (random.nextInt(4) == 0) {
            document.set("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", values.object(2));
        }
        if (random.nextInt(4) == 0) {
            document.set("emails", JSON.arrayNode().add(values.object(1)).add(values.any(1)));
        }
        return document;
    }
}
