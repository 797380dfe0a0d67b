package com.leadcast.it;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server: how many SQL statements each kind of SCIM request prepares once the caches are warm, counted
 * by Hibernate's statistics over 20 requests of each kind in windows of 5 — a regression guard for round trips that
 * do not depend on the request (authentication, tenant settings, app roles: none) and for writes that rewrite what did not change.
 * It prints its figures ({@code [statements]}) to the server log; a batch of inserts is one prepared statement.
 */
@ExtendWith(ArquillianExtension.class)
class StatementCountIT {

    private static final int REPEATS = 20;
    /**
     * Requests counted together. A cache refresh (each cached value is read again 5 s after it was read, see
     * {@code com.leadcast.cache}) adds a statement to a window now and then, more often on a slow machine: the
     * fewest per request in any window is what a request itself costs (CI once counted 2.1 for GET's 2).
     */
    private static final int WINDOW = 5;
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClasses(StatementCountIT.class, Http.class, Reply.class);
    }

    @ArquillianResource
    URL base;

    @PersistenceUnit(unitName = "scim")
    EntityManagerFactory emf;

    @Test
    void eachRequestPreparesFewStatementsAndNoneForWhatIsCached() {
        String root = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        Http admin = new Http(root, System.getenv("LEADCAST_ADMIN_TOKEN")).json();
        String tenant = admin.post("/admin/v1/tenants", "{\"name\":\"statements\"}").text("id");
        Http scim = new Http(root, admin.post("/admin/v1/tenants/" + tenant + "/tokens", "{\"label\":\"s\"}")
                .text("token"));
        String[] ids = new String[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            ids[i] = scim.post("/scim/v2/Users", user("seed" + i)).text("id");
        }
        String group = scim.post("/scim/v2/Groups", "{\"displayName\":\"statements\"}").text("id");

        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("GET /ServiceProviderConfig", new Call(200, 0, n -> scim.get("/scim/v2/ServiceProviderConfig")));
        calls.put("GET /Users/{id}", new Call(200, 2, n -> scim.get("/scim/v2/Users/" + ids[n])));
        calls.put("filter userName eq", new Call(200, 2, n -> scim.get("/scim/v2/Users?filter="
                + enc("userName eq \"seed" + n + "@example.com\""))));
        calls.put("filter emails[type eq \"work\"].value eq", new Call(200, 2, n -> scim.get("/scim/v2/Users?filter="
                + enc("emails[type eq \"work\"].value eq \"seed" + n + "@example.com\""))));
        // every write also inserts its audit entry, in its own transaction (com.leadcast.audit): one statement more
        calls.put("PATCH (2 replaces)", new Call(200, 6, n -> scim.patch("/scim/v2/Users/" + ids[n],
                "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\","
                        + "\"value\":\"Changed " + n + "\"},{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"T" + n
                        + "\"}]}")));
        calls.put("POST /Users", new Call(201, 3, n -> scim.post("/scim/v2/Users", user("new" + n))));
        calls.put("PATCH group: add a member", new Call(204, 6, n -> scim.patch("/scim/v2/Groups/" + group,
                "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Add\",\"path\":\"members\","
                        + "\"value\":[{\"value\":\"" + ids[n] + "\"}]}]}")));

        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        StringBuilder report = new StringBuilder();
        try {
            for (Map.Entry<String, Call> entry : calls.entrySet()) {
                Call call = entry.getValue();
                double perCall = Double.MAX_VALUE;
                long all = 0;
                statistics.setStatisticsEnabled(true);
                for (int window = 0; window < REPEATS / WINDOW; window++) {
                    statistics.clear();
                    for (int n = window * WINDOW; n < (window + 1) * WINDOW; n++) {
                        Reply reply = call.request().apply(n);
                        assertEquals(call.status(), reply.status(), entry.getKey() + ": " + reply);
                    }
                    all += statistics.getPrepareStatementCount();
                    perCall = Math.min(perCall, statistics.getPrepareStatementCount() / (double) WINDOW);
                }
                statistics.setStatisticsEnabled(false);
                report.append(String.format("%n  %-42s %5.2f statements (at most %d; %.2f with cache refreshes)",
                        entry.getKey(), perCall, call.budget(), all / (double) REPEATS));
                assertTrue(perCall <= call.budget(), entry.getKey() + ": " + perCall + " statements per request");
            }
        } finally {
            statistics.setStatisticsEnabled(false);
            System.out.println("[statements] per request, caches warm:" + report);
        }
    }

    private record Call(int status, int budget, IntFunction<Reply> request) {
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String user(String name) {
        return "{\"userName\":\"" + name + "@example.com\",\"externalId\":\"" + name + "\",\"active\":true,"
                + "\"displayName\":\"" + name + "\",\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\""
                + name + "@example.com\"}],\"name\":{\"givenName\":\"S\",\"familyName\":\"C\"}}";
    }
}
