package com.leadcast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.util.Optional;

/** An HTTP answer as the tests read it. */
public record Reply(int status, HttpResponse<String> raw, JsonNode json) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Reply of(HttpResponse<String> response) {
        JsonNode json = null;
        String body = response.body();
        if (body != null && !body.isBlank() && (body.startsWith("{") || body.startsWith("["))) {
            try {
                json = MAPPER.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("Response body is not JSON: " + body, e);
            }
        }
        return new Reply(response.statusCode(), response, json);
    }

    public Optional<String> header(String name) {
        return raw.headers().firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public String body() {
        return raw.body();
    }

    public String text(String field) {
        return json.path(field).asText();
    }

    @Override
    public String toString() {
        return status + " " + raw.body();
    }
}
