package com.leadcast.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@link WrittenAttributes}: the paths a write names in the audit trail, and never a value. */
class WrittenAttributesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String json) throws Exception {
        return MAPPER.readTree(json.replace('\'', '"'));
    }

    @Test
    void aResourceBodyNamesItsTopLevelAttributesAndItsExtensionsAttributes() throws Exception {
        List<String> paths = WrittenAttributes.ofResource(json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],"
                + "'id':'x','meta':{},'userName':'alice@contoso.com','name':{'givenName':'Alice'},"
                + "'emails':[{'value':'alice@contoso.com'}],'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':"
                + "{'employeeNumber':'42','manager':{'value':'m'}}}"));
        assertEquals(List.of("userName", "name", "emails",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"), paths);
    }

    @Test
    void aPatchNamesEachPathWithoutItsValueFilterAndThePathlessValuesKeys() throws Exception {
        List<String> paths = WrittenAttributes.ofPatch(json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':[{'op':'Replace','path':'emails[type eq \\\"work\\\"].value','value':'alice@contoso.com'},"
                + "{'op':'Add','path':'roles[primary eq \\\"True\\\"].value','value':'Admin'},"
                + "{'op':'remove','path':'members[value eq \\\"2819c223\\\"]'},"
                + "{'op':'replace','value':{'active':false,'displayName':'Alice'}},"
                + "{'op':'replace','path':'active','value':false}]}"));
        assertEquals(List.of("emails.value", "roles.value", "members", "active", "displayName"), paths);
        assertFalse(String.join(" ", paths).contains("alice"), "no value is named");
    }

    @Test
    void entrasCapitalisedOperationsMemberIsRead() throws Exception {
        assertEquals(List.of("title"), WrittenAttributes.ofPatch(json("{'operations':[{'op':'add','PATH':'title',"
                + "'value':'CEO'}]}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "emails[type eq \"work\"].value|emails.value",
            "members[value eq \"a]b\"]|members",
            "addresses[type eq \"work\" and (region eq \"[x]\")].locality|addresses.locality",
            "name.givenName|name.givenName",
            "emails[value eq \"a\\\"]b\"].display|emails.display"})
    void valueFiltersAreLeftOutEvenWithBracketsInTheirValues(String path, String recorded) {
        assertEquals(recorded, WrittenAttributes.withoutFilters(path));
    }

    @Test
    void malformedBodiesNameWhatCanBeRead() throws Exception {
        assertEquals(List.of(), WrittenAttributes.ofPatch(json("{'Operations':'nope'}")));
        assertEquals(List.of(), WrittenAttributes.ofPatch(json("[1,2]")));
        assertEquals(List.of(), WrittenAttributes.ofResource(json("'text'")));
        assertEquals(List.of("a?b"), WrittenAttributes.ofResource(json("{'a\\nb':1}")));
    }

    @Test
    void aHugeWriteIsRecordedWithItsFirstPaths() throws Exception {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < 500; i++) {
            body.append(i == 0 ? "" : ",").append("'a").append(i).append("':1");
        }
        List<String> paths = WrittenAttributes.ofResource(json(body.append('}').toString()));
        assertEquals(AuditEntry.MAX_ATTRIBUTES + 1, paths.size());
        assertEquals("…", paths.get(paths.size() - 1));
    }
}
