package com.leadcast.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.schema.ResourceChecker;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PatchRequest} and {@link PatchEngine}: RFC 7644 §3.5.2 and the shapes Microsoft Entra ID sends. */
class PatchEngineTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final ResourceType USER = SchemaRegistry.standard().userType();
    private static final ResourceType GROUP = SchemaRegistry.standard().groupType();

    /** JSON written with single quotes for readability, and a backtick for a quote inside a string. */
    private static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"').replace("`", "\\\""));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) tree(text);
    }

    private static List<PatchOperation> operations(String operationsArray) {
        return PatchRequest.parse(json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':" + operationsArray + "}"));
    }

    /** Applies the operations to a copy of {@code document} and returns the copy. */
    private static ObjectNode patch(String document, String operationsArray) {
        ObjectNode target = json(document);
        PatchEngine.apply(USER, target, operations(operationsArray), Map.of());
        return target;
    }

    private static ScimException refused(String document, String operationsArray) {
        return assertThrows(ScimException.class, () -> patch(document, operationsArray));
    }

    private static final String ALICE = "{'userName':'alice@contoso.com','displayName':'Alice',"
            + "'name':{'givenName':'Alice','familyName':'Moreau'},"
            + "'emails':[{'value':'alice@contoso.com','type':'work','primary':true},"
            + "{'value':'alice@home.example','type':'home'}],"
            + "'phoneNumbers':[{'value':'+33 1','type':'work'}],"
            + "'" + ENTERPRISE + "':{'employeeNumber':'1','department':'Sales'}}";

    @Nested
    class Request {

        @Test
        void opNamesAreCaseInsensitive() {
            List<PatchOperation> ops = operations("[{'op':'Replace','path':'displayName','value':'x'},"
                    + "{'op':'ADD','path':'title','value':'t'},{'op':'remove','path':'nickName'},"
                    + "{'op':' rEmOvE ','path':'locale'}]");
            assertEquals(List.of(PatchOperation.Op.REPLACE, PatchOperation.Op.ADD, PatchOperation.Op.REMOVE,
                    PatchOperation.Op.REMOVE), ops.stream().map(PatchOperation::op).toList());
        }

        @Test
        void unknownOpIsInvalidSyntaxNamingTheOperation() {
            ScimException e = assertThrows(ScimException.class, () -> operations(
                    "[{'op':'replace','path':'displayName','value':'x'},{'op':'move','path':'title','value':'t'}]"));
            assertEquals(400, e.status());
            assertEquals(ScimType.INVALID_SYNTAX, e.scimType());
            assertTrue(e.detail().contains("Operations[1]") && e.detail().contains("move"), e::detail);
        }

        @Test
        void missingOrEmptyOperationsIsInvalidSyntax() {
            for (String body : List.of("{}", "{'Operations':[]}", "{'Operations':{'op':'add'}}")) {
                ScimException e = assertThrows(ScimException.class, () -> PatchRequest.parse(json(body)));
                assertEquals(ScimType.INVALID_SYNTAX, e.scimType(), body);
            }
            assertEquals(ScimType.INVALID_SYNTAX,
                    assertThrows(ScimException.class, () -> PatchRequest.parse(null)).scimType());
        }

        @Test
        void lowerCaseOperationsKeyAndMissingSchemasAreAccepted() {
            List<PatchOperation> ops = PatchRequest.parse(json("{'operations':[{'op':'add','path':'title','value':'t'}]}"));
            assertEquals(1, ops.size());
            assertEquals("title", ops.get(0).path());
        }

        @Test
        void schemasWithoutPatchOpIsInvalidSyntax() {
            ScimException e = assertThrows(ScimException.class, () -> PatchRequest.parse(json(
                    "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],"
                            + "'Operations':[{'op':'add','path':'title','value':'t'}]}")));
            assertEquals(ScimType.INVALID_SYNTAX, e.scimType());
        }

        @Test
        void removeWithoutPathIsNoTarget() {
            ScimException e = assertThrows(ScimException.class, () -> operations("[{'op':'remove'}]"));
            assertEquals(400, e.status());
            assertEquals(ScimType.NO_TARGET, e.scimType());
        }

        @Test
        void blankPathCountsAsNoPath() {
            assertEquals(ScimType.NO_TARGET, assertThrows(ScimException.class,
                    () -> operations("[{'op':'remove','path':'  '}]")).scimType());
            assertNull(operations("[{'op':'add','path':'','value':{'title':'t'}}]").get(0).path());
        }

        @Test
        void addOrReplaceWithoutValueIsInvalidSyntax() {
            assertEquals(ScimType.INVALID_SYNTAX, assertThrows(ScimException.class,
                    () -> operations("[{'op':'replace','path':'title'}]")).scimType());
        }

        @Test
        void operationThatIsNotAnObjectOrHasNoOpIsInvalidSyntax() {
            assertEquals(ScimType.INVALID_SYNTAX,
                    assertThrows(ScimException.class, () -> operations("['add']")).scimType());
            assertEquals(ScimType.INVALID_SYNTAX,
                    assertThrows(ScimException.class, () -> operations("[{'path':'title','value':'t'}]")).scimType());
        }

        @Test
        void nonStringPathIsInvalidPath() {
            assertEquals(ScimType.INVALID_PATH, assertThrows(ScimException.class,
                    () -> operations("[{'op':'add','path':1,'value':'t'}]")).scimType());
        }

        @Test
        void moreThanTheMaximumOfOperationsIsTooMany() {
            StringBuilder ops = new StringBuilder("[");
            for (int i = 0; i <= PatchRequest.MAX_OPERATIONS; i++) {
                ops.append(i == 0 ? "" : ",").append("{'op':'add','path':'title','value':'t'}");
            }
            ScimException e = assertThrows(ScimException.class, () -> operations(ops + "]"));
            assertEquals(ScimType.TOO_MANY, e.scimType());
        }
    }

    @Nested
    class SimpleAttributes {

        @Test
        void replaceSetsTheAttribute() {
            assertEquals("Alice M.", patch(ALICE, "[{'op':'Replace','path':'displayName','value':'Alice M.'}]")
                    .get("displayName").asText());
        }

        @Test
        void addOnAbsentSingleValuedAttributeSetsIt() {
            assertEquals("Babs", patch(ALICE, "[{'op':'Add','path':'nickName','value':'Babs'}]")
                    .get("nickName").asText());
        }

        @Test
        void addOnPresentSingleValuedAttributeReplacesIt() {
            assertEquals("Other", patch(ALICE, "[{'op':'add','path':'displayName','value':'Other'}]")
                    .get("displayName").asText());
        }

        @Test
        void attributeNamesInPathsAreCaseInsensitiveAndStoredCanonically() {
            ObjectNode patched = patch(ALICE, "[{'op':'replace','path':'DISPLAYNAME','value':'X'}]");
            assertEquals("X", patched.get("displayName").asText());
            assertFalse(patched.has("DISPLAYNAME"));
        }

        @Test
        void removeClearsTheAttribute() {
            assertFalse(patch(ALICE, "[{'op':'remove','path':'displayName'}]").has("displayName"));
        }

        @Test
        void removeOfAnAbsentAttributeIsNoChange() {
            assertEquals(json(ALICE), patch(ALICE, "[{'op':'remove','path':'nickName'}]"));
        }

        @Test
        void activeAsStringFalseIsCoercedByTheChecker() {
            ObjectNode patched = patch(ALICE, "[{'op':'Replace','path':'active','value':'False'}]");
            JsonNode active = ResourceChecker.check(USER, patched).get("active");
            assertTrue(active.isBoolean());
            assertFalse(active.booleanValue());
        }

        @Test
        void replaceWithNullClearsTheAttribute() {
            assertFalse(patch(ALICE, "[{'op':'replace','path':'displayName','value':null}]").has("displayName"));
        }

        @Test
        void operationsApplyInOrder() {
            ObjectNode patched = patch(ALICE, "[{'op':'replace','path':'title','value':'one'},"
                    + "{'op':'remove','path':'title'},{'op':'add','path':'title','value':'three'}]");
            assertEquals("three", patched.get("title").asText());
        }

        @Test
        void unknownAttributeIsIgnored() {
            assertEquals(json(ALICE), patch(ALICE, "[{'op':'replace','path':'favouriteColour','value':'blue'}]"));
        }
    }

    @Nested
    class ComplexAttributes {

        @Test
        void subAttributePathChangesOnlyThatSubAttribute() {
            assertEquals(json("{'givenName':'Ally','familyName':'Moreau'}"),
                    patch(ALICE, "[{'op':'replace','path':'name.givenName','value':'Ally'}]").get("name"));
        }

        @Test
        void subAttributePathCreatesTheParentWhenMissing() {
            assertEquals(json("{'familyName':'Doe'}"),
                    patch("{'userName':'u'}", "[{'op':'add','path':'name.familyName','value':'Doe'}]").get("name"));
        }

        @Test
        void removingTheLastSubAttributeRemovesTheParent() {
            assertFalse(patch("{'userName':'u','name':{'givenName':'A'}}",
                    "[{'op':'remove','path':'name.givenName'}]").has("name"));
        }

        @Test
        void replaceOfComplexAttributeMergesSubAttributes() {
            assertEquals(json("{'givenName':'Alice','familyName':'Doe','formatted':'Alice Doe'}"),
                    patch(ALICE, "[{'op':'replace','path':'name','value':{'familyName':'Doe','formatted':'Alice Doe'}}]")
                            .get("name"));
        }

        @Test
        void unknownSubAttributeIsInvalidPath() {
            ScimException e = refused(ALICE, "[{'op':'replace','path':'name.nickname','value':'x'}]");
            assertEquals(ScimType.INVALID_PATH, e.scimType());
        }

        @Test
        void subAttributeOfABareValueAddedEarlierInTheRequestIsInvalidValueNotAnInternalError() {
            ScimException e = refused(ALICE, "[{'op':'add','path':'emails','value':'x@y.com'},"
                    + "{'op':'replace','path':'emails.type','value':'work'}]");
            assertEquals(400, e.status());
            assertEquals(ScimType.INVALID_VALUE, e.scimType());
            assertTrue(e.detail().startsWith("Operations[1]") && e.detail().contains("emails"), e::detail);
        }

        @Test
        void subAttributeOfMultiValuedAttributeWithoutFilterAppliesToEveryValue() {
            ObjectNode patched = patch(ALICE, "[{'op':'replace','path':'emails.display','value':'E'}]");
            patched.get("emails").forEach(e -> assertEquals("E", e.get("display").asText()));
        }
    }

    @Nested
    class WithoutPath {

        @Test
        void dottedAndUrnKeysAreAppliedAsPaths() {
            ObjectNode patched = patch(ALICE, "[{'op':'replace','value':{'displayName':'Bjfe',"
                    + "'name.givenName':'Kkom','name.familyName':'Unua',"
                    + "'" + ENTERPRISE + ":employeeNumber':'Aklq'}}]");
            assertEquals("Bjfe", patched.get("displayName").asText());
            assertEquals(json("{'givenName':'Kkom','familyName':'Unua'}"), patched.get("name"));
            assertEquals(json("{'employeeNumber':'Aklq','department':'Sales'}"), patched.get(ENTERPRISE));
            assertFalse(patched.has("name.givenName"));
            assertFalse(patched.has(ENTERPRISE + ":employeeNumber"));
        }

        @Test
        void pathLessAddWithDottedKeysWorksLikeReplace() {
            ObjectNode patched = patch("{'userName':'u'}", "[{'op':'add','value':{'displayName':'Foo Bar',"
                    + "'title':'Bar Foo','name.givenName':'Foo','name.familyName':'Bar','name.formatted':'Foo Bar',"
                    + "'" + ENTERPRISE + ":department':'R&D'}}]");
            assertEquals(json("{'userName':'u','displayName':'Foo Bar','title':'Bar Foo',"
                    + "'name':{'givenName':'Foo','familyName':'Bar','formatted':'Foo Bar'},"
                    + "'" + ENTERPRISE + "':{'department':'R&D'}}"), patched);
        }

        @Test
        void nestedObjectsAreMergedIntoExistingComplexValues() {
            ObjectNode patched = patch(ALICE, "[{'op':'replace','value':{'name':{'familyName':'Doe'},"
                    + "'" + ENTERPRISE + "':{'department':'R&D'}}}]");
            assertEquals(json("{'givenName':'Alice','familyName':'Doe'}"), patched.get("name"));
            assertEquals(json("{'employeeNumber':'1','department':'R&D'}"), patched.get(ENTERPRISE));
        }

        @Test
        void extensionBlockKeysMayBeDottedSubAttributePaths() {
            ObjectNode patched = patch("{'userName':'u'}",
                    "[{'op':'add','value':{'" + ENTERPRISE + "':{'manager.value':'m1','department':'D'}}}]");
            assertEquals(json("{'manager':{'value':'m1'},'department':'D'}"), patched.get(ENTERPRISE));
        }

        @Test
        void unknownKeysInsideAnExtensionBlockAreIgnored() {
            ObjectNode patched = patch("{'userName':'u'}",
                    "[{'op':'add','value':{'" + ENTERPRISE + "':{'shoeSize':42,'department':'D'}}}]");
            assertEquals(json("{'department':'D'}"), patched.get(ENTERPRISE));
        }

        @Test
        void extensionBlockKeyThatIsNotAnAttributePathIsInvalidPathNotAnInternalError() {
            ScimException e = refused("{'userName':'u'}",
                    "[{'op':'add','value':{'" + ENTERPRISE + "':{'employee number':'1'}}}]");
            assertEquals(ScimType.INVALID_PATH, e.scimType());
            assertTrue(e.detail().contains("employee number"), e::detail);
        }

        @Test
        void schemasKeyAndUnknownKeysAreIgnored() {
            ObjectNode patched = patch(ALICE, "[{'op':'replace','value':{'schemas':['x'],'shoeSize':42,'title':'T'}}]");
            assertEquals("T", patched.get("title").asText());
            assertFalse(patched.has("schemas"));
            assertFalse(patched.has("shoeSize"));
        }

        @Test
        void valueThatIsNotAnObjectIsInvalidValue() {
            assertEquals(ScimType.INVALID_VALUE, refused(ALICE, "[{'op':'replace','value':'x'}]").scimType());
        }

        @Test
        void keyThatIsNotAnAttributePathIsInvalidPath() {
            assertEquals(ScimType.INVALID_PATH,
                    refused(ALICE, "[{'op':'replace','value':{'emails[type eq':'x'}}]").scimType());
        }

        @Test
        void pathLessAddAppendsToMultiValuedAttributes() {
            ObjectNode patched = patch(ALICE, "[{'op':'add','value':{'emails':[{'value':'third@x','type':'other'}]}}]");
            assertEquals(3, patched.get("emails").size());
            assertEquals("third@x", patched.get("emails").get(2).get("value").asText());
        }
    }

    @Nested
    class Extension {

        @Test
        void urnPathSetsAnExtensionAttribute() {
            ObjectNode patched = patch(ALICE,
                    "[{'op':'Replace','path':'" + ENTERPRISE + ":employeeNumber','value':'Eqpj'}]");
            assertEquals(json("{'employeeNumber':'Eqpj','department':'Sales'}"), patched.get(ENTERPRISE));
        }

        @Test
        void urnPathCreatesTheExtensionBlock() {
            ObjectNode patched = patch("{'userName':'u'}",
                    "[{'op':'add','path':'" + ENTERPRISE.toLowerCase() + ":DEPARTMENT','value':'Sales'}]");
            assertEquals(json("{'userName':'u','" + ENTERPRISE + "':{'department':'Sales'}}"), patched);
        }

        @Test
        void removingTheLastExtensionAttributeRemovesTheBlock() {
            ObjectNode patched = patch("{'userName':'u','" + ENTERPRISE + "':{'department':'Sales'}}",
                    "[{'op':'remove','path':'" + ENTERPRISE + ":department'}]");
            assertFalse(patched.has(ENTERPRISE));
        }

        @Test
        void removeOfTheExtensionUrnRemovesTheWholeBlock() {
            assertFalse(patch(ALICE, "[{'op':'remove','path':'" + ENTERPRISE + "'}]").has(ENTERPRISE));
        }

        @Test
        void extensionUrnPathWithObjectMergesIntoTheBlock() {
            ObjectNode patched = patch(ALICE, "[{'op':'add','path':'" + ENTERPRISE + "','value':{'costCenter':'C1'}}]");
            assertEquals(json("{'employeeNumber':'1','department':'Sales','costCenter':'C1'}"), patched.get(ENTERPRISE));
        }

        @Test
        void managerSentAsBareIdIsStoredAsAnObjectAfterChecking() {
            ObjectNode patched = patch(ALICE, "[{'op':'add','path':'" + ENTERPRISE + ":manager','value':'2c2f6fb8'}]");
            assertEquals(json("{'value':'2c2f6fb8'}"),
                    ResourceChecker.check(USER, patched).path(ENTERPRISE).get("manager"));
        }

        @Test
        void managerValueFilterRemovesTheManagerOnlyWhenItMatches() {
            String withManager = "{'userName':'u','" + ENTERPRISE + "':{'manager':{'value':'m1'},'department':'D'}}";
            ObjectNode other = patch(withManager,
                    "[{'op':'remove','path':'" + ENTERPRISE + ":manager[value eq `m2`]'}]");
            assertEquals(json(withManager), other, "a manager filter without match changes nothing");
            ObjectNode matching = patch(withManager,
                    "[{'op':'remove','path':'" + ENTERPRISE + ":manager[value eq `m1`]'}]");
            assertEquals(json("{'department':'D'}"), matching.get(ENTERPRISE));
        }
    }

    @Nested
    class ValueFilters {

        @Test
        void replaceChangesTheMatchingValueAndLeavesOtherTypesAlone() {
            ObjectNode patched = patch(ALICE,
                    "[{'op':'Replace','path':'emails[type eq `work`].value','value':'alice.moreau@contoso.com'}]");
            assertEquals(tree("[{'value':'alice.moreau@contoso.com','type':'work','primary':true},"
                    + "{'value':'alice@home.example','type':'home'}]"), patched.get("emails"));
        }

        @Test
        void filterComparesCaseInsensitivelyForCaseInsensitiveSubAttributes() {
            ObjectNode patched = patch(ALICE, "[{'op':'replace','path':'emails[TYPE eq `WORK`].value','value':'w@x'}]");
            assertEquals("w@x", patched.get("emails").get(0).get("value").asText());
            assertEquals(2, patched.get("emails").size());
        }

        @ParameterizedTest
        @ValueSource(strings = {"add", "replace"})
        void addOrReplaceCreatesTheValueWhenNoneMatches(String op) {
            ObjectNode patched = patch("{'userName':'u'}",
                    "[{'op':'" + op + "','path':'emails[type eq `work`].value','value':'u@x'}]");
            assertEquals(tree("[{'type':'work','value':'u@x'}]"), patched.get("emails"));
        }

        @Test
        void createdValueKeepsSiblingsOfOtherTypes() {
            ObjectNode patched = patch(ALICE,
                    "[{'op':'add','path':'phoneNumbers[type eq `mobile`].value','value':'+33 6'}]");
            assertEquals(tree("[{'value':'+33 1','type':'work'},{'type':'mobile','value':'+33 6'}]"),
                    patched.get("phoneNumbers"));
        }

        @Test
        void consecutiveOperationsOnTheSameTypedValueBuildOneValue() {
            ObjectNode patched = patch("{'userName':'u'}", "[{'op':'Add','path':'addresses[type eq `work`].formatted',"
                    + "'value':'Building 42'},{'op':'Add','path':'addresses[type eq `work`].locality','value':'Redmond'},"
                    + "{'op':'Add','path':'addresses[type eq `work`].postalCode','value':'98052'}]");
            assertEquals(tree("[{'type':'work','formatted':'Building 42','locality':'Redmond','postalCode':'98052'}]"),
                    patched.get("addresses"));
        }

        @Test
        void replaceOfAWholeValueWithoutMatchCreatesAValueThatStillMatchesTheFilter() {
            ObjectNode patched = patch("{'userName':'u'}",
                    "[{'op':'replace','path':'emails[type eq `work`]','value':{'value':'u@x'}},"
                            + "{'op':'replace','path':'emails[type eq `work`].display','value':'Work'}]");
            assertEquals(tree("[{'type':'work','value':'u@x','display':'Work'}]"), patched.get("emails"));
        }

        @Test
        void replaceOfAWholeMatchingValueReplacesIt() {
            ObjectNode patched = patch(ALICE,
                    "[{'op':'replace','path':'emails[type eq `home`]','value':{'value':'new@home','type':'home'}}]");
            assertEquals(tree("{'value':'new@home','type':'home'}"), patched.get("emails").get(1));
            assertEquals(2, patched.get("emails").size());
        }

        @Test
        void removeWithFilterRemovesOnlyTheMatchingValues() {
            ObjectNode patched = patch(ALICE, "[{'op':'remove','path':'emails[type eq `work`]'}]");
            assertEquals(tree("[{'value':'alice@home.example','type':'home'}]"), patched.get("emails"));
        }

        @Test
        void removeOfTheLastMatchingValueRemovesTheAttribute() {
            assertFalse(patch(ALICE, "[{'op':'remove','path':'phoneNumbers[type eq `work`]'}]").has("phoneNumbers"));
        }

        @Test
        void removeOfASubAttributeOfMatchingValues() {
            ObjectNode patched = patch(ALICE, "[{'op':'remove','path':'emails[type eq `work`].primary'}]");
            assertEquals(tree("{'value':'alice@contoso.com','type':'work'}"), patched.get("emails").get(0));
        }

        @Test
        void clearingTheValueOfAFilteredValueRemovesThatValue() {
            ObjectNode patched = patch(ALICE, "[{'op':'remove','path':'emails[type eq `work`].value'}]");
            assertEquals(tree("[{'value':'alice@home.example','type':'home'}]"), patched.get("emails"));
        }

        @Test
        void entraEmptyStringForAFilteredValueRemovesThatValueAndTheAttributeWhenItWasTheLast() {
            ObjectNode target = json(ALICE);
            PatchEngine.apply(USER, target, EntraDialect.normalise(USER, operations(
                    "[{'op':'Replace','path':'phoneNumbers[type eq `work`].value','value':''}]")), Map.of());
            assertFalse(target.has("phoneNumbers"), target::toString);
        }

        @Test
        void qualifiersSetBeforeTheValueInTheSameRequestAreKept() {
            ObjectNode patched = patch("{'userName':'u'}", "[{'op':'add','path':'emails[type eq `work`].primary',"
                    + "'value':true},{'op':'add','path':'emails[type eq `work`].value','value':'u@x'}]");
            assertEquals(tree("[{'type':'work','primary':true,'value':'u@x'}]"), patched.get("emails"));
        }

        @Test
        void aValueWithOnlyQualifiersThatNoFilteredOperationTouchedIsLeftAlone() {
            ObjectNode patched = patch("{'userName':'u','emails':[{'type':'work'}]}",
                    "[{'op':'replace','path':'displayName','value':'U'}]");
            assertEquals(tree("[{'type':'work'}]"), patched.get("emails"));
        }

        @Test
        void removeWithAFilterMatchingNothingChangesNothing() {
            assertEquals(json(ALICE), patch(ALICE, "[{'op':'remove','path':'emails[type eq `other` or value co `@nowhere`]'}]"));
        }

        @Test
        void filterThatDescribesNoValueAndMatchesNothingIsNoTarget() {
            ScimException e = refused(ALICE, "[{'op':'replace','path':'emails[value co `nobody`].type','value':'x'}]");
            assertEquals(ScimType.NO_TARGET, e.scimType());
        }

        @Test
        void filterOnASimpleAttributeIsInvalidPath() {
            assertEquals(ScimType.INVALID_PATH,
                    refused(ALICE, "[{'op':'replace','path':'userName[value eq `x`]','value':'y'}]").scimType());
        }

        @Test
        void filterOnAnUnknownSubAttributeIsInvalidPath() {
            assertEquals(ScimType.INVALID_PATH,
                    refused(ALICE, "[{'op':'replace','path':'emails[kind eq `work`].value','value':'y'}]").scimType());
        }

        @Test
        void malformedPathIsInvalidPath() {
            ScimException e = refused(ALICE, "[{'op':'replace','path':'emails[type eq','value':'y'}]");
            assertEquals(400, e.status());
            assertEquals(ScimType.INVALID_PATH, e.scimType());
            assertTrue(e.detail().startsWith("Operations[0]"), e::detail);
        }

        @Test
        void entraRolesPrimaryFilterWithStringTrueMatchesBooleanPrimary() {
            ObjectNode patched = patch("{'userName':'u','roles':[{'value':'Agent','primary':true},{'value':'Viewer'}]}",
                    "[{'op':'replace','path':'roles[primary eq `True`].value','value':'Admin'}]");
            assertEquals(tree("[{'value':'Admin','primary':true},{'value':'Viewer'}]"), patched.get("roles"));
        }
    }

    @Nested
    class MultiValued {

        @Test
        void addAppendsValues() {
            ObjectNode patched = patch(ALICE, "[{'op':'add','path':'emails','value':[{'value':'x@y','type':'other'}]}]");
            assertEquals(3, patched.get("emails").size());
            assertEquals(tree("{'value':'x@y','type':'other'}"), patched.get("emails").get(2));
        }

        @Test
        void addOfAValueAlreadyPresentIsNoChange() {
            ObjectNode patched = patch(ALICE,
                    "[{'op':'add','path':'emails','value':[{'value':'alice@home.example','type':'home'}]}]");
            assertEquals(json(ALICE).get("emails"), patched.get("emails"));
        }

        @Test
        void addOfASingleObjectAppendsIt() {
            ObjectNode patched = patch(ALICE, "[{'op':'add','path':'phoneNumbers','value':{'value':'+1','type':'fax'}}]");
            assertEquals(2, patched.get("phoneNumbers").size());
        }

        @Test
        void replaceReplacesTheWholeList() {
            ObjectNode patched = patch(ALICE, "[{'op':'replace','path':'emails','value':[{'value':'only@x'}]}]");
            assertEquals(tree("[{'value':'only@x'}]"), patched.get("emails"));
        }

        @Test
        void removeWithoutValueClearsTheAttribute() {
            assertFalse(patch(ALICE, "[{'op':'remove','path':'emails'}]").has("emails"));
        }

        @Test
        void removeWithAValueListRemovesOnlyThoseValues() {
            ObjectNode patched = patch(ALICE,
                    "[{'op':'Remove','path':'emails','value':[{'value':'alice@contoso.com'}]}]");
            assertEquals(tree("[{'value':'alice@home.example','type':'home'}]"), patched.get("emails"));
        }

        @Test
        void addedPrimaryValueClearsPrimaryOnTheOthers() {
            ObjectNode patched = patch(ALICE,
                    "[{'op':'add','path':'emails','value':[{'value':'new@x','type':'other','primary':true}]}]");
            assertEquals(1, primaries(patched.get("emails")));
            assertFalse(patched.get("emails").get(0).get("primary").asBoolean());
            assertTrue(patched.get("emails").get(2).get("primary").asBoolean());
            ResourceChecker.check(USER, patched); // at most one primary: the checker accepts it
        }

        @Test
        void primarySetThroughAValueFilterClearsPrimaryOnTheOthers() {
            ObjectNode patched = patch(ALICE, "[{'op':'replace','path':'emails[type eq `home`].primary','value':'True'}]");
            ObjectNode checked = ResourceChecker.check(USER, patched);
            assertEquals(1, primaries(checked.get("emails")));
            assertTrue(checked.get("emails").get(1).get("primary").booleanValue());
            assertFalse(checked.get("emails").get(0).get("primary").booleanValue());
        }

        private int primaries(JsonNode values) {
            int count = 0;
            for (JsonNode value : values) {
                count += value.path("primary").asBoolean(false) ? 1 : 0;
            }
            return count;
        }
    }

    @Nested
    class Mutability {

        @ParameterizedTest
        @ValueSource(strings = {"id", "meta", "meta.created", "groups", "meta.lastModified",
                "urn:ietf:params:scim:schemas:core:2.0:User:id"})
        void readOnlyTargetsAreRefusedWithMutability(String path) {
            ScimException e = refused(ALICE, "[{'op':'replace','path':'" + path + "','value':'x'}]");
            assertEquals(400, e.status());
            assertEquals(ScimType.MUTABILITY, e.scimType());
        }

        @Test
        void readOnlySubAttributeIsRefused() {
            ScimException e = refused(ALICE,
                    "[{'op':'replace','path':'" + ENTERPRISE + ":manager.displayName','value':'Boss'}]");
            assertEquals(ScimType.MUTABILITY, e.scimType());
        }

        @Test
        void removeOfReadOnlyAttributeIsRefused() {
            assertEquals(ScimType.MUTABILITY, refused(ALICE, "[{'op':'remove','path':'groups'}]").scimType());
        }
    }

    @Nested
    class ExternalAttributes {

        private final List<String> calls = new ArrayList<>();

        private final ExternalAttribute members = new ExternalAttribute() {
            @Override
            public void add(ArrayNode values) {
                calls.add("add " + values);
            }

            @Override
            public void replace(ArrayNode values) {
                calls.add("replace " + values);
            }

            @Override
            public void removeAll() {
                calls.add("removeAll");
            }

            @Override
            public void removeMatching(Filter filter) {
                calls.add("removeMatching " + filter);
            }

            @Override
            public void removeValues(ArrayNode values) {
                calls.add("removeValues " + values);
            }
        };

        private ObjectNode apply(String operationsArray) {
            ObjectNode group = json("{'displayName':'G'}");
            PatchEngine.apply(GROUP, group, operations(operationsArray), Map.of("members", members));
            return group;
        }

        @Test
        void operationsOnAnExternalAttributeGoToItsReceiverAndNotIntoTheDocument() {
            ObjectNode group = apply("[{'op':'Add','path':'members','value':[{'value':'u1'}]},"
                    + "{'op':'Remove','path':'members','value':[{'value':'u2'}]},"
                    + "{'op':'remove','path':'members[value eq `u3`]'},"
                    + "{'op':'replace','path':'members','value':[{'value':'u4'}]},"
                    + "{'op':'remove','path':'MEMBERS'},"
                    + "{'op':'add','value':{'members':[{'value':'u5'}]}}]");
            assertEquals(List.of("add [{\"value\":\"u1\"}]", "removeValues [{\"value\":\"u2\"}]",
                    "removeMatching value eq \"u3\"", "replace [{\"value\":\"u4\"}]", "removeAll",
                    "add [{\"value\":\"u5\"}]"), calls);
            assertEquals(json("{'displayName':'G'}"), group);
        }

        @Test
        void removeByAnyValueFilterHandsTheFilterToTheReceiver() {
            apply("[{'op':'remove','path':'members[type eq `Group`]'},"
                    + "{'op':'remove','path':'members[value eq `a` or value eq `b`]'},"
                    + "{'op':'remove','path':'members[display co `x` and not (type eq `User`)]'}]");
            assertEquals(List.of("removeMatching type eq \"Group\"",
                    "removeMatching (value eq \"a\" or value eq \"b\")",
                    "removeMatching (display co \"x\" and not (type eq \"User\"))"), calls);
        }

        @Test
        void replaceByValueFilterIsInvalidPathNamingTheAlternativesAndReachesNoReceiver() {
            ScimException e = assertThrows(ScimException.class, () -> apply("[{'op':'add','path':'members',"
                    + "'value':[{'value':'u1'}]},{'op':'replace','path':'members[value eq `u1`]','value':{'value':'u2'}}]"));
            assertEquals(ScimType.INVALID_PATH, e.scimType());
            assertTrue(e.detail().startsWith("Operations[1]: "), e::detail);
            assertTrue(e.detail().contains("members[value eq \"u1\"]") && e.detail().contains("path members"),
                    e::detail);
            assertEquals(List.of("add [{\"value\":\"u1\"}]"), calls);
        }

        @Test
        void aRefusalOfTheReceiverNamesTheOperation() {
            ExternalAttribute refusing = new ExternalAttribute() {
                @Override
                public void add(ArrayNode values) {
                }

                @Override
                public void replace(ArrayNode values) {
                }

                @Override
                public void removeAll() {
                }

                @Override
                public void removeMatching(Filter filter) {
                    throw ScimException.invalidFilter("'members' has no sub-attribute 'shoe'");
                }

                @Override
                public void removeValues(ArrayNode values) {
                }
            };
            ScimException e = assertThrows(ScimException.class, () -> PatchEngine.apply(GROUP, json("{}"),
                    operations("[{'op':'add','path':'members','value':[]},{'op':'remove','path':'members[shoe eq 1]'}]"),
                    Map.of("members", refusing)));
            assertEquals(ScimType.INVALID_FILTER, e.scimType());
            assertEquals("Operations[1]: 'members' has no sub-attribute 'shoe'", e.detail());
        }

        @Test
        void subAttributeOfAnExternalAttributeIsInvalidPath() {
            ScimException e = assertThrows(ScimException.class,
                    () -> apply("[{'op':'replace','path':'members[value eq `u1`].display','value':'x'}]"));
            assertEquals(ScimType.INVALID_PATH, e.scimType());
        }
    }
}
