package com.leadcast.benchmark;

import com.leadcast.it.Http;
import com.leadcast.it.Reply;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Microsoft Entra ID's provisioning cycle for one new user, as its logs show it: the match query on
 * {@code userName}, the create, an update PATCH in Entra's default dialect (capitalised {@code op}, a boolean sent as
 * the string "True", a value-filtered path), then the user joins a group by a PATCH adding one member. Each of the
 * four requests has its own {@link RequestTimer}, shared by every client thread that provisions through this cycle.
 */
final class EntraCycle {

    private static final String USERS = "/scim/v2/Users";
    private static final String GROUPS = "/scim/v2/Groups";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final RequestTimer match = new RequestTimer("match: GET /Users?filter=userName eq");
    private final RequestTimer create = new RequestTimer("create: POST /Users");
    private final RequestTimer update = new RequestTimer("update: PATCH /Users (Entra dialect)");
    private final RequestTimer join = new RequestTimer("group: PATCH add member");

    /** Provisions user {@code n}, named {@code userName}, and adds it to {@code group}; the create's failure ends it. */
    void provision(Http scim, String group, String userName, int n) {
        match.time(200, () -> scim.get(USERS + "?filter="
                + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8)));
        Reply created = create.time(201, () -> scim.post(USERS, user(userName, n)));
        if (created.status() != 201) {
            return;
        }
        String id = created.text("id");
        update.time(200, () -> scim.patch(USERS + "/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":["
                + "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Bench N" + n + "\"},"
                + "{\"op\":\"Add\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\",\"value\":\"+1 555 " + n + "\"},"
                + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]}"));
        join.time(204, () -> scim.patch(GROUPS + "/" + group, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":["
                + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}"));
    }

    /** The four requests' timers, in the order of the cycle. */
    List<RequestTimer> timers() {
        return List.of(match, create, update, join);
    }

    int requests() {
        return timers().stream().mapToInt(RequestTimer::requests).sum();
    }

    int errors() {
        return timers().stream().mapToInt(RequestTimer::errors).sum();
    }

    /** All four requests' latencies as one sample. */
    Latencies latencies() {
        return Latencies.merged(timers().stream().map(RequestTimer::latencies).toList());
    }

    private static String user(String userName, int n) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"userName\":\"" + userName + "\","
                + "\"externalId\":\"ext-" + n + "\",\"active\":true,\"displayName\":\"Bench " + n + "\","
                + "\"title\":\"Engineer " + n + "\",\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\""
                + userName + "\"}],\"name\":{\"givenName\":\"B\",\"familyName\":\"N" + n + "\"},"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"D" + (n % 20)
                + "\"}}";
    }
}
