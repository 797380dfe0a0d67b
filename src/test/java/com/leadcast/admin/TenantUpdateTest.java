package com.leadcast.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.tenant.RateLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TenantUpdate}: the body of PATCH /admin/v1/tenants/{id}, with rateLimit absent, null or an object. */
class TenantUpdateTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static TenantUpdate of(String json) throws Exception {
        return TenantUpdate.of((ObjectNode) MAPPER.readTree(json.replace('\'', '"')));
    }

    private static String refusal(String json) {
        ScimException e = assertThrows(ScimException.class, () -> of(json));
        assertEquals(400, e.status());
        assertEquals(ScimType.INVALID_VALUE, e.scimType());
        return e.detail();
    }

    @Test
    void anAbsentRateLimitIsKept() throws Exception {
        TenantUpdate update = of("{'roleMapping':'multiple'}");
        assertEquals(Optional.of("multiple"), update.roleMapping());
        assertFalse(update.rateLimitGiven());
    }

    @Test
    void aNullRateLimitReturnsToTheDefault() throws Exception {
        TenantUpdate update = of("{'rateLimit':null}");
        assertTrue(update.rateLimitGiven());
        assertNull(update.rateLimit());
        assertEquals(Optional.empty(), update.roleMapping());
    }

    @Test
    void aRateLimitObjectIsTheTenantsOwnLimit() throws Exception {
        assertEquals(new RateLimit(5, 10), of("{'rateLimit':{'requestsPerSecond':5,'burst':10}}").rateLimit());
        assertEquals(new RateLimit(7, 7), of("{'rateLimit':{'requestsPerSecond':7,'burst':7}}").rateLimit());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'rateLimit':5}|\"rateLimit\" must be an object",
            "{'rateLimit':{'burst':10}}|\"rateLimit.requestsPerSecond\" is required",
            "{'rateLimit':{'requestsPerSecond':5}}|\"rateLimit.burst\" is required",
            "{'rateLimit':{'requestsPerSecond':'5','burst':10}}|\"rateLimit.requestsPerSecond\" must be a whole number",
            "{'rateLimit':{'requestsPerSecond':2.5,'burst':10}}|\"rateLimit.requestsPerSecond\" must be a whole number",
            "{'rateLimit':{'requestsPerSecond':0,'burst':10}}|rateLimit.requestsPerSecond is 0: give a whole number of requests per second from 1 to 10000",
            "{'rateLimit':{'requestsPerSecond':10001,'burst':20000}}|rateLimit.requestsPerSecond is 10001",
            "{'rateLimit':{'requestsPerSecond':10,'burst':5}}|rateLimit.burst is 5: give a whole number of requests from rateLimit.requestsPerSecond (10) to 100000",
            "{'rateLimit':{'requestsPerSecond':10,'burst':100001}}|rateLimit.burst is 100001",
            "{'rateLimit':{'requestsPerSecond':99999999999999999999999,'burst':5}}|rateLimit.requestsPerSecond is 9223372036854775807",
            "{'roleMapping':3}|\"roleMapping\" must be the string"})
    void invalidValuesAreRefusedNamingTheProperty(String body, String detail) {
        String refusal = refusal(body);
        assertTrue(refusal.startsWith(detail), refusal);
    }
}
