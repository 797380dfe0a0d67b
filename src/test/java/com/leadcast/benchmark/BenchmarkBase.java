package com.leadcast.benchmark;

import com.leadcast.it.Http;
import com.leadcast.it.ScimTestBase;

/**
 * The base of every benchmark: the deployment and tenants of {@link ScimTestBase}, with tenant clients that speak
 * {@code -Dbenchmark.http=1.1} (the default) or {@code 2}. Over HTTP/1.1, N concurrent clients hold N connections,
 * as N provisioning jobs do; the test suite's default client upgrades to HTTP/2 ({@code h2c}) and sends every
 * request of the JVM as a stream of one connection, which is not how provisioning clients meet the server.
 */
abstract class BenchmarkBase extends ScimTestBase {

    private static final boolean HTTP_1_1 = !"2".equals(System.getProperty("benchmark.http", "1.1"));

    @Override
    protected Http newTenantClient() {
        Http client = super.newTenantClient();
        return HTTP_1_1 ? client.http11() : client;
    }

    /** The protocol {@code scim}'s requests go over, as negotiated ({@code HTTP_1_1}, {@code HTTP_2}). */
    static String protocolOf(Http scim) {
        return scim.get("/scim/v2/ServiceProviderConfig").raw().version().toString();
    }
}
