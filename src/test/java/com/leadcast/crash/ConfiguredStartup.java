package com.leadcast.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadcast.it.Http;
import com.leadcast.it.Reply;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provisioned server started as an operator configures it: LEADCAST_LOG_FORMAT=json makes every line after the
 * logging subsystem's start a JSON object (console and server.json.log, the access log included); the admin token
 * read from the file LEADCAST_ADMIN_TOKEN_FILE names; forwarded headers of a trusted proxy, for allowed hosts only; a
 * log format it cannot apply stops the deployment with a reason.
 */
class ConfiguredStartup {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonLogsAndASecretFromAFile() throws IOException {
        Path base = Path.of(System.getProperty("jboss.home")).resolveSibling("crash");
        Path secret = Files.createTempFile("leadcast-admin-token", "");
        String token = "file-admin-token-" + UUID.randomUUID();
        Files.writeString(secret, token + "\n");
        try (ServerProcess server = new ServerProcess(base.resolve("configured-json"), Map.of(
                "LEADCAST_LOG_FORMAT", "json", "LEADCAST_ADMIN_TOKEN_FILE", secret.toString(),
                "LEADCAST_TRUSTED_PROXIES", "127.0.0.1", "LEADCAST_ALLOWED_HOSTS", "127.0.0.1,scim.example.com"))) {
            server.start();
            Http admin = new Http(server.root(), token).json();
            Reply created = admin.post("/admin/v1/tenants", "{\"name\":\"Configured\"}");
            assertEquals(201, created.status(), created::toString);
            assertEquals(401, new Http(server.root(), System.getProperty("it.admin.token")).json()
                    .get("/admin/v1/tenants").status(), "the file's token replaces the environment's");

            // behind a trusted proxy (127.0.0.1): its forwarded headers make the URLs, of allowed hosts only
            Reply proxied = admin.send(admin.request("/admin/v1/tenants").header("Content-Type", "application/json")
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "scim.example.com")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Proxied\"}")));
            assertEquals(201, proxied.status(), proxied::toString);
            assertEquals("https://scim.example.com/scim/v2", proxied.text("scimBaseUrl"));
            assertTrue(proxied.header("Location").orElse("").startsWith("https://scim.example.com/admin/v1/tenants/"),
                    proxied::toString);
            Reply foreign = admin.send(admin.request("/admin/v1/tenants").header("Content-Type", "application/json")
                    .header("X-Forwarded-Host", "evil.example")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Foreign\"}")));
            assertEquals(400, foreign.status(), foreign::toString);
            assertTrue(foreign.text("detail").contains("does not answer for the host 'evil.example'"), foreign::toString);

            List<JsonNode> console = jsonLinesAfterBoot(server.console());
            JsonNode startup = console.stream().filter(l -> l.path("message").asText()
                    .startsWith("Leadcast SCIM is serving")).findFirst().orElseThrow(() -> new AssertionError(
                    "no JSON startup line in " + server.console()));
            assertTrue(startup.path("message").asText().endsWith("log format json"), startup::toString);
            assertEquals("INFO", startup.path("level").asText());
            assertTrue(startup.path("timestamp").asText().endsWith("Z"), startup::toString);
            awaitAccessLine(server);
            List<JsonNode> file = jsonLinesAfterBoot(server.log("server.json.log"));
            assertTrue(file.stream().anyMatch(l -> l.path("message").asText().startsWith("Leadcast SCIM is serving")));
            assertFalse(Files.readString(server.console()).contains(token), "the token is never logged");
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void aLogFormatTheServerCannotApplyStopsTheDeploymentSayingWhy() {
        Path base = Path.of(System.getProperty("jboss.home")).resolveSibling("crash");
        try (ServerProcess server = new ServerProcess(base.resolve("configured-xml"),
                Map.of("LEADCAST_LOG_FORMAT", "xml"))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, server::start);
            assertTrue(refused.getMessage().contains("LEADCAST_LOG_FORMAT is 'xml': give text (the default) or json"),
                    refused.getMessage());
        }
    }

    /** The access log's line of the tenant creation, as JSON, in the console (written through a queue). */
    private static void awaitAccessLine(ServerProcess server) throws IOException {
        for (int wait = 0; wait < 50; wait++) {
            if (jsonLinesAfterBoot(server.console()).stream().anyMatch(l -> l.path("loggerName").asText()
                    .equals("com.leadcast.access") && l.path("message").asText().contains("method=POST path=/admin/v1/tenants status=201"))) {
                return;
            }
            ServerProcess.sleep(100);
        }
        throw new AssertionError("no JSON access-log line of POST /admin/v1/tenants in " + server.console());
    }

    /**
     * The lines after the logging subsystem took over, each of which must be a JSON object (before it, the
     * boot logger writes what the previous start's configuration said).
     */
    private static List<JsonNode> jsonLinesAfterBoot(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        int first = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{")) {
                first = i;
                break;
            }
        }
        return lines.subList(first, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
    }
}
