package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MicroProfile Health on the management interface, without credentials: liveness, and readiness with the
 * {@code database} check (its DOWN while the database is unreachable is proven by the PostgreSQL outage of
 * {@code com.leadcast.crash.DatabaseOutageCrash}).
 */
class HealthIT extends ScimTestBase {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> management(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + System.getProperty("it.management.port") + path);
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theServerIsLive() throws Exception {
        HttpResponse<String> live = management("/health/live");
        assertEquals(200, live.statusCode(), live::body);
        assertEquals("UP", new ObjectMapper().readTree(live.body()).path("status").asText(), live.body());
    }

    @Test
    void itIsReadyWithTheDatabaseCheckUp() throws Exception {
        HttpResponse<String> ready = management("/health/ready");
        assertEquals(200, ready.statusCode(), ready::body);
        JsonNode body = new ObjectMapper().readTree(ready.body());
        assertEquals("UP", body.path("status").asText(), ready.body());
        boolean database = false;
        for (JsonNode check : body.path("checks")) {
            if (check.path("name").asText().equals("database")) {
                database = true;
                assertEquals("UP", check.path("status").asText(), ready.body());
            }
        }
        assertTrue(database, () -> "no database check in " + ready.body());
    }
}
