package com.leadcast.rest;

import com.leadcast.scim.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link OriginPolicy}: the public URL, forwarded headers from trusted proxies only, and the allowed hosts. */
class OriginPolicyTest {

    private static OriginPolicy policy(String... settings) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            variables.put(settings[i], settings[i + 1]);
        }
        return OriginPolicy.read(variables::get);
    }

    private static OriginPolicy.Request request(String peer, String proto, String host, String port) {
        return new OriginPolicy.Request("http", "10.1.1.1", 8080, peer, proto, host, port);
    }

    @Test
    void withoutSettingsTheRequestSaysAndForwardedHeadersAreIgnored() {
        OriginPolicy policy = policy();
        assertEquals("http://10.1.1.1:8080", policy.origin(request("203.0.113.9", null, null, null)));
        assertEquals("http://10.1.1.1:8080", policy.origin(request("127.0.0.1", "https", "evil.example", "443")));
        assertEquals("https://scim.example", policy.origin(new OriginPolicy.Request("https", "scim.example", 443,
                "1.2.3.4", null, null, null)));
    }

    @Test
    void thePublicUrlWinsOverEverything() {
        OriginPolicy policy = policy("LEADCAST_PUBLIC_URL", "https://acme.leadcast.app/",
                "LEADCAST_TRUSTED_PROXIES", "0.0.0.0/0", "LEADCAST_ALLOWED_HOSTS", "other.example");
        assertEquals("https://acme.leadcast.app", policy.origin(request("127.0.0.1", "http", "evil.example", "81")));
    }

    @Test
    void forwardedHeadersOfATrustedProxyAreHonouredFirstValueFirst() {
        OriginPolicy policy = policy("LEADCAST_TRUSTED_PROXIES", "10.0.0.5, 192.168.0.0/16,::1");
        assertEquals("https://scim.acme.com", policy.origin(request("10.0.0.5", "https", "scim.acme.com", null)));
        assertEquals("https://scim.acme.com:8443", policy.origin(request("192.168.77.2", "https, http",
                "scim.acme.com:8443, internal", null)));
        assertEquals("https://scim.acme.com:9443", policy.origin(request("0:0:0:0:0:0:0:1", "https", "scim.acme.com",
                "9443")));
        assertEquals("http://10.1.1.1:8080", policy.origin(request("10.0.0.6", "https", "scim.acme.com", null)),
                "an address outside the ranges is not trusted");
        assertEquals("http://10.1.1.1:8080", policy.origin(request("10.0.0.5", "gopher", "bad host/x", "99999")),
                "values that cannot be right are ignored");
    }

    @Test
    void aHostOutsideTheAllowedOnesIsRefused() {
        OriginPolicy policy = policy("LEADCAST_ALLOWED_HOSTS", "scim.acme.com,LOCALHOST",
                "LEADCAST_TRUSTED_PROXIES", "127.0.0.1");
        assertEquals("http://localhost:8080", policy.origin(new OriginPolicy.Request("http", "localhost", 8080,
                "1.2.3.4", null, null, null)));
        assertEquals("https://scim.acme.com", policy.origin(request("127.0.0.1", "https", "scim.acme.com", null)));
        ScimException refused = assertThrows(ScimException.class, () -> policy.origin(request("1.2.3.4", null, null,
                null)));
        assertEquals(400, refused.status());
        assertTrue(refused.detail().startsWith("This server does not answer for the host '10.1.1.1'"),
                refused.detail());
        assertThrows(ScimException.class, () -> policy.origin(request("127.0.0.1", null, "evil.example", null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LEADCAST_PUBLIC_URL=ftp://x", "LEADCAST_PUBLIC_URL=https://x.com/scim",
            "LEADCAST_PUBLIC_URL=acme.com", "LEADCAST_TRUSTED_PROXIES=proxy.internal",
            "LEADCAST_TRUSTED_PROXIES=10.0.0.0/33", "LEADCAST_ALLOWED_HOSTS=https://scim.acme.com",
            "LEADCAST_ALLOWED_HOSTS=scim.acme.com:443"})
    void settingsThatCannotBeRightAreRefusedNamingThem(String setting) {
        String[] parts = setting.split("=", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> policy(parts[0], parts[1]));
        assertTrue(e.getMessage().startsWith(parts[0]), e.getMessage());
    }
}
