package com.leadcast.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.leadcast.store.GroupStore.MemberRef;

import java.io.IOException;
import java.util.List;

/**
 * A group's {@code members} (RFC 7643 §4.2) as the response writes them: the compact rows the store read, written
 * member by member into the response when Jackson serializes it. A group of 100,000 members is thus never a JSON
 * tree of 100,000 objects (~700 bytes each) held beside its rows and its serialized bytes; the representation holds
 * it as a {@link POJONode}. Where a client asked for some sub-attributes only, {@link #asTree()} gives the array for
 * the projection to cut.
 */
final class MemberArray extends JsonSerializable.Base {

    private final List<MemberRef> members;
    private final String users;
    private final String groups;

    /** The members, with {@code $ref}s under {@code scimBase} ({@link PublicUrls#scimBase()}, read once). */
    MemberArray(List<MemberRef> members, String scimBase) {
        this.members = members;
        this.users = scimBase + "/Users/";
        this.groups = scimBase + "/Groups/";
    }

    /** The node the group's representation holds: serialized straight into the response. */
    POJONode asNode() {
        return new POJONode(this);
    }

    /** The same members as a JSON array, for a projection that keeps only some of their sub-attributes. */
    ArrayNode asTree() {
        return JsonMapperProvider.MAPPER.valueToTree(this);
    }

    @Override
    public void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartArray(this, members.size());
        for (MemberRef member : members) {
            json.writeStartObject();
            json.writeStringField("value", member.value());
            json.writeStringField("$ref", (member.type().equals("User") ? users : groups) + member.value());
            json.writeStringField("type", member.type());
            if (member.display() != null) {
                json.writeStringField("display", member.display());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator json, SerializerProvider provider, TypeSerializer types)
            throws IOException {
        serialize(json, provider); // members carry no type information
    }
}
