package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code PATCH /scim/v2/Users/{id}} (RFC 7644 §3.5.2) in both dialects Microsoft Entra ID sends, over HTTP. */
class UserPatchIT extends ScimTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private Http scim;
    private String userName;
    private String id;
    private JsonNode created;

    /** Every test starts from Alice in a tenant of its own. */
    @BeforeEach
    void alice() {
        scim = newTenantClient();
        userName = uniqueName("alice");
        Reply reply = scim.post(USERS, j("{'schemas':['" + CORE + "','" + ENTERPRISE + "'],'userName':'" + userName
                + "','externalId':'alice','displayName':'Alice Moreau','active':true,"
                + "'name':{'givenName':'Alice','familyName':'Moreau','formatted':'Alice Moreau'},"
                + "'emails':[{'value':'alice@contoso.com','type':'work','primary':true},"
                + "{'value':'alice@home.example','type':'home'}],"
                + "'phoneNumbers':[{'value':'+33 1 23 45 67 89','type':'work'}],"
                + "'" + ENTERPRISE + "':{'employeeNumber':'70412','department':'Sales'}}"));
        assertEquals(201, reply.status(), reply::toString);
        created = reply.json();
        id = created.path("id").asText();
    }

    // --- helpers -----------------------------------------------------------------------------------------------


    private static String patchOp(String operations) {
        return "{'schemas':['" + PATCH_OP + "'],'Operations':" + operations + "}";
    }

    private Reply send(String operations) {
        return sendTo(USERS + "/" + id, operations);
    }

    private Reply sendTo(String path, String operations) {
        return scim.patch(path, j(patchOp(operations)));
    }

    /** PATCHes Alice and returns the resource of the 200 answer. */
    private JsonNode patch(String operations) {
        Reply reply = send(operations);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
        return reply.json();
    }

    private JsonNode current() {
        Reply reply = scim.get(USERS + "/" + id);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // --- basics ------------------------------------------------------------------------------------------------

    @Test
    void replaceAnswers200WithTheFullResourceAndANewLastModified() throws InterruptedException {
        Thread.sleep(20);
        Reply reply = send("[{'op':'replace','path':'displayName','value':'Alice M.'}]");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
        JsonNode user = reply.json();

        ObjectNode expected = created.deepCopy();
        expected.put("displayName", "Alice M.");
        expected.remove("meta");
        ObjectNode actual = user.deepCopy();
        actual.remove("meta");
        assertEquals(expected, actual, "everything else is unchanged and returned");

        JsonNode meta = user.path("meta");
        assertEquals(created.path("meta").path("created"), meta.path("created"));
        assertEquals(created.path("meta").path("location"), meta.path("location"));
        assertTrue(Instant.parse(meta.path("lastModified").asText())
                .isAfter(Instant.parse(created.path("meta").path("lastModified").asText())), meta::toString);
        assertEquals(user, current(), "the answer is what is stored");
    }

    @Test
    void opIsCaseInsensitive() {
        JsonNode user = patch("[{'op':'Replace','path':'displayName','value':'Replaced'},"
                + "{'op':'ADD','path':'nickName','value':'Ali'},{'op':'remove','path':'title'},"
                + "{'op':'REMOVE','path':'externalId'}]");
        assertEquals("Replaced", user.path("displayName").asText());
        assertEquals("Ali", user.path("nickName").asText());
        assertFalse(user.has("externalId"), user::toString);
    }

    @Test
    void addOnASingleValuedAttributeSetsIt() {
        assertEquals("Babs", patch("[{'op':'Add','path':'nickName','value':'Babs'}]").path("nickName").asText());
        assertEquals("Other", patch("[{'op':'Add','path':'nickName','value':'Other'}]").path("nickName").asText());
    }

    @Test
    void removeClearsAnAttribute() {
        JsonNode user = patch("[{'op':'Remove','path':'displayName'}]");
        assertFalse(user.has("displayName"), user::toString);
        assertFalse(current().has("displayName"));
    }

    @Test
    void subAttributePathChangesOnlyThatSubAttribute() {
        JsonNode user = patch("[{'op':'Replace','path':'name.givenName','value':'Ally'}]");
        assertEquals(tree("{'givenName':'Ally','familyName':'Moreau','formatted':'Alice Moreau'}"), user.path("name"));
    }

    @Test
    void urnPathChangesAnEnterpriseAttribute() {
        JsonNode user = patch("[{'op':'Replace','path':'" + ENTERPRISE + ":employeeNumber','value':'Eqpj'},"
                + "{'op':'Add','path':'" + ENTERPRISE + ":costCenter','value':'CC-1'}]");
        assertEquals(tree("{'employeeNumber':'Eqpj','department':'Sales','costCenter':'CC-1'}"), user.path(ENTERPRISE));
    }

    @Test
    void removingTheLastEnterpriseAttributeDropsTheExtensionSchema() {
        JsonNode user = patch("[{'op':'remove','path':'" + ENTERPRISE + ":employeeNumber'},"
                + "{'op':'remove','path':'" + ENTERPRISE + ":department'}]");
        assertFalse(user.has(ENTERPRISE), user::toString);
        assertEquals(MAPPER.createArrayNode().add(CORE), user.path("schemas"));
    }

    @Test
    void managerSentAsABareIdIsReturnedAsAnObject() {
        String managerId = scim.post(USERS, j("{'userName':'" + uniqueName("boss") + "'}")).text("id");
        JsonNode user = patch("[{'op':'add','path':'" + ENTERPRISE + ":manager','value':'" + managerId + "'}]");
        assertEquals(tree("{'value':'" + managerId + "'}"), user.path(ENTERPRISE).path("manager"));

        JsonNode removed = patch("[{'op':'remove','path':'" + ENTERPRISE + ":manager[value eq `" + managerId + "`]'}]");
        assertFalse(removed.path(ENTERPRISE).has("manager"), removed::toString);
        assertEquals("Sales", removed.path(ENTERPRISE).path("department").asText());
    }

    // --- path-less operations ----------------------------------------------------------------------------------

    @Test
    void pathLessReplaceWithDottedAndUrnKeysAsTheFlagDialectSendsIt() {
        JsonNode user = patch("[{'op':'replace','path':'emails[type eq `work`].value','value':'TestMhvaes@test.microsoft.com'},"
                + "{'op':'replace','value':{'displayName':'Bjfe','name.givenName':'Kkom','name.familyName':'Unua',"
                + "'" + ENTERPRISE + ":employeeNumber':'Aklq'}}]");
        assertEquals("Bjfe", user.path("displayName").asText());
        assertEquals(tree("{'givenName':'Kkom','familyName':'Unua','formatted':'Alice Moreau'}"), user.path("name"));
        assertEquals(tree("{'employeeNumber':'Aklq','department':'Sales'}"), user.path(ENTERPRISE));
        assertEquals("TestMhvaes@test.microsoft.com", user.path("emails").path(0).path("value").asText());
        assertFalse(user.has("name.givenName"), user::toString);
        assertFalse(user.has(ENTERPRISE + ":employeeNumber"), user::toString);
    }

    @Test
    void pathLessAddWithDottedKeys() {
        JsonNode user = patch("[{'op':'add','value':{'displayName':'Foo Bar','title':'Bar Foo','name.givenName':'Foo',"
                + "'name.familyName':'Bar','name.formatted':'Foo Bar','" + ENTERPRISE + ":department':'R&D'}}]");
        assertEquals("Bar Foo", user.path("title").asText());
        assertEquals(tree("{'givenName':'Foo','familyName':'Bar','formatted':'Foo Bar'}"), user.path("name"));
        assertEquals("R&D", user.path(ENTERPRISE).path("department").asText());
    }

    @Test
    void pathLessOperationWithNestedObjectsMergesThem() {
        JsonNode user = patch("[{'op':'replace','value':{'name':{'familyName':'Doe'},"
                + "'" + ENTERPRISE + "':{'department':'R&D','manager':{'value':'m1'}},'active':false}}]");
        assertEquals(tree("{'givenName':'Alice','familyName':'Doe','formatted':'Alice Moreau'}"), user.path("name"));
        assertEquals(tree("{'employeeNumber':'70412','department':'R&D','manager':{'value':'m1'}}"), user.path(ENTERPRISE));
        assertFalse(user.path("active").asBoolean(true));
    }

    // --- value filters -----------------------------------------------------------------------------------------

    @Test
    void valuePathReplaceChangesTheMatchingValueOnly() {
        JsonNode user = patch("[{'op':'Replace','path':'emails[type eq `work`].value','value':'alice.moreau@contoso.com'}]");
        assertEquals(tree("[{'value':'alice.moreau@contoso.com','type':'work','primary':true},"
                + "{'value':'alice@home.example','type':'home'}]"), user.path("emails"));
    }

    @Test
    void valuePathAddCreatesTheValueWhenMissing() {
        JsonNode user = patch("[{'op':'Add','path':'phoneNumbers[type eq `mobile`].value','value':'+33 6 12 34 56 78'},"
                + "{'op':'Add','path':'addresses[type eq `work`].locality','value':'Paris'},"
                + "{'op':'Add','path':'addresses[type eq `work`].postalCode','value':'75002'}]");
        assertEquals(tree("[{'value':'+33 1 23 45 67 89','type':'work'},{'type':'mobile','value':'+33 6 12 34 56 78'}]"),
                user.path("phoneNumbers"));
        assertEquals(tree("[{'type':'work','locality':'Paris','postalCode':'75002'}]"), user.path("addresses"),
                "consecutive operations on one typed value build one value");
    }

    @Test
    void valuePathReplaceCreatesTheValueWhenMissing() {
        JsonNode user = patch("[{'op':'Replace','path':'phoneNumbers[type eq `fax`].value','value':'+33 1 00'}]");
        assertEquals(2, user.path("phoneNumbers").size(), user::toString);
        assertEquals(tree("{'type':'fax','value':'+33 1 00'}"), user.path("phoneNumbers").path(1));
    }

    @Test
    void valuePathSetToAnEmptyStringRemovesThatValueAndNoBareTypeIsLeft() {
        JsonNode user = patch("[{'op':'Replace','path':'emails[type eq `work`].value','value':''},"
                + "{'op':'Replace','path':'phoneNumbers[type eq `work`].value','value':''}]");

        assertEquals(tree("[{'value':'alice@home.example','type':'home'}]"), user.path("emails"));
        assertFalse(user.has("phoneNumbers"), user::toString);
        assertEquals(user.path("emails"), current().path("emails"));
        assertFalse(current().has("phoneNumbers"));
    }

    @Test
    void removeWithValueFilterRemovesOnlyTheMatchingValue() {
        JsonNode user = patch("[{'op':'remove','path':'emails[type eq `work`]'}]");
        assertEquals(tree("[{'value':'alice@home.example','type':'home'}]"), user.path("emails"));
    }

    @Test
    void addToAMultiValuedAttributeAppends() {
        JsonNode user = patch("[{'op':'add','path':'emails','value':[{'value':'third@example.com','type':'other'}]}]");
        assertEquals(tree("[{'value':'alice@contoso.com','type':'work','primary':true},"
                + "{'value':'alice@home.example','type':'home'},{'value':'third@example.com','type':'other'}]"),
                user.path("emails"));
    }

    @Test
    void removeWithAValueListRemovesOnlyThoseValues() {
        JsonNode user = patch("[{'op':'Remove','path':'emails','value':[{'value':'alice@home.example'}]}]");
        assertEquals(1, user.path("emails").size(), user::toString);
        assertEquals("alice@contoso.com", user.path("emails").path(0).path("value").asText());
    }

    @Test
    void aNewPrimaryValueTakesPrimaryFromTheOthers() {
        JsonNode user = patch("[{'op':'add','path':'emails','value':[{'value':'new@x.com','type':'other','primary':'True'}]}]");
        JsonNode emails = user.path("emails");
        assertEquals(3, emails.size());
        assertFalse(emails.path(0).path("primary").asBoolean(true), emails::toString);
        assertTrue(emails.path(2).path("primary").isBoolean());
        assertTrue(emails.path(2).path("primary").booleanValue());

        JsonNode home = patch("[{'op':'replace','path':'emails[type eq `home`].primary','value':true}]").path("emails");
        int primaries = 0;
        for (JsonNode email : home) {
            primaries += email.path("primary").asBoolean(false) ? 1 : 0;
        }
        assertEquals(1, primaries, home::toString);
        assertTrue(home.path(1).path("primary").asBoolean());
    }

    @Test
    void replacingAListWithTwoPrimaryValuesIsInvalidValue() {
        assertScimError(send("[{'op':'replace','path':'emails','value':[{'value':'a@x.com','primary':true},"
                + "{'value':'b@x.com','primary':true}]}]"), 400, "invalidValue");
        assertEquals(created.path("emails"), current().path("emails"));
    }

    // --- Entra's booleans and deprovisioning -------------------------------------------------------------------

    @Test
    void activeSentAsTheStringFalseDisablesTheUserWhoStaysFindable() {
        JsonNode user = patch("[{'op':'Replace','path':'active','value':'False'}]");
        assertTrue(user.path("active").isBoolean(), user::toString);
        assertFalse(user.path("active").booleanValue());

        Reply found = scim.get(USERS + "?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"",
                StandardCharsets.UTF_8));
        assertEquals(1, found.json().path("totalResults").asInt(), found::toString);
        assertFalse(found.json().path("Resources").path(0).path("active").asBoolean(true));

        assertTrue(patch("[{'op':'Replace','path':'active','value':'True'}]").path("active").booleanValue());
    }

    @Test
    void entraDefaultDialectUpdateOfSeveralAttributes() {
        JsonNode user = patch("[{'op':'Replace','path':'displayName','value':'Pvlo'},"
                + "{'op':'Replace','path':'emails[type eq `work`].value','value':'TestBcwqnm@test.microsoft.com'},"
                + "{'op':'Replace','path':'name.givenName','value':'Gtfd'},"
                + "{'op':'Replace','path':'name.familyName','value':'Pkqf'},"
                + "{'op':'Replace','path':'externalId','value':'Eqpj'},"
                + "{'op':'Replace','path':'" + ENTERPRISE + ":employeeNumber','value':'Eqpj'}]");
        assertEquals("Pvlo", user.path("displayName").asText());
        assertEquals("Eqpj", user.path("externalId").asText());
        assertEquals("Eqpj", user.path(ENTERPRISE).path("employeeNumber").asText());
        assertEquals("Gtfd", user.path("name").path("givenName").asText());
        assertEquals("TestBcwqnm@test.microsoft.com", user.path("emails").path(0).path("value").asText());

        Reply byExternalId = scim.get(USERS + "?filter=externalId+eq+%22Eqpj%22");
        assertEquals(id, byExternalId.json().path("Resources").path(0).path("id").asText(), byExternalId::toString);
    }

    @Test
    void renamingUserNameFreesTheOldOneAndIsFoundByTheNewOne() {
        String renamed = uniqueName("renamed");
        assertEquals(renamed, patch("[{'op':'Replace','path':'userName','value':'" + renamed + "'}]")
                .path("userName").asText());
        assertEquals(201, scim.post(USERS, j("{'userName':'" + userName + "'}")).status());
    }

    @Test
    void reassertingUnchangedValuesSucceeds() {
        JsonNode user = patch("[{'op':'Replace','path':'userName','value':'" + userName + "'},"
                + "{'op':'Replace','path':'externalId','value':'alice'},{'op':'Add','path':'displayName','value':'Alice Moreau'},"
                + "{'op':'Add','path':'emails','value':[{'value':'alice@home.example','type':'home'}]}]");
        ObjectNode expected = created.deepCopy();
        expected.remove("meta");
        ObjectNode actual = user.deepCopy();
        actual.remove("meta");
        assertEquals(expected, actual);
        assertEquals(userName.toUpperCase(), patch("[{'op':'Replace','path':'userName','value':'"
                + userName.toUpperCase() + "'}]").path("userName").asText(), "its own userName in another case");
    }

    @Test
    void passwordCanBeSetButIsNeverReturned() {
        Reply reply = send("[{'op':'replace','path':'password','value':'N3w-pass!'}]");
        assertEquals(200, reply.status(), reply::toString);
        assertFalse(reply.json().has("password"));
        assertFalse(reply.body().contains("N3w-pass!"));
        assertFalse(current().has("password"));
    }

    @Test
    void concurrentPatchesOfOneUserNeverLoseEachOthersChanges() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String operations = "[{'op':'add','path':'emails','value':[{'value':'extra" + i + "@x.com','type':'other'}]}]";
                replies.add(pool.submit(() -> {
                    start.await();
                    return send(operations);
                }));
            }
            start.countDown();
            for (Future<Reply> reply : replies) {
                assertEquals(200, reply.get().status(), () -> String.valueOf(reply));
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode emails = current().path("emails");
        assertEquals(2 + threads, emails.size(), emails::toString);
    }

    // --- projection of the answer ------------------------------------------------------------------------------

    @Test
    void attributesAndExcludedAttributesShapeThePatchAnswer() {
        Reply only = scim.patch(USERS + "/" + id + "?attributes=displayName",
                j(patchOp("[{'op':'replace','path':'displayName','value':'Shown'}]")));
        assertEquals(200, only.status(), only::toString);
        assertEquals(List.of("schemas", "id", "displayName"), fieldNames(only.json()));
        assertEquals("Shown", only.json().path("displayName").asText());

        Reply without = scim.patch(USERS + "/" + id + "?excludedAttributes=emails,meta",
                j(patchOp("[{'op':'replace','path':'title','value':'T'}]")));
        assertEquals(200, without.status(), without::toString);
        assertFalse(without.json().has("emails"));
        assertFalse(without.json().has("meta"));
        assertEquals("T", without.json().path("title").asText());
        assertTrue(current().has("emails"), "projection shapes the answer, not the stored user");
    }

    // --- atomicity and refusals --------------------------------------------------------------------------------

    @Test
    void unknownOpInALaterOperationLeavesTheUserUnchanged() {
        JsonNode error = assertScimError(send("[{'op':'replace','path':'displayName','value':'Changed'},"
                + "{'op':'move','path':'title','value':'t'}]"), 400, "invalidSyntax");
        assertTrue(error.path("detail").asText().contains("move"), error::toString);
        assertEquals(created, current());
    }

    @Test
    void invalidPathInALaterOperationLeavesTheUserUnchanged() {
        assertScimError(send("[{'op':'replace','path':'displayName','value':'Changed'},"
                + "{'op':'replace','path':'emails[type eq','value':'x'}]"), 400, "invalidPath");
        assertEquals(created, current());
    }

    @Test
    void invalidValueInALaterOperationLeavesTheUserUnchanged() {
        JsonNode error = assertScimError(send("[{'op':'replace','path':'displayName','value':'Changed'},"
                + "{'op':'replace','path':'active','value':{'x':1}}]"), 400, "invalidValue");
        assertTrue(error.path("detail").asText().contains("'active'"), error::toString);
        assertEquals(created, current());
    }

    @Test
    void removingTheRequiredUserNameIsRefusedAndChangesNothing() {
        JsonNode error = assertScimError(send("[{'op':'replace','path':'displayName','value':'Changed'},"
                + "{'op':'remove','path':'userName'}]"), 400, "invalidValue");
        assertTrue(error.path("detail").asText().contains("userName"), error::toString);
        assertEquals(created, current());
    }

    @Test
    void userNameOfAnotherUserInAnyCaseIsAUniquenessConflictAndChangesNothing() {
        String other = uniqueName("other");
        assertEquals(201, scim.post(USERS, j("{'userName':'" + other + "'}")).status());
        assertScimError(send("[{'op':'replace','path':'displayName','value':'Changed'},"
                + "{'op':'replace','path':'userName','value':'" + other.toUpperCase() + "'}]"), 409, "uniqueness");
        assertEquals(created, current());
    }

    @Test
    void readOnlyTargetsAreRefusedWithMutability() {
        for (String path : List.of("id", "meta.created", "groups", "meta")) {
            Reply reply = send("[{'op':'replace','path':'displayName','value':'Changed'},"
                    + "{'op':'replace','path':'" + path + "','value':'x'}]");
            JsonNode error = assertScimError(reply, 400, "mutability");
            assertTrue(error.path("detail").asText().contains(path), error::toString);
        }
        assertScimError(send("[{'op':'add','path':'groups','value':[{'value':'g1'}]}]"), 400, "mutability");
        assertEquals(created, current());
    }

    @Test
    void removeWithoutPathIsNoTarget() {
        assertScimError(send("[{'op':'remove'}]"), 400, "noTarget");
        assertScimError(send("[{'op':'remove','value':{'displayName':'Alice Moreau'}}]"), 400, "noTarget");
        assertEquals(created, current());
    }

    @Test
    void valueFilterThatMatchesNothingAndDescribesNoValueIsNoTarget() {
        assertScimError(send("[{'op':'replace','path':'emails[value co `nobody`].type','value':'x'}]"), 400, "noTarget");
    }

    @Test
    void missingOrEmptyOperationsIsInvalidSyntax() {
        assertScimError(scim.patch(USERS + "/" + id, j("{'schemas':['" + PATCH_OP + "']}")), 400, "invalidSyntax");
        assertScimError(scim.patch(USERS + "/" + id, j("{'schemas':['" + PATCH_OP + "'],'Operations':[]}")),
                400, "invalidSyntax");
        assertScimError(scim.patch(USERS + "/" + id, j("{'schemas':['" + CORE + "'],"
                + "'Operations':[{'op':'add','path':'title','value':'t'}]}")), 400, "invalidSyntax");
    }

    @Test
    void malformedJsonIsInvalidSyntax() {
        assertScimError(scim.patch(USERS + "/" + id, "{\"Operations\":[{\"op\":\"add\""), 400, "invalidSyntax");
        assertEquals(created, current());
    }

    @Test
    void unknownIdIsNotFound() {
        assertScimError(sendTo(USERS + "/8b0a5e0e-0000-4000-8000-000000000000",
                "[{'op':'replace','path':'displayName','value':'x'}]"), 404, null);
    }

    @Test
    void patchAsPlainTextIsUnsupportedMediaType() {
        Reply reply = scim.send(scim.request(USERS + "/" + id).header("Content-Type", "text/plain")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(j(patchOp(
                        "[{'op':'replace','path':'displayName','value':'x'}]")))));
        assertScimError(reply, 415, null);
        assertEquals(created, current());
    }

    @Test
    void unknownAttributesAreIgnored() {
        JsonNode user = patch("[{'op':'add','path':'favouriteColour','value':'blue'},"
                + "{'op':'replace','value':{'shoeSize':42,'title':'T'}}]");
        assertEquals("T", user.path("title").asText());
        assertFalse(user.has("favouriteColour") || user.has("shoeSize"), user::toString);
    }
}
