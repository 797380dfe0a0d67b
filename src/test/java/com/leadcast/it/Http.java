package com.leadcast.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the tests: JSON bodies, a bearer token, nothing hidden. */
public final class Http {

    /** HTTP/2 where the server agrees (over http:// by the {@code h2c} upgrade): one connection for all requests. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** HTTP/1.1 only: a connection of its own for every request in flight, kept open for the next. */
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    public static final String SCIM_JSON = "application/scim+json";

    private final HttpClient client;
    private final String base;
    private final String token;
    private final String contentType;

    public Http(String base, String token) {
        this(CLIENT, base, token, SCIM_JSON);
    }

    private Http(HttpClient client, String base, String token, String contentType) {
        this.client = client;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.contentType = contentType;
    }

    /** The same client sending bodies as {@code application/json} (the admin API's media type). */
    public Http json() {
        return new Http(client, base, token, "application/json");
    }

    /**
     * The same client speaking HTTP/1.1 only, as provisioning clients do: concurrent requests go over connections
     * of their own rather than as streams of the one HTTP/2 connection the default client upgrades to.
     */
    public Http http11() {
        return new Http(HTTP_1_1, base, token, contentType);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", contentType + "; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String json) {
        return send(request(path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patch(String path, String json) {
        return send(request(path).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request with whatever the caller adds: method, headers, body. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            return Reply.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    public String base() {
        return base;
    }
}
