package com.leadcast.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ResourceChecker}: normalisation, the documented coercions and the refusals, against the real schemas. */
class ResourceCheckerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final ResourceType USER = SchemaRegistry.standard().userType();
    private static final ResourceType GROUP = SchemaRegistry.standard().groupType();

    /** JSON written with single quotes for readability. */
    private static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) tree(text);
    }

    private static ObjectNode check(String text) {
        return ResourceChecker.check(USER, json(text));
    }

    private static ScimException refused(String text) {
        return assertThrows(ScimException.class, () -> check(text));
    }

    private static void assertInvalidValueNaming(ScimException e, String attribute) {
        assertEquals(400, e.status());
        assertEquals(ScimType.INVALID_VALUE, e.scimType());
        assertTrue(e.detail().contains("'" + attribute + "'"), () -> "detail should name " + attribute + ": " + e.detail());
    }

    private static Attribute attribute(String name, AttributeType type) {
        return new Attribute(name, type, false, false, false, Mutability.READ_WRITE, Returned.DEFAULT, "none",
                List.of(), List.of(), List.of());
    }

    // --- kept as sent ------------------------------------------------------------------------------------------

    @Test
    void fullCoreAndEnterpriseUserIsKeptExactlyAsSent() {
        ObjectNode input = json("""
                {'userName':'alice@contoso.com','externalId':'Ext-1','displayName':'Alice Moreau',
                 'nickName':'Ali','profileUrl':'https://example.com/Alice','title':'AE','userType':'Employee',
                 'preferredLanguage':'fr-FR','locale':'fr-FR','timezone':'Europe/Paris','active':true,
                 'name':{'formatted':'Alice Moreau','familyName':'Moreau','givenName':'Alice','middleName':'M',
                         'honorificPrefix':'Ms.','honorificSuffix':'III'},
                 'emails':[{'value':'alice@contoso.com','type':'work','primary':true,'display':'Work'},
                           {'value':'alice@home.example','type':'home','primary':false}],
                 'phoneNumbers':[{'value':'+33 6 12 34 56 78','type':'mobile'},{'value':'55555555555','type':'work'}],
                 'ims':[{'value':'alice_im','type':'skype'}],
                 'photos':[{'value':'https://photos.example.com/Alice.jpg','type':'photo'}],
                 'addresses':[{'type':'work','formatted':'12 rue de la Paix','streetAddress':'12 rue de la Paix',
                               'locality':'Paris','region':'IDF','postalCode':'75002','country':'FR','primary':true}],
                 'entitlements':[{'value':'Premium','type':'license'}],
                 'roles':[{'value':'Agent','type':'WindowsAzureActiveDirectoryRole','primary':true,'display':'Agent'}],
                 'x509Certificates':[{'value':'MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAw'}],
                 '%s':{'employeeNumber':'70412','costCenter':'CC-310','organization':'Contoso',
                       'division':'EMEA','department':'Sales','manager':{'value':'3f8b2d6a','$ref':'https://x/Users/3f8b2d6a'}}}
                """.formatted(ENTERPRISE));
        ObjectNode expected = input.deepCopy();

        ObjectNode checked = ResourceChecker.check(USER, input);

        assertEquals(expected, checked);
        assertEquals(expected, input, "the input is not changed");
    }

    @Test
    void passwordIsWriteOnlyNotReadOnlySoTheCheckerKeepsItForTheEndpointToHash() {
        assertEquals("s3cret!", check("{'userName':'a','password':'s3cret!'}").path("password").asText());
    }

    // --- normalisation -----------------------------------------------------------------------------------------

    @Test
    void attributeNamesAreCanonicalisedCaseInsensitively() {
        ObjectNode checked = check("{'USERNAME':'a','Name':{'GIVENNAME':'Al'},'EMAILS':[{'VALUE':'a@x','Type':'work'}],"
                + "'ACTIVE':true}");
        assertEquals(json("{'userName':'a','name':{'givenName':'Al'},'emails':[{'value':'a@x','type':'work'}],"
                + "'active':true}"), checked);
    }

    @Test
    void extensionBlockIsKeptUnderItsCanonicalUrnWithCanonicalNames() {
        ObjectNode checked = check("{'userName':'a','" + ENTERPRISE.toUpperCase() + "':{'DEPARTMENT':'Sales'}}");
        assertEquals(json("{'userName':'a','" + ENTERPRISE + "':{'department':'Sales'}}"), checked);
    }

    @Test
    void schemasAndReadOnlyAttributesAreDropped() {
        ObjectNode checked = check("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'client-id',"
                + "'meta':{'resourceType':'User','created':'2020-01-01T00:00:00Z'},"
                + "'groups':[{'value':'g1','display':'G'}],'userName':'a',"
                + "'" + ENTERPRISE + "':{'manager':{'value':'m1','displayName':'Boss'}}}");
        assertEquals(json("{'userName':'a','" + ENTERPRISE + "':{'manager':{'value':'m1'}}}"), checked);
    }

    @Test
    void unknownAttributesAndUnknownExtensionsAreDropped() {
        ObjectNode checked = check("{'userName':'a','favouriteColour':'blue','name':{'givenName':'A','nick':'x'},"
                + "'urn:example:unknown:1.0:User':{'x':1},'" + ENTERPRISE + "':{'shoeSize':42,'department':'D'}}");
        assertEquals(json("{'userName':'a','name':{'givenName':'A'},'" + ENTERPRISE + "':{'department':'D'}}"),
                checked);
    }

    @Test
    void nullsAndEmptyValuesAreDropped() {
        ObjectNode checked = check("{'userName':'a','displayName':null,'title':'','name':{},'addresses':null,"
                + "'emails':[],'phoneNumbers':[null,{}],'roles':[{'value':''}],"
                + "'" + ENTERPRISE + "':{'manager':null,'department':''}}");
        assertEquals(json("{'userName':'a'}"), checked);
    }

    @Test
    void nullExtensionBlockIsDropped() {
        assertEquals(json("{'userName':'a'}"), check("{'userName':'a','" + ENTERPRISE + "':null}"));
    }

    // --- coercions ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"False", "false", "FALSE", " false "})
    void booleanSentAsStringIsCoerced(String text) {
        JsonNode active = check("{'userName':'a','active':'" + text + "'}").get("active");
        assertTrue(active.isBoolean());
        assertFalse(active.booleanValue());
    }

    @Test
    void primarySentAsStringTrueIsCoercedToBoolean() {
        JsonNode email = check("{'userName':'a','emails':[{'value':'a@x','primary':'True'}]}").path("emails").get(0);
        assertTrue(email.get("primary").isBoolean());
        assertTrue(email.get("primary").booleanValue());
    }

    @Test
    void numberWhereStringIsDeclaredBecomesItsText() {
        ObjectNode checked = check("{'userName':'a','" + ENTERPRISE + "':{'employeeNumber':70412}}");
        JsonNode number = checked.path(ENTERPRISE).get("employeeNumber");
        assertTrue(number.isTextual());
        assertEquals("70412", number.asText());
    }

    @Test
    void singleObjectWhereListIsDeclaredBecomesAOneElementList() {
        assertEquals(tree("[{'value':'a@x','type':'work'}]"),
                check("{'userName':'a','emails':{'value':'a@x','type':'work'}}").get("emails"));
    }

    @Test
    void bareValueForComplexAttributeWithValueSubAttributeBecomesItsValue() {
        ObjectNode checked = check("{'userName':'a','" + ENTERPRISE + "':{'manager':'3f8b2d6a'}}");
        assertEquals(json("{'value':'3f8b2d6a'}"), checked.path(ENTERPRISE).get("manager"));
    }

    @Test
    void bareStringForMultiValuedComplexAttributeBecomesOneValue() {
        // documented leniency: a single value where a list is declared, and a bare value for a complex attribute
        assertEquals(tree("[{'value':'notalist-object'}]"),
                check("{'userName':'a','emails':'notalist-object'}").get("emails"));
    }

    @Test
    void oneElementListForSingleValuedAttributeIsUnwrapped() {
        ObjectNode checked = check("{'userName':'a','" + ENTERPRISE + "':{'manager':[{'value':'m1','$ref':'r'}]}}");
        assertEquals(json("{'value':'m1','$ref':'r'}"), checked.path(ENTERPRISE).get("manager"));
    }

    @Test
    void emptyListForSingleValuedAttributeIsNoValue() {
        assertFalse(check("{'userName':'a','displayName':[]}").has("displayName"));
    }

    // --- refusals ----------------------------------------------------------------------------------------------

    @Test
    void missingUserNameIsInvalidValue() {
        assertInvalidValueNaming(refused("{'displayName':'No Name'}"), "userName");
    }

    @Test
    void emptyOrNullUserNameCountsAsMissing() {
        assertInvalidValueNaming(refused("{'userName':''}"), "userName");
        assertInvalidValueNaming(refused("{'userName':null}"), "userName");
    }

    @Test
    void readOnlyIdDoesNotSatisfyARequiredAttribute() {
        assertInvalidValueNaming(refused("{'id':'x'}"), "userName");
    }

    @Test
    void groupDisplayNameIsRequired() {
        ScimException e = assertThrows(ScimException.class, () -> ResourceChecker.check(GROUP, json("{'members':[]}")));
        assertInvalidValueNaming(e, "displayName");
    }

    @Test
    void objectWhereBooleanIsDeclaredIsRefusedNamingTheAttribute() {
        assertInvalidValueNaming(refused("{'userName':'a','active':{'x':1}}"), "active");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'yes'", "1", "'1'", "'Truee'"})
    void unparseableBooleanIsRefused(String value) {
        assertInvalidValueNaming(refused("{'userName':'a','active':" + value + "}"), "active");
    }

    @Test
    void objectWhereStringIsDeclaredIsRefused() {
        assertInvalidValueNaming(refused("{'userName':{'first':'a'}}"), "userName");
    }

    @Test
    void nestedWrongTypeIsRefusedWithItsFullPath() {
        assertInvalidValueNaming(refused("{'userName':'a','emails':[{'value':'ok'},{'value':{'x':1}}]}"),
                "emails[1].value");
        assertInvalidValueNaming(refused("{'userName':'a','emails':[{'value':'ok','primary':'maybe'}]}"),
                "emails[0].primary");
    }

    @Test
    void listOfListsForMultiValuedComplexAttributeIsRefused() {
        assertInvalidValueNaming(refused("{'userName':'a','emails':[['a@x']]}"), "emails[0]");
    }

    @Test
    void bareValueForComplexAttributeWithoutValueSubAttributeIsRefused() {
        assertInvalidValueNaming(refused("{'userName':'a','name':'Alice Moreau'}"), "name");
    }

    @Test
    void severalValuesForSingleValuedAttributeAreRefused() {
        assertInvalidValueNaming(refused("{'userName':'a','displayName':['A','B']}"), "displayName");
    }

    @Test
    void moreThanOnePrimaryValueIsRefused() {
        assertInvalidValueNaming(refused("{'userName':'a','emails':[{'value':'a@x','primary':true},"
                + "{'value':'b@x','primary':'True'}]}"), "emails");
    }

    @Test
    void onePrimaryAmongSeveralValuesIsAccepted() {
        ObjectNode checked = check("{'userName':'a','emails':[{'value':'a@x','primary':true},"
                + "{'value':'b@x','primary':false},{'value':'c@x'}]}");
        assertEquals(3, checked.get("emails").size());
    }

    @Test
    void extensionThatIsNotAnObjectIsRefusedNamingTheUrn() {
        ScimException e = refused("{'userName':'a','" + ENTERPRISE + "':'Sales'}");
        assertEquals(ScimType.INVALID_VALUE, e.scimType());
        assertTrue(e.detail().contains(ENTERPRISE), e::detail);
    }

    @Test
    void wrongTypeInsideExtensionIsRefusedWithTheQualifiedName() {
        assertInvalidValueNaming(refused("{'userName':'a','" + ENTERPRISE + "':{'department':{'name':'Sales'}}}"),
                ENTERPRISE + ":department");
    }

    // --- value() with the types the standard schemas do not let a client write ---------------------------------

    @Test
    void integerValuesAcceptNumbersAndNumericTextOnly() {
        Attribute count = attribute("count", AttributeType.INTEGER);
        assertEquals(42L, ResourceChecker.value(count, MAPPER.valueToTree(42), "count").asLong());
        JsonNode fromText = ResourceChecker.value(count, MAPPER.valueToTree(" 42 "), "count");
        assertTrue(fromText.isIntegralNumber());
        assertEquals(42L, fromText.asLong());
        assertInvalidValueNaming(assertThrows(ScimException.class,
                () -> ResourceChecker.value(count, MAPPER.valueToTree(4.5), "count")), "count");
        assertInvalidValueNaming(assertThrows(ScimException.class,
                () -> ResourceChecker.value(count, MAPPER.valueToTree("four"), "count")), "count");
    }

    @Test
    void decimalValuesAcceptNumbersAndNumericText() {
        Attribute ratio = attribute("ratio", AttributeType.DECIMAL);
        assertEquals(0, ResourceChecker.value(ratio, MAPPER.valueToTree("1.50"), "ratio").decimalValue()
                .compareTo(new java.math.BigDecimal("1.5")));
        assertEquals(3, ResourceChecker.value(ratio, MAPPER.valueToTree(3), "ratio").asInt());
        assertInvalidValueNaming(assertThrows(ScimException.class,
                () -> ResourceChecker.value(ratio, MAPPER.valueToTree("1,5"), "ratio")), "ratio");
    }

    @Test
    void dateTimeValuesMustBeXsdDateTimesWithOffsetAndAreKeptAsSent() {
        Attribute when = attribute("when", AttributeType.DATE_TIME);
        assertEquals("2026-01-31T12:00:00+01:00",
                ResourceChecker.value(when, MAPPER.valueToTree("2026-01-31T12:00:00+01:00"), "when").asText());
        assertInvalidValueNaming(assertThrows(ScimException.class,
                () -> ResourceChecker.value(when, MAPPER.valueToTree("31/01/2026"), "when")), "when");
        assertInvalidValueNaming(assertThrows(ScimException.class,
                () -> ResourceChecker.value(when, MAPPER.valueToTree(1738324800), "when")), "when");
    }

    @Test
    void valueOfNullOrMissingIsNoValue() {
        Attribute title = attribute("title", AttributeType.STRING);
        assertNull(ResourceChecker.value(title, null, "title"));
        assertNull(ResourceChecker.value(title, MAPPER.nullNode(), "title"));
        assertNull(ResourceChecker.value(title, MAPPER.missingNode(), "title"));
    }

    @Test
    void booleanWhereStringIsDeclaredBecomesItsText() {
        Attribute title = attribute("title", AttributeType.STRING);
        assertEquals(MAPPER.valueToTree("true"), ResourceChecker.value(title, MAPPER.valueToTree(true), "title"));
    }
}
