package com.leadcast.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.store.GroupStore.MemberRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The members array as a group's representation writes it: streamed or as a tree, the same JSON. */
class MemberArrayTest {

    private static final String BASE = "https://acme.leadcast.app/scim/v2";
    private static final List<MemberRef> MEMBERS = List.of(
            new MemberRef("u-1", "User", "Babs Jensen"),
            new MemberRef("g-2", "Group", null));

    @Test
    void eachMemberHasValueRefTypeAndDisplayWhenKnown() throws Exception {
        JsonNode expected = JsonMapperProvider.MAPPER.readTree("""
                [{"value":"u-1","$ref":"https://acme.leadcast.app/scim/v2/Users/u-1","type":"User","display":"Babs Jensen"},
                 {"value":"g-2","$ref":"https://acme.leadcast.app/scim/v2/Groups/g-2","type":"Group"}]""");
        assertEquals(expected, new MemberArray(MEMBERS, BASE).asTree());
    }

    @Test
    void aStreamedArrayInsideARepresentationIsWrittenAsTheTreeWouldBe() throws Exception {
        ObjectNode streamed = JsonMapperProvider.MAPPER.createObjectNode().put("displayName", "Admins");
        streamed.set("members", new MemberArray(MEMBERS, BASE).asNode());
        ObjectNode tree = JsonMapperProvider.MAPPER.createObjectNode().put("displayName", "Admins");
        tree.set("members", new MemberArray(MEMBERS, BASE).asTree());
        String written = JsonMapperProvider.MAPPER.writeValueAsString(streamed);
        assertEquals(JsonMapperProvider.MAPPER.writeValueAsString(tree), written);
        assertEquals(tree, JsonMapperProvider.MAPPER.readTree(written));
    }

    @Test
    void noMembersIsAnEmptyArray() throws Exception {
        assertEquals("[]", JsonMapperProvider.MAPPER.writeValueAsString(new MemberArray(List.of(), BASE).asNode()));
    }
}
