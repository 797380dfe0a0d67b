package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every failure of the SCIM API is an {@code application/scim+json} SCIM error (RFC 7644 §3.12), never an HTML page
 * or an empty body, whatever layer refuses the request: JSON parsing, JAX-RS matching, media types, authentication.
 */
class ErrorHandlingIT extends ScimTestBase {

    @Test
    void malformedJsonIsInvalidSyntax() {
        Http scim = newTenantClient();
        assertScimError(scim.post(GROUPS, "{\"displayName\":"), 400, "invalidSyntax");
        assertScimError(scim.post(GROUPS, "{displayName: \"x\"}"), 400, "invalidSyntax");
        assertScimError(scim.post(USERS, "{\"userName\":\"a@example.com\",}"), 400, "invalidSyntax");
        String group = createGroup(scim);
        assertScimError(scim.patch(GROUPS + "/" + group, "{\"Operations\":[{\"op\":\"add\""), 400, "invalidSyntax");
        assertScimError(scim.put(GROUPS + "/" + group, "not json at all"), 400, "invalidSyntax");
    }

    @Test
    void bodyThatIsNotAJsonObjectIs400() {
        Http scim = newTenantClient();
        for (String body : new String[]{"\"displayName\"", "[{\"displayName\":\"x\"}]", "42", "true", "null"}) {
            Reply reply = scim.post(GROUPS, body);
            assertScimError(reply, 400, "invalidSyntax");
        }
        String group = createGroup(scim);
        assertScimError(scim.patch(GROUPS + "/" + group, "[{\"op\":\"add\",\"path\":\"externalId\",\"value\":\"x\"}]"),
                400, "invalidSyntax");
        assertEquals(1, scim.get(GROUPS).json().path("totalResults").asInt(), "nothing was created");
    }

    @Test
    void emptyBodyIs400() {
        Http scim = newTenantClient();
        assertScimError(scim.post(GROUPS, ""), 400, "invalidSyntax");
        assertScimError(scim.post(USERS, ""), 400, "invalidSyntax");
        String group = createGroup(scim);
        assertScimError(scim.patch(GROUPS + "/" + group, ""), 400, "invalidSyntax");
        assertScimError(scim.put(GROUPS + "/" + group, ""), 400, "invalidSyntax");
    }

    @Test
    void duplicateJsonKeysAre400AndChangeNothing() {
        Http scim = newTenantClient();
        String first = "First " + UUID.randomUUID();
        String second = "Second " + UUID.randomUUID();
        assertScimError(scim.post(GROUPS, "{\"displayName\":\"" + first + "\",\"displayName\":\"" + second + "\"}"),
                400, "invalidSyntax");
        assertEquals(0, scim.get(GROUPS).json().path("totalResults").asInt(), "nothing was created");

        assertScimError(scim.post(USERS, "{\"userName\":\"a@example.com\",\"name\":{\"givenName\":\"A\","
                + "\"givenName\":\"B\"}}"), 400, "invalidSyntax");
        assertEquals(0, scim.get(USERS).json().path("totalResults").asInt(), "nothing was created");
    }

    @Test
    void wrongMethodIs405WithAllowHeader() {
        Http scim = newTenantClient();
        String group = createGroup(scim);

        Reply deleteCollection = scim.delete(GROUPS);
        assertScimError(deleteCollection, 405, null);
        String allow = deleteCollection.header("Allow").orElse("");
        assertTrue(allow.contains("GET") && allow.contains("POST") && !allow.contains("DELETE"),
                () -> "Allow: " + allow);

        assertScimError(scim.put(USERS, "{\"userName\":\"x@example.com\"}"), 405, null);
        assertScimError(scim.post(GROUPS + "/" + group, "{\"displayName\":\"x\"}"), 405, null);
        assertScimError(scim.patch("/scim/v2/ServiceProviderConfig", "{}"), 405, null);
        assertEquals(200, scim.get(GROUPS + "/" + group).status(), "the group is untouched");
    }

    @Test
    void unsupportedContentTypeIs415() {
        Http scim = newTenantClient();
        for (String type : new String[]{"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
            Reply reply = scim.send(scim.request(GROUPS).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"" + UUID.randomUUID() + "\"}")));
            assertScimError(reply, 415, null);
        }
        assertEquals(0, scim.get(GROUPS).json().path("totalResults").asInt(), "nothing was created");
    }

    @Test
    void jsonScimJsonAndMissingContentTypeAreAllAccepted() {
        Http scim = newTenantClient();
        for (String type : new String[]{"application/scim+json; charset=utf-8", "application/json", null}) {
            HttpRequest.Builder request = scim.request(GROUPS)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"" + UUID.randomUUID() + "\"}"));
            if (type != null) {
                request.header("Content-Type", type);
            }
            Reply reply = scim.send(request);
            assertEquals(201, reply.status(), () -> type + ": " + reply);
            assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
        }
    }

    @Test
    void anyAcceptHeaderGetsScimJsonNeverA406() {
        Http scim = newTenantClient();
        for (String accept : new String[]{"application/xml", "text/html", "application/json", "*/*"}) {
            Reply reply = scim.send(scim.request(USERS + "?filter=userName+eq+%22" + UUID.randomUUID() + "%22")
                    .header("Accept", accept).GET());
            assertEquals(200, reply.status(), () -> accept + ": " + reply);
            assertTrue(reply.contentType().startsWith(Http.SCIM_JSON), reply::contentType);
        }
        Reply error = scim.send(scim.request(GROUPS + "/" + UUID.randomUUID()).header("Accept", "text/html").GET());
        assertScimError(error, 404, null);
    }

    @Test
    void unknownPathUnderTheScimBaseIsAScimNotFound() {
        Http scim = newTenantClient();
        String group = createGroup(scim);
        assertScimError(scim.get("/scim/v2/Devices"), 404, null);
        assertScimError(scim.get("/scim/v2"), 404, null);
        assertScimError(scim.get(GROUPS + "/" + group + "/members"), 404, null);
        assertScimError(scim.post("/scim/v2/Devices", "{}"), 404, null);
        assertScimError(scim.get("/scim/v1/Users"), 404, null);
    }

    @Test
    void queryStringWithPercentTwentyPlusAndPercentTwentyTwoIsDecoded() {
        Http scim = newTenantClient();
        String suffix = UUID.randomUUID().toString();
        String group = scim.post(GROUPS, "{\"displayName\":\"Sales Team " + suffix + "\"}").text("id");

        URI uri = URI.create(scim.base() + GROUPS + "?excludedAttributes=members&filter=displayName%20eq+%22Sales+Team%20"
                + suffix + "%22");
        Reply reply = scim.send(scim.request("").uri(uri).GET());

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, reply.json().path("totalResults").asInt(), reply::toString);
        assertEquals(group, reply.json().path("Resources").path(0).path("id").asText());
    }

    @Test
    void rawBracketsInTheQueryStringReachTheFilterParser() throws IOException {
        Http scim = newTenantClient();
        String name = "[Ops] " + UUID.randomUUID();
        String group = scim.post(GROUPS, "{\"displayName\":\"" + name + "\"}").text("id");

        // written byte for byte: '[' and ']' not percent-encoded, as some clients send them
        RawReply reply = rawGet(GROUPS + "?excludedAttributes=members&filter=displayName+eq+%22" + name.replace(" ", "+")
                + "%22", scimToken(scim));

        assertEquals(200, reply.status, reply::toString);
        assertTrue(reply.contentType.startsWith(Http.SCIM_JSON), reply::toString);
        JsonNode body = new ObjectMapper().readTree(reply.body);
        assertEquals(1, body.path("totalResults").asInt(), reply::toString);
        assertEquals(group, body.path("Resources").path(0).path("id").asText());
    }

    @Test
    void missingOrWrongTokenIsA401ScimErrorBody() {
        for (Http client : new Http[]{new Http(root(), null), new Http(root(), "lcs_" + UUID.randomUUID())}) {
            for (Reply reply : new Reply[]{client.get(USERS), client.post(GROUPS, "{\"displayName\":\"x\"}"),
                    client.patch(GROUPS + "/" + UUID.randomUUID(), "{}"), client.delete(USERS + "/" + UUID.randomUUID()),
                    client.get("/scim/v2/ServiceProviderConfig")}) {
                JsonNode error = assertScimError(reply, 401, null);
                assertFalse(error.has("scimType"), reply::toString);
                assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith("Bearer realm="), reply::toString);
                assertFalse(reply.body().contains("<html"), reply::toString);
            }
        }
        Reply notBearer = new Http(root(), null).send(new Http(root(), null).request(USERS)
                .header("Authorization", "Basic dXNlcjpwYXNz").GET());
        assertScimError(notBearer, 401, null);
    }

    @Test
    void filterLongerThan8192CharactersIsInvalidFilter() {
        Http scim = newTenantClient();
        String tooLong = "displayName eq \"" + "x".repeat(8200) + "\"";
        JsonNode error = assertScimError(scim.get(GROUPS + "?filter=" + enc(tooLong)), 400, "invalidFilter");
        assertTrue(error.path("detail").asText().contains("8192"), error::toString);
        assertScimError(scim.post(GROUPS + "/.search", "{\"filter\":\"" + tooLong.replace("\"", "\\\"") + "\"}"),
                400, "invalidFilter");

        String longest = "displayName eq \"" + "y".repeat(8192 - 17) + "\"";
        assertEquals(8192, longest.length());
        Reply accepted = scim.get(GROUPS + "?filter=" + enc(longest));
        assertEquals(200, accepted.status(), accepted::toString);
        assertEquals(0, accepted.json().path("totalResults").asInt());
    }

    @Test
    void invalidPagingParametersAreScimErrors() {
        Http scim = newTenantClient();
        assertScimError(scim.get(GROUPS + "?startIndex=abc"), 400, "invalidValue");
        assertScimError(scim.get(GROUPS + "?count=many"), 400, "invalidValue");
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private static String createGroup(Http scim) {
        Reply reply = scim.post(GROUPS, "{\"displayName\":\"G " + UUID.randomUUID() + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.text("id");
    }


    /** The bearer token a client sends (read back from a request it builds). */
    private static String scimToken(Http scim) {
        return scim.request("/").build().headers().firstValue("Authorization").orElseThrow().substring(7);
    }

    private record RawReply(int status, String contentType, String body) {
    }

    /** A GET written byte for byte, so that the request line carries exactly {@code pathAndQuery}. */
    private RawReply rawGet(String pathAndQuery, String token) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            String response = buffer.toString(StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String head = headerEnd < 0 ? response : response.substring(0, headerEnd);
            String body = headerEnd < 0 ? "" : response.substring(headerEnd + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = "";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                }
                if (line.toLowerCase().startsWith("transfer-encoding:") && line.toLowerCase().contains("chunked")) {
                    body = dechunk(body);
                }
            }
            return new RawReply(status, contentType, body);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", pos);
            int size = Integer.parseInt(chunked.substring(pos, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            pos = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
