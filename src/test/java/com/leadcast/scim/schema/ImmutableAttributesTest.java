package com.leadcast.scim.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 7643 §7 {@code immutable}: may be set once, never changed, on replace and PATCH alike. */
class ImmutableAttributesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Attribute attribute(String name, Mutability mutability, List<Attribute> subs) {
        return new Attribute(name, subs.isEmpty() ? AttributeType.STRING : AttributeType.COMPLEX, false, false, false,
                mutability, Returned.DEFAULT, "none", subs, List.of(), List.of());
    }

    private static final ResourceType TYPE = new ResourceType("Device", "/Devices", "test", new Schema(
            "urn:example:Device", "Device", List.of(
            attribute("serial", Mutability.IMMUTABLE, List.of()),
            attribute("label", Mutability.READ_WRITE, List.of()),
            attribute("origin", Mutability.READ_WRITE, List.of(attribute("factory", Mutability.IMMUTABLE, List.of()),
                    attribute("line", Mutability.READ_WRITE, List.of())))),
            JsonNodeFactory.instance.objectNode()), List.of(), List.of());

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void anImmutableValueMayBeSetOnceAndReassertedUnchanged() throws Exception {
        ObjectNode stored = json("{'label':'a'}");
        ObjectNode set = ResourceChecker.checkReplacement(TYPE, stored, json("{'serial':'S1','label':'a'}"));
        assertEquals("S1", set.path("serial").asText());
        ResourceChecker.checkReplacement(TYPE, set, json("{'serial':'S1','label':'b'}"));
    }

    @Test
    void changingOrRemovingAnImmutableValueIsAMutabilityError() throws Exception {
        ObjectNode stored = json("{'serial':'S1','origin':{'factory':'F','line':'1'}}");
        ScimException changed = assertThrows(ScimException.class,
                () -> ResourceChecker.checkReplacement(TYPE, stored, json("{'serial':'S2','origin':{'factory':'F'}}")));
        assertEquals(ScimType.MUTABILITY, changed.scimType());
        assertThrows(ScimException.class, () -> ResourceChecker.checkReplacement(TYPE, stored, json("{'label':'x'}")));
        ScimException sub = assertThrows(ScimException.class, () -> ResourceChecker.checkReplacement(TYPE, stored,
                json("{'serial':'S1','origin':{'factory':'G','line':'1'}}")));
        assertEquals("'origin.factory' is immutable: it was set to \"F\" and cannot change", sub.detail());
        ResourceChecker.checkReplacement(TYPE, stored, json("{'serial':'S1','origin':{'factory':'F','line':'2'}}"));
    }
}
