package com.leadcast.it;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests as Entra ID puts them on the wire, which java.net.http cannot send: no Accept, Content-Type or User-Agent
 * header at all, and {@code +} for spaces in the query (Entra's Test Connection and start-of-cycle probes).
 */
class RawQueryIT extends ScimTestBase {

    private String exchange(String requestLine, String token) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void entraTestConnectionWithoutOptionalHeadersGetsAnEmptyListResponse() throws Exception {
        String token = newToken(newTenant());
        String response = exchange("GET /scim/v2/Users?filter=userName+eq+%227d420df3-9995-4831-a406-ecf8166f5f6a%22 HTTP/1.1",
                token);
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.toLowerCase().contains("content-type: application/scim+json"), response);
        assertTrue(response.contains("\"totalResults\":0"), response);
    }

    @Test
    void plusSignsInTheQueryAreSpaces() throws Exception {
        String token = newToken(newTenant());
        String response = exchange("GET /scim/v2/Groups?excludedAttributes=members&filter=displayName+eq+%22Sales%22 HTTP/1.1",
                token);
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("\"totalResults\":0"), response);
    }

    @Test
    void rawBracketsAtSignsAndColonsInTheQueryAreAccepted() throws Exception {
        String token = newToken(newTenant());
        Http scim = new Http(root(), token);
        Reply created = scim.post(USERS, j("{'userName':'raw@contoso.com','emails':[{'type':'work','value':'raw@contoso.com'}],"
                + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'employeeNumber':'42'}}"));
        assertEquals(201, created.status(), created::toString);

        String byEmail = exchange("GET /scim/v2/Users?filter=emails[type+eq+%22work%22].value+eq+%22raw@contoso.com%22"
                + " HTTP/1.1", token);
        String byUrn = exchange("GET /scim/v2/Users?filter=urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:"
                + "employeeNumber+eq+%2242%22&attributes=userName HTTP/1.1", token);

        assertTrue(byEmail.startsWith("HTTP/1.1 200") && byEmail.contains("\"totalResults\":1"), byEmail);
        assertTrue(byUrn.startsWith("HTTP/1.1 200") && byUrn.contains("\"totalResults\":1"), byUrn);
    }
}
