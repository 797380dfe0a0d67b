package com.leadcast.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcast.it.Http;
import com.leadcast.it.Reply;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wildfly-config/install.sh} onto the stock WildFly distribution of Maven Central (the pom's version, unpacked
 * by the crash profile): installed twice, it leaves the same configuration and modules; the server then starts with
 * nothing to reload and serves health, metrics, the admin API and SCIM; a server that runs is not installed onto.
 */
class StockWildFlyInstall {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void installedTwiceOnAStockWildFlyItServesAtOnce() throws Exception {
        Path stock = Path.of(System.getProperty("stock.wildfly.home"));
        Path home = Path.of(System.getProperty("jboss.home")).resolveSibling("crash").resolve("stock-wildfly");
        ServerProcess.deleteTree(home);
        copyTree(stock, home);
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            // an unpacked archive may have lost the scripts' mode
            scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
        }
        Path config = home.resolve("standalone/configuration/standalone.xml");

        assertEquals(0, install(home).exit(), () -> "first install failed");
        String first = Files.readString(config);
        String module = Files.readString(home.resolve("modules/org/postgresql/main/module.xml"));
        Install second = install(home);
        assertEquals(0, second.exit(), second::output);
        assertEquals(first, Files.readString(config), "a second install leaves the same configuration");
        assertEquals(module, Files.readString(home.resolve("modules/org/postgresql/main/module.xml")));
        assertTrue(second.output().contains("Leadcast SCIM is installed in " + home), second::output);

        int offset = Integer.getInteger("it.port.offset") + 30;
        String adminToken = System.getProperty("it.admin.token");
        try (ServerProcess server = ServerProcess.installed(home, offset, Map.of())) {
            server.start();
            assertEquals(200, status(server.management() + "/health/ready"), "ready without a reload");

            Http admin = new Http(server.root(), adminToken).json();
            String tenant = admin.post("/admin/v1/tenants", "{\"name\":\"Stock\"}").text("id");
            Http scim = new Http(server.root(), admin.post("/admin/v1/tenants/" + tenant + "/tokens",
                    "{\"label\":\"smoke\"}").text("token"));
            Reply user = scim.post("/scim/v2/Users", "{\"userName\":\"stock@example.com\"}");
            assertEquals(201, user.status(), user::toString);
            assertEquals(200, scim.get("/scim/v2/Users/" + user.text("id")).status());
            JsonNode audit = admin.get("/admin/v1/tenants/" + tenant + "/audit?action=create").json();
            assertEquals(user.text("id"), audit.path("entries").path(0).path("resourceId").asText(), audit::toString);
            String metrics = body(server.management() + "/metrics");
            assertTrue(metrics.contains("leadcast_scim_requests_total"), "Micrometer's /metrics");
            assertTrue(metrics.contains("datasources_pool"), "the pool's statistics");
            assertEquals(404, status(server.root() + "/"), "no welcome page at the application's root");

            Install refused = install(home);
            assertNotEquals(0, refused.exit(), "installing onto a running server is refused");
            assertTrue(refused.output().contains("is running: stop it first"), refused::output);
        }
    }

    private record Install(int exit, String output) {
    }

    private static Install install(Path home) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("user.dir"), "wildfly-config", "install.sh");
        Path output = Files.createTempFile("install", ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), home.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("JAVA_OPTS");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("install.sh did not end within 5 minutes");
        }
        String text = Files.readString(output);
        Files.delete(output);
        return new Install(process.exitValue(), text);
    }

    private static int status(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String body(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
