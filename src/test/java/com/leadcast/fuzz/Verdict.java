package com.leadcast.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What the fuzzer requires of every answer: no 5xx (but {@code 501}, the designed answer of {@code /Me}), every error
 * a SCIM error body (RFC 7644 §3.12: {@code application/scim+json}, the Error schema, {@code status} equal to the HTTP
 * status) — {@code 429} and {@code 503} included — and an answer within {@value #MAX_MILLIS} ms. The one error that
 * is not ours: the listener's empty {@code 400} for a request head over {@value #LISTENER_HEADER_LIMIT} bytes.
 */
public final class Verdict {

    /** {@code max-header-size} of the HTTP listener (wildfly-config/leadcast-scim.cli). */
    static final int LISTENER_HEADER_LIMIT = 32 * 1024;

    /** What the HTTP client adds to a request head (Host, User-Agent, Content-Length, ...), generously. */
    private static final int HEAD_MARGIN = 1024;

    /** Slower answers fail the run. */
    public static final long MAX_MILLIS = 5000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private Verdict() {
    }

    /** The problem with {@code response} to {@code request}, if any. */
    public static Optional<String> of(FuzzRequest request, HttpResponse<byte[]> response, long millis) {
        if (millis > MAX_MILLIS) {
            return Optional.of("took " + millis + " ms (limit " + MAX_MILLIS + " ms), status " + response.statusCode());
        }
        int status = response.statusCode();
        if (status >= 500 && status != 501) {
            return Optional.of(status + " " + scimErrorProblem(response).map(p -> "(" + p + ") ").orElse("")
                    + shown(response));
        }
        if (status < 400 || request.method().equals("HEAD")) {
            return Optional.empty();
        }
        if (status == 400 && response.body().length == 0 && headSize(request) > LISTENER_HEADER_LIMIT - HEAD_MARGIN) {
            // the listener's documented refusal of an over-long request head (README: Connections and request
            // limits), answered by Undertow before any code of ours runs
            return Optional.empty();
        }
        return scimErrorProblem(response).map(problem -> status + " is no SCIM error: " + problem + "; "
                + shown(response));
    }

    /** The request line and headers, in bytes, as the client sends them (without the client's own headers). */
    private static int headSize(FuzzRequest request) {
        int size = request.method().length() + request.path().getBytes(StandardCharsets.UTF_8).length + 12;
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            size += header.getKey().length() + header.getValue().getBytes(StandardCharsets.UTF_8).length + 4;
        }
        return size;
    }

    private static Optional<String> scimErrorProblem(HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/scim+json")) {
            return Optional.of("Content-Type '" + contentType + "'");
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(response.body());
        } catch (Exception e) {
            return Optional.of("body is not JSON");
        }
        if (body == null || !body.path("schemas").isArray() || !ERROR.equals(body.path("schemas").path(0).asText())) {
            return Optional.of("schemas is not [" + ERROR + "]");
        }
        if (!String.valueOf(response.statusCode()).equals(body.path("status").asText())) {
            return Optional.of("status \"" + body.path("status").asText() + "\"");
        }
        if (body.path("detail").asText().isBlank()) {
            return Optional.of("no detail");
        }
        return Optional.empty();
    }

    private static String shown(HttpResponse<byte[]> response) {
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
