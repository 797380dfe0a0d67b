package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays a whole Microsoft Entra ID provisioning cycle, in each of its two PATCH dialects, with the request shapes
 * of {@code entra-provisioning.md} (§2 Test Connection, §3 user lifecycle with the update rows a–k of §3.5.1, §4
 * groups): every answer's status, {@code Content-Type} and body, and that every value comes back exactly as sent.
 *
 * <p>Entra's GETs carry no {@code Content-Type}, {@code Accept} or {@code User-Agent}. {@code java.net.http} sends no
 * {@code Content-Type} or {@code Accept} on a GET unless asked, but always adds {@code User-Agent: Java-http-client/…}
 * and cannot be told to omit it; the Test Connection probe is therefore also sent over a plain socket, byte for
 * byte as Entra sends it (request line, {@code Host}, {@code Authorization}, nothing else).
 */
class EntraReplayIT extends ScimTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String ADSCIM_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** What differs between the two dialects on the wire (entra-provisioning.md, introduction and §3.5.1). */
    enum Dialect {
        /** A plain Tenant URL: capitalised ops, booleans as strings, one op per attribute. */
        DEFAULT,
        /** A Tenant URL with {@code aadOptscim062020}: lower-case ops, JSON booleans, path-less folding. */
        FLAG;

        String op(String name) {
            return this == DEFAULT ? name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) : name;
        }

        String bool(boolean value) {
            return this == DEFAULT ? (value ? "'True'" : "'False'") : String.valueOf(value);
        }
    }

    private String token;
    private Http scim;

    private void tenant() {
        token = newToken(newTenant());
        scim = new Http(root(), token);
    }

    @Test
    void defaultDialectUserCycle() throws Exception {
        userCycle(Dialect.DEFAULT);
    }

    @Test
    void flagDialectUserCycle() throws Exception {
        userCycle(Dialect.FLAG);
    }

    @Test
    void defaultDialectGroupCycle() throws Exception {
        groupCycle(Dialect.DEFAULT);
    }

    @Test
    void flagDialectGroupCycle() throws Exception {
        groupCycle(Dialect.FLAG);
    }

    // --- the user cycle ----------------------------------------------------------------------------------------

    private void userCycle(Dialect d) throws IOException {
        tenant();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String userName = "alice." + suffix + "@contoso.com";
        String externalId = "alice" + suffix;
        String mail = "alice." + suffix + "@contoso.com";

        // §2 Test Connection, then §3.2 the match queries by each matching attribute: nothing yet
        testConnection();
        assertMatches("userName+eq+%22" + enc(userName) + "%22", 0);
        assertMatches("userName%20eq%20%22" + enc(userName) + "%22", 0);
        assertMatches(query("externalId eq \"" + externalId + "\""), 0);
        assertMatches(query("emails[type eq \"work\"].value eq \"" + mail + "\""), 0);

        // §3.3 create with every default mapping
        String body = j("{'schemas':['" + CORE + "','" + ENTERPRISE + "'],'externalId':'" + externalId
                + "','userName':'" + userName + "','active':" + d.bool(true) + ",'displayName':'Alice Example',"
                + "'title':'Account Executive','preferredLanguage':'en-US',"
                + "'emails':[{'primary':true,'type':'work','value':'" + mail + "'}],"
                + "'phoneNumbers':[{'type':'work','value':'+1 425 555 0100'},{'type':'mobile','value':'+1 425 555 0101'},"
                + "{'type':'fax','value':'+1 425 555 0102'}],"
                + "'addresses':[{'type':'work','formatted':'Building 42','streetAddress':'1 Main Street',"
                + "'locality':'Redmond','region':'WA','postalCode':'98052','country':'US'}],"
                + "'meta':{'resourceType':'User'},"
                + "'name':{'formatted':'Alice Example','familyName':'Example','givenName':'Alice'},"
                + "'" + ENTERPRISE + "':{'employeeNumber':'100234','department':'Sales'},"
                + "'roles':[{'primary':true,'type':'WindowsAzureActiveDirectoryRole','value':'Agent'}]}");
        Reply created = scim.post(USERS, body);
        assertScimJson(created, 201);
        JsonNode alice = created.json();
        String id = alice.path("id").asText();
        assertSentValuesReturned(tree(body), alice);
        assertEquals(true, alice.path("active").asBoolean(false), alice::toString);
        assertEquals(alice, get(USERS + "/" + id), "GET returns what POST answered");

        // the next cycle's match queries find her by each attribute, userName in any case
        assertMatches("userName+eq+%22" + enc(userName.toUpperCase(Locale.ROOT)) + "%22", 1, id);
        assertMatches(query("externalId eq \"" + externalId + "\""), 1, id);
        assertMatches(query("externalId eq " + externalId), 1, id);
        assertMatches(query("emails[type eq \"work\"].value eq \"" + mail + "\""), 1, id);

        // §3.5.1 a: userName renamed
        String renamed = "alice.renamed." + suffix + "@contoso.com";
        JsonNode user = patch(USERS + "/" + id, "[{'op':'" + d.op("replace") + "','path':'userName','value':'" + renamed + "'}]");
        assertEquals(renamed, user.path("userName").asText());
        assertMatches("userName+eq+%22" + enc(renamed) + "%22", 1, id);

        // b: add a single-valued string that was absent, then add again (add on a single value replaces)
        user = patch(USERS + "/" + id, "[{'op':'" + d.op("add") + "','path':'nickName','value':'Babs'}]");
        assertEquals("Babs", user.path("nickName").asText());
        user = patch(USERS + "/" + id, "[{'op':'" + d.op("add") + "','path':'nickName','value':'Bibi'}]");
        assertEquals("Bibi", user.path("nickName").asText());

        // c and f: several attributes, the work e-mail among them
        String newMail = "TestMhvaes." + suffix + "@test.microsoft.com";
        String several = d == Dialect.DEFAULT
                ? "[{'op':'Replace','path':'displayName','value':'Pvlo'},"
                + "{'op':'Replace','path':'emails[type eq `work`].value','value':'" + newMail + "'},"
                + "{'op':'Replace','path':'name.givenName','value':'Gtfd'},"
                + "{'op':'Replace','path':'name.familyName','value':'Pkqf'},"
                + "{'op':'Replace','path':'externalId','value':'Eqpj" + suffix + "'},"
                + "{'op':'Replace','path':'" + ENTERPRISE + ":employeeNumber','value':'Eqpj'}]"
                : "[{'op':'replace','path':'emails[type eq `work`].value','value':'" + newMail + "'},"
                + "{'op':'replace','value':{'displayName':'Pvlo','name.givenName':'Gtfd','name.familyName':'Pkqf',"
                + "'externalId':'Eqpj" + suffix + "','" + ENTERPRISE + ":employeeNumber':'Eqpj'}}]";
        user = patch(USERS + "/" + id, several);
        assertEquals("Pvlo", user.path("displayName").asText());
        assertEquals(tree("{'formatted':'Alice Example','familyName':'Pkqf','givenName':'Gtfd'}"), user.path("name"));
        assertEquals("Eqpj" + suffix, user.path("externalId").asText());
        assertEquals(tree("{'employeeNumber':'Eqpj','department':'Sales'}"), user.path(ENTERPRISE));
        assertEquals(tree("[{'primary':true,'type':'work','value':'" + newMail + "'}]"), user.path("emails"));
        assertFalse(user.has("name.givenName"), user::toString);
        assertMatches(query("emails[type eq \"work\"].value eq \"" + newMail + "\""), 1, id);

        // g: address sub-fields one op each; an absent typed address is created once and merged; work is kept
        user = patch(USERS + "/" + id, "[{'op':'" + d.op("add") + "','path':'addresses[type eq `work`].formatted','value':'Building 43'},"
                + "{'op':'" + d.op("add") + "','path':'addresses[type eq `other`].formatted','value':'Home office'},"
                + "{'op':'" + d.op("add") + "','path':'addresses[type eq `other`].locality','value':'Kirkland'},"
                + "{'op':'" + d.op("replace") + "','path':'addresses[type eq `other`].postalCode','value':'98033'}]");
        assertEquals(tree("[{'type':'work','formatted':'Building 43','streetAddress':'1 Main Street','locality':'Redmond',"
                + "'region':'WA','postalCode':'98052','country':'US'},"
                + "{'type':'other','formatted':'Home office','locality':'Kirkland','postalCode':'98033'}]"),
                user.path("addresses"));
        user = patch(USERS + "/" + id, "[{'op':'" + d.op("replace") + "','path':'phoneNumbers[type eq `mobile`].value','value':'+1 (425) 555-0199'}]");
        assertEquals(tree("[{'type':'work','value':'+1 425 555 0100'},{'type':'mobile','value':'+1 (425) 555-0199'},"
                + "{'type':'fax','value':'+1 425 555 0102'}]"), user.path("phoneNumbers"), "values kept as sent");

        // h: the manager, a bare id, returned as an object; i: removed by manager[value eq] without the URN
        String bossId = createUser("boss." + suffix + "@contoso.com");
        user = patch(USERS + "/" + id, "[{'op':'" + d.op("add") + "','path':'" + ENTERPRISE + ":manager','value':'" + bossId + "'}]");
        assertEquals(tree("{'value':'" + bossId + "'}"), user.path(ENTERPRISE).path("manager"));
        user = patch(USERS + "/" + id, "[{'op':'remove','path':'manager[value eq `" + bossId + "`]'}]");
        assertFalse(user.path(ENTERPRISE).has("manager"), user::toString);
        assertEquals("Sales", user.path(ENTERPRISE).path("department").asText());
        user = patch(USERS + "/" + id, "[{'op':'" + d.op("add") + "','path':'" + ENTERPRISE + ":manager','value':'" + bossId + "'}]");
        user = patch(USERS + "/" + id, "[{'op':'" + d.op("replace") + "','path':'" + ENTERPRISE + ":manager','value':''}]");
        assertFalse(user.path(ENTERPRISE).has("manager"), "an empty value clears the manager: " + user);

        // j: the role, stringified in the default dialect, an object in the flag dialect
        String roles = d == Dialect.DEFAULT
                ? "[{'op':'Add','path':'roles','value':[{'value':'{`id`:`06b07648-ecfe-589f-9d2f-6325724a46ee`,"
                + "`value`:`Admin`,`displayName`:`Admin role`}'}]}]"
                : "[{'op':'replace','path':'roles','value':[{'primary':true,'type':'WindowsAzureActiveDirectoryRole',"
                + "'display':'Admin role','value':'Admin'}]}]";
        user = patch(USERS + "/" + id, roles);
        JsonNode admin = null;
        for (JsonNode role : user.path("roles")) {
            if (role.path("value").asText().equals("Admin")) {
                admin = role;
            }
        }
        assertTrue(admin != null, user::toString);
        assertEquals("Admin role", admin.path("display").asText(), user::toString);
        assertFalse(admin.has("id"), user::toString);

        // k: the old-style wrapper on a value path (default dialect only)
        if (d == Dialect.DEFAULT) {
            user = patch(USERS + "/" + id, "[{'op':'Replace','path':'emails[type eq `work`].value','value':[{'value':'" + mail + "'}]}]");
            assertEquals(tree("[{'primary':true,'type':'work','value':'" + mail + "'}]"), user.path("emails"));
            newMail = mail;
        }

        // re-asserting unchanged values succeeds
        user = patch(USERS + "/" + id, "[{'op':'" + d.op("replace") + "','path':'userName','value':'" + renamed + "'},"
                + "{'op':'" + d.op("add") + "','path':'externalId','value':'Eqpj" + suffix + "'}]");
        assertEquals(renamed, user.path("userName").asText());

        // d: disable; the match query still finds her; e: re-enable
        user = patch(USERS + "/" + id, "[{'op':'" + d.op("replace") + "','path':'active','value':" + d.bool(false) + "}]");
        assertEquals(false, user.path("active").asBoolean(true), user::toString);
        assertEquals(false, get(USERS + "/" + id).path("active").asBoolean(true));
        assertMatches("userName+eq+%22" + enc(renamed) + "%22", 1, id);
        assertMatches(query("externalId eq \"Eqpj" + suffix + "\""), 1, id);
        user = patch(USERS + "/" + id, "[{'op':'" + d.op("replace") + "','path':'active','value':" + d.bool(true) + "}]");
        assertEquals(true, user.path("active").asBoolean(false), user::toString);
        assertEquals(user, get(USERS + "/" + id), "GET returns what the last PATCH answered");

        // §3.7 hard delete, then the same user provisioned again
        Reply deleted = scim.send(scim.request(USERS + "/" + id).DELETE());
        assertEquals(204, deleted.status(), deleted::toString);
        assertScimError(scim.get(USERS + "/" + id), 404, null);
        assertMatches("userName+eq+%22" + enc(renamed) + "%22", 0);
        Reply again = scim.post(USERS, body.replace(userName, renamed));
        assertScimJson(again, 201);
        assertFalse(again.text("id").equals(id), again::toString);
        assertMatches("userName+eq+%22" + enc(renamed) + "%22", 1, again.text("id"));
    }

    // --- the group cycle ---------------------------------------------------------------------------------------

    private void groupCycle(Dialect d) throws Exception {
        tenant();
        String displayName = "Sales Team " + UUID.randomUUID().toString().substring(0, 8);
        String probe = GROUPS + "?excludedAttributes=members&filter=displayName+eq+%22" + enc(displayName).replace("+", "%20") + "%22";

        // §4.1 the probe, with no Content-Type, Accept or User-Agent of Entra's own
        Reply none = scim.send(scim.request(probe).GET());
        assertScimJson(none, 200);
        assertEquals(0, none.json().path("totalResults").asInt(-1), none::toString);

        // §4.2 create: the documented body (default), the observed one with an empty member list (flag)
        String body = j(d == Dialect.DEFAULT
                ? "{'schemas':['" + GROUP + "','" + ADSCIM_GROUP + "'],'externalId':'8aa1a0c0-" + displayName.hashCode()
                + "','displayName':'" + displayName + "','meta':{'resourceType':'Group'}}"
                : "{'schemas':['" + GROUP + "'],'externalId':'555fb2ba-" + displayName.hashCode() + "','displayName':'"
                + displayName + "','members':[],'meta':{'resourceType':'Group'}}");
        Reply created = scim.post(GROUPS, body);
        assertScimJson(created, 201);
        String group = created.text("id");
        assertEquals(displayName, created.text("displayName"));
        assertEquals(tree(body).path("externalId"), created.json().path("externalId"));

        Reply found = scim.send(scim.request(probe.replace("Sales", "SALES")).GET());
        assertScimJson(found, 200);
        assertEquals(1, found.json().path("totalResults").asInt(), found::toString);
        assertEquals(group, found.json().path("Resources").path(0).path("id").asText());
        assertFalse(found.json().path("Resources").path(0).has("members"), found::toString);

        // §4.3 members added by LeadCast id, twice (idempotent), then removed in the dialect's shape, twice
        String alice = createUser(uniqueName("alice"));
        String bob = createUser(uniqueName("bob"));
        assertPatched(GROUPS + "/" + group, "[{'op':'Add','path':'members','value':[{'$ref':null,'value':'" + alice + "'},"
                + "{'$ref':null,'value':'" + bob + "'}]}]");
        assertPatched(GROUPS + "/" + group, "[{'op':'Add','path':'members','value':[{'$ref':null,'value':'" + alice + "'}]}]");
        assertEquals(Set.of(alice, bob), members(group));
        String remove = d == Dialect.DEFAULT
                ? "[{'op':'Remove','path':'members','value':[{'$ref':null,'value':'" + alice + "'}]}]"
                : "[{'op':'remove','path':'members[value eq `" + alice + "`]'}]";
        assertPatched(GROUPS + "/" + group, remove);
        assertEquals(Set.of(bob), members(group), "only the listed member is removed");
        assertPatched(GROUPS + "/" + group, remove);
        assertEquals(Set.of(bob), members(group));

        JsonNode excluded = get(GROUPS + "/" + group + "?excludedAttributes=members");
        assertFalse(excluded.has("members"), excluded::toString);

        // rename: a path per attribute (default), path-less (flag); externalId re-asserted with Add
        assertPatched(GROUPS + "/" + group, d == Dialect.DEFAULT
                ? "[{'op':'Replace','path':'displayName','value':'" + displayName + " renamed'},"
                + "{'op':'Add','path':'externalId','value':'" + tree(body).path("externalId").asText() + "'}]"
                : "[{'op':'replace','value':{'displayName':'" + displayName + " renamed'}}]");
        assertEquals(displayName + " renamed", get(GROUPS + "/" + group).path("displayName").asText());

        // Entra sends membership changes as concurrent requests: 20 adds of 20 users to one group, all land
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(createUser(uniqueName("member" + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (String user : users) {
                replies.add(pool.submit(() -> scim.patch(GROUPS + "/" + group, j("{'schemas':['" + PATCH_OP + "'],"
                        + "'Operations':[{'op':'" + d.op("add") + "','path':'members','value':[{'$ref':null,'value':'"
                        + user + "'}]}]}"))));
            }
            for (Future<Reply> reply : replies) {
                Reply r = reply.get(120, TimeUnit.SECONDS);
                assertEquals(204, r.status(), r::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> expected = new HashSet<>(users);
        expected.add(bob);
        assertEquals(expected, members(group));

        // §4.4 delete
        Reply deleted = scim.send(scim.request(GROUPS + "/" + group).DELETE());
        assertEquals(204, deleted.status(), deleted::toString);
        assertScimError(scim.get(GROUPS + "/" + group), 404, null);
    }

    // --- Test Connection ---------------------------------------------------------------------------------------

    /** §2: a user that cannot exist, by a random GUID, without Content-Type, Accept or User-Agent. */
    private void testConnection() throws IOException {
        String path = USERS + "?filter=userName+eq+%22" + UUID.randomUUID() + "%22";

        RawReply raw = rawGet(path);
        assertEquals(200, raw.status(), raw::toString);
        assertTrue(raw.header("content-type").startsWith(Http.SCIM_JSON), raw::toString);
        assertEquals(tree("{'schemas':['urn:ietf:params:scim:api:messages:2.0:ListResponse'],'totalResults':0,"
                + "'Resources':[],'startIndex':1,'itemsPerPage':0}"), MAPPER.readTree(raw.body()));

        // the JDK client as bare as it goes: it adds only its own User-Agent
        Reply reply = scim.send(scim.request(path).GET());
        assertScimJson(reply, 200);
        assertEquals(0, reply.json().path("totalResults").asInt(-1));

        String groups = GROUPS + "?excludedAttributes=members&filter=displayName+eq+%22" + UUID.randomUUID() + "%22";
        RawReply groupProbe = rawGet(groups);
        assertEquals(200, groupProbe.status(), groupProbe::toString);
        assertTrue(groupProbe.header("content-type").startsWith(Http.SCIM_JSON), groupProbe::toString);
        assertEquals(0, MAPPER.readTree(groupProbe.body()).path("totalResults").asInt(-1));

        // whether Entra forwards the Tenant URL's feature flag is not documented: it is ignored wherever it appears
        for (String flagged : List.of(USERS + "?aadOptscim062020&filter=userName+eq+%22" + UUID.randomUUID() + "%22",
                USERS + "?filter=userName+eq+%22" + UUID.randomUUID() + "%22&aadOptscim062020",
                GROUPS + "?aadOptscim062020&excludedAttributes=members&filter=displayName+eq+%22x%22")) {
            RawReply probe = rawGet(flagged);
            assertEquals(200, probe.status(), probe::toString);
            assertEquals(0, MAPPER.readTree(probe.body()).path("totalResults").asInt(-1), probe::toString);
        }
    }

    private record RawReply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /** A GET written by hand: request line, Host, Authorization and Connection, the headers Entra sends. */
    private RawReply rawGet(String path) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            byte[] body;
            if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                    chunks.write(in.readNBytes(size));
                    line(in);
                }
                body = chunks.toByteArray();
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                body = in.readAllBytes();
            }
            return new RawReply(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    // --- helpers -----------------------------------------------------------------------------------------------



    private static String query(String filter) {
        return enc(filter);
    }

    private static void assertScimJson(Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), () -> "Content-Type " + reply.contentType());
    }

    private void assertMatches(String encodedFilter, int hits, String... ids) {
        Reply reply = scim.send(scim.request(USERS + "?filter=" + encodedFilter).GET());
        assertScimJson(reply, 200);
        assertEquals(hits, reply.json().path("totalResults").asInt(-1), () -> encodedFilter + " → " + reply);
        assertEquals(hits, reply.json().path("Resources").size(), reply::toString);
        for (int i = 0; i < ids.length; i++) {
            assertEquals(ids[i], reply.json().path("Resources").path(i).path("id").asText(), reply::toString);
        }
    }

    private JsonNode get(String path) {
        Reply reply = scim.send(scim.request(path).GET());
        assertScimJson(reply, 200);
        return reply.json();
    }

    private String createUser(String userName) {
        Reply reply = scim.post(USERS, j("{'schemas':['" + CORE + "'],'userName':'" + userName + "','active':true}"));
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }

    private Reply sendPatch(String path, String operations) {
        return scim.send(scim.request(path).header("Content-Type", "application/scim+json; charset=utf-8")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(j("{'Operations':" + operations
                        + ",'schemas':['" + PATCH_OP + "']}"))));
    }

    /** A user PATCH: 200 with the resource, which GET then returns unchanged. */
    private JsonNode patch(String path, String operations) {
        Reply reply = sendPatch(path, operations);
        assertScimJson(reply, 200);
        assertEquals(reply.json(), get(path), "what the PATCH answered is what is stored");
        return reply.json();
    }

    /** A group PATCH: 204 without a body. */
    private void assertPatched(String path, String operations) {
        Reply reply = sendPatch(path, operations);
        assertEquals(204, reply.status(), reply::toString);
        assertTrue(reply.body().isEmpty(), reply::toString);
    }

    private Set<String> members(String group) {
        Set<String> ids = new HashSet<>();
        get(GROUPS + "/" + group).path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }

    /** Every attribute sent comes back with the same value; "True"/"False" strings come back as booleans. */
    private static void assertSentValuesReturned(JsonNode sent, JsonNode returned) {
        sent.fields().forEachRemaining(field -> {
            if (field.getKey().equals("schemas") || field.getKey().equals("meta")) {
                return;
            }
            JsonNode expected = field.getValue();
            if (expected.isTextual() && (expected.asText().equals("True") || expected.asText().equals("False"))) {
                expected = MAPPER.getNodeFactory().booleanNode(expected.asText().equals("True"));
            }
            assertEquals(expected, returned.path(field.getKey()), () -> field.getKey() + " in " + returned);
        });
    }
}
