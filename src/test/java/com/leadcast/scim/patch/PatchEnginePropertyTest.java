package com.leadcast.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.fuzz.FilterGenerator;
import com.leadcast.fuzz.FuzzSeed;
import com.leadcast.fuzz.JsonValues;
import com.leadcast.fuzz.Mutator;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.schema.ResourceChecker;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Properties of the PATCH pipeline as the endpoints run it — {@link PatchRequest#parse}, {@link EntraDialect},
 * {@link PatchEngine}, then {@link ResourceChecker#checkReplacement} — over generated PatchOp messages: any message is
 * applied or refused with a client error ({@link ScimException} 4xx), never another exception; and operations whose
 * values have the schema's types always produce a document the checker accepts, already in its normal form.
 */
@AddLifecycleHook(FuzzSeed.class)
class PatchEnginePropertyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ResourceType USER = SchemaRegistry.standard().userType();
    private static final ResourceType GROUP = SchemaRegistry.standard().groupType();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static final ObjectNode ALICE = parse("{\"userName\":\"alice@contoso.com\",\"displayName\":\"Alice\","
            + "\"active\":true,\"name\":{\"givenName\":\"Alice\",\"familyName\":\"Moreau\"},"
            + "\"emails\":[{\"value\":\"alice@contoso.com\",\"type\":\"work\",\"primary\":true},"
            + "{\"value\":\"alice@home.example\",\"type\":\"home\"}],"
            + "\"phoneNumbers\":[{\"value\":\"+33 1\",\"type\":\"work\"}],"
            + "\"roles\":[{\"value\":\"Reader\",\"primary\":true}],"
            + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"1\",\"department\":\"Sales\","
            + "\"manager\":{\"value\":\"m-1\"}}}");
    private static final ObjectNode STAFF = parse("{\"displayName\":\"Staff\",\"externalId\":\"e-1\"}");

    /** Paths of both types: plain, dotted, filtered, URN-qualified, Entra's unqualified extension names. */
    private static final List<String> PATHS = List.of("displayName", "title", "active", "userName", "nickName",
            "name", "name.givenName", "name.familyName", "emails", "emails[type eq \"work\"].value",
            "emails[type eq \"work\"]", "emails[value eq \"alice@contoso.com\"].primary", "emails[primary eq true]",
            "phoneNumbers[type eq \"mobile\"].value", "addresses[type eq \"work\"].streetAddress", "roles",
            "roles[primary eq \"True\"].value", "externalId", "members", "members[value eq \"u-1\"]",
            "members[type eq \"Group\"]", ENTERPRISE, ENTERPRISE + ":manager", ENTERPRISE + ":manager.value",
            ENTERPRISE + ":department", "manager", "department", "employeeNumber", "groups", "id", "meta.created",
            "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName", "x509Certificates", "password",
            "emails[type eq \"work\" and primary eq true].display", "nosuch", "name.nosuch");

    @Provide
    Arbitrary<ObjectNode> anyPatch() {
        return Arbitraries.randomValue(PatchEnginePropertyTest::anyMessage);
    }

    @Provide
    Arbitrary<List<JsonNode>> wellTypedOperations() {
        return Arbitraries.randomValue(random -> {
            int count = 1 + random.nextInt(6);
            return java.util.stream.IntStream.range(0, count).mapToObj(i -> wellTyped(random)).toList();
        });
    }

    @Property(tries = 3000)
    void anyMessageIsAppliedOrRefusedWithAClientError(@ForAll("anyPatch") ObjectNode message) {
        for (ResourceType type : List.of(USER, GROUP)) {
            ObjectNode stored = (type == USER ? ALICE : STAFF).deepCopy();
            try {
                List<PatchOperation> operations = EntraDialect.normalise(type, PatchRequest.parse(message));
                ObjectNode document = stored.deepCopy();
                PatchEngine.apply(type, document, operations, Map.of("members", new AcceptingMembers()));
                ResourceChecker.checkReplacement(type, stored, document);
            } catch (ScimException e) {
                assertTrue(e.status() >= 400 && e.status() < 500, () -> e.status() + " " + e.detail());
                assertTrue(e.detail() != null && !e.detail().isBlank());
            } catch (RuntimeException e) {
                fail(type.name() + ": " + message + " threw " + e, e);
            }
        }
    }

    @Property(tries = 2000)
    void wellTypedOperationsYieldADocumentTheCheckerAccepts(@ForAll("wellTypedOperations") List<JsonNode> operations) {
        ObjectNode message = JSON.objectNode();
        message.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        message.putArray("Operations").addAll(operations);
        ObjectNode document = ALICE.deepCopy();
        PatchEngine.apply(USER, document, EntraDialect.normalise(USER, PatchRequest.parse(message)), Map.of());
        ObjectNode checked = ResourceChecker.checkReplacement(USER, ALICE, document);
        assertEquals(checked, ResourceChecker.check(USER, checked), "the checked document is in normal form");
    }

    /** A PatchOp message of random operations, often from valid ones mutated, sometimes broken at the top. */
    private static ObjectNode anyMessage(Random random) {
        JsonValues values = new JsonValues(random, true);
        ObjectNode message = JSON.objectNode();
        if (random.nextInt(10) > 0) {
            message.putArray("schemas").add(random.nextInt(10) > 0 ? "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                    : values.text());
        }
        if (random.nextInt(20) == 0) {
            message.set(random.nextBoolean() ? "Operations" : "operations", values.any(2));
            return message;
        }
        ArrayNode operations = message.putArray(random.nextInt(10) > 0 ? "Operations" : "operations");
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            operations.add(random.nextInt(15) == 0 ? values.any(2) : anyOperation(random, values));
        }
        return message;
    }

    private static JsonNode anyOperation(Random random, JsonValues values) {
        ObjectNode operation = JSON.objectNode();
        String[] ops = {"add", "replace", "remove", "Add", "REPLACE", " remove ", "delete", "", "addd"};
        operation.put("op", ops[random.nextInt(random.nextInt(4) == 0 ? ops.length : 3)]);
        int pathKind = random.nextInt(10);
        if (pathKind < 6) {
            operation.put("path", PATHS.get(random.nextInt(PATHS.size())));
        } else if (pathKind < 8) {
            operation.put("path", Mutator.mutate(random, PATHS.get(random.nextInt(PATHS.size())), true));
        } else if (pathKind == 8) {
            FilterGenerator filters = new FilterGenerator(random, true);
            Filter filter = filters.filter(1);
            operation.put("path", "emails[" + FilterGenerator.minimal(filter) + "]");
        } else if (random.nextBoolean()) {
            operation.set("path", values.any(1));
        }
        if (random.nextInt(8) > 0) {
            operation.set("value", random.nextInt(3) == 0 ? wellTypedValue(random, operation.path("path").asText())
                    : values.any(3));
        }
        return operation;
    }

    /** An add, replace or remove whose value has the type the schema declares for its path. */
    private static JsonNode wellTyped(Random random) {
        ObjectNode operation = JSON.objectNode();
        String[] typedPaths = {"displayName", "title", "active", "nickName", "name", "name.givenName", "emails",
                "emails[type eq \"work\"].value", "emails[type eq \"work\"]", "emails[type eq \"home\"].primary",
                "phoneNumbers[type eq \"mobile\"].value", "addresses[type eq \"work\"].locality", "roles",
                "externalId", ENTERPRISE + ":department", ENTERPRISE + ":manager", "manager", "department",
                "employeeNumber", "locale", "x509Certificates", ""};
        String path = typedPaths[random.nextInt(typedPaths.length)];
        String op = List.of("add", "replace", "remove").get(random.nextInt(3));
        operation.put("op", op);
        if (path.isEmpty()) {
            if (op.equals("remove")) {
                operation.put("op", "replace");
            }
            ObjectNode value = operation.putObject("value");
            value.set("displayName", wellTypedValue(random, "displayName"));
            value.set("name.familyName", wellTypedValue(random, "name.familyName"));
            value.set(ENTERPRISE, JSON.objectNode().put("costCenter", "cc" + random.nextInt(9)));
            return operation;
        }
        operation.put("path", path);
        if (!op.equals("remove")) {
            operation.set("value", wellTypedValue(random, path));
        }
        return operation;
    }

    /** A value of the path's type: a string for string attributes, a boolean for booleans, values for lists. */
    private static JsonNode wellTypedValue(Random random, String path) {
        String text = "v" + random.nextInt(100) + new JsonValues(random, false).text().replace("\u0000", "");
        if (text.isBlank()) {
            text = "v";
        }
        if (path.equals("active") || path.endsWith(".primary")) {
            return JSON.booleanNode(random.nextBoolean());
        }
        if (path.equals("name")) {
            return JSON.objectNode().put("givenName", text).put("familyName", "F" + random.nextInt(9));
        }
        if (path.equals("emails") || path.equals("roles") || path.equals("x509Certificates")) {
            ArrayNode list = JSON.arrayNode();
            int count = 1 + random.nextInt(3);
            int primary = random.nextInt(count + 1);
            for (int i = 0; i < count; i++) {
                ObjectNode element = list.addObject().put("value", text + i);
                if (random.nextBoolean()) {
                    element.put("type", List.of("work", "home", "other").get(random.nextInt(3)));
                }
                if (i == primary) {
                    element.put("primary", true);
                }
            }
            return random.nextInt(4) == 0 ? list.get(0) : list;
        }
        if (path.equals("emails[type eq \"work\"]")) {
            return JSON.objectNode().put("value", text).put("display", "d");
        }
        if (path.endsWith(":manager") || path.equals("manager")) {
            return JSON.objectNode().put("value", "m-" + random.nextInt(9));
        }
        return JSON.textNode(text);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Group members as the store would take them, minus the store: every operation is accepted. */
    private static final class AcceptingMembers implements ExternalAttribute {
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
        }

        @Override
        public void removeValues(ArrayNode values) {
        }
    }
}
