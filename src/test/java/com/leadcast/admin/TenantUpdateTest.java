package com.leadcast.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.scim.roles.RoleMapping;
import com.leadcast.tenant.RateLimit;
import com.leadcast.tenant.TenantChanges;
import com.leadcast.tenant.TenantStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TenantUpdate}: the body of PATCH /admin/v1/tenants/{id}: rateLimit and externalId absent, null or set, the
 * name and status, and unknown properties refused.
 */
class TenantUpdateTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static TenantChanges of(String json) throws Exception {
        return TenantUpdate.of((ObjectNode) MAPPER.readTree(json.replace('\'', '"')));
    }

    private static String refusal(String json) {
        return refusal(json, ScimType.INVALID_VALUE);
    }

    private static String refusal(String json, ScimType scimType) {
        ScimException e = assertThrows(ScimException.class, () -> of(json));
        assertEquals(400, e.status());
        assertEquals(scimType, e.scimType());
        return e.detail();
    }

    @Test
    void anAbsentRateLimitIsKept() throws Exception {
        TenantChanges update = of("{'roleMapping':'multiple'}");
        assertEquals(Optional.of(RoleMapping.MULTIPLE), update.roleMapping());
        assertFalse(update.rateLimitGiven());
        assertFalse(update.externalIdGiven());
        assertEquals(Optional.empty(), update.name());
        assertEquals(Optional.empty(), update.status());
    }

    @Test
    void aNullRateLimitReturnsToTheDefault() throws Exception {
        TenantChanges update = of("{'rateLimit':null}");
        assertTrue(update.rateLimitGiven());
        assertEquals(Optional.empty(), update.rateLimit());
        assertEquals(Optional.empty(), update.roleMapping());
    }

    @Test
    void aRateLimitObjectIsTheTenantsOwnLimit() throws Exception {
        assertEquals(Optional.of(new RateLimit(5, 10)),
                of("{'rateLimit':{'requestsPerSecond':5,'burst':10}}").rateLimit());
        assertEquals(Optional.of(new RateLimit(7, 7)), of("{'rateLimit':{'requestsPerSecond':7,'burst':7}}").rateLimit());
    }

    @Test
    void nameExternalIdAndStatusAreReadTrimmed() throws Exception {
        TenantChanges update = of("{'name':' Contoso EU ','externalId':' crm-42 ','status':'suspended'}");
        assertEquals(Optional.of("Contoso EU"), update.name());
        assertTrue(update.externalIdGiven());
        assertEquals(Optional.of("crm-42"), update.externalId());
        assertEquals(Optional.of(TenantStatus.SUSPENDED), update.status());
    }

    @Test
    void aNullExternalIdRemovesIt() throws Exception {
        TenantChanges update = of("{'externalId':null}");
        assertTrue(update.externalIdGiven());
        assertEquals(Optional.empty(), update.externalId());
    }

    @Test
    void anUnknownPropertyIsRefusedNotIgnored() {
        String detail = refusal("{'name':'Contoso','displayName':'Contoso'}", ScimType.INVALID_SYNTAX);
        assertTrue(detail.startsWith("Unknown property \"displayName\": a tenant's settings are name, externalId, "
                + "status, roleMapping and rateLimit"), detail);
        String control = refusal("{'a\\u0000\\\"b':1}", ScimType.INVALID_SYNTAX);
        assertTrue(control.startsWith("Unknown property \"a?'b\""), control);
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
            "{'roleMapping':3}|\"roleMapping\" must be a string, not number",
            "{'roleMapping':'both'}|\"roleMapping\" must be \"single\"",
            "{'name':''}|\"name\" must not be empty",
            "{'name':null}|\"name\" must be a string, not null",
            "{'externalId':' '}|\"externalId\" must not be empty",
            "{'externalId':7}|\"externalId\" must be a string or null, not number",
            "{'status':'paused'}|\"status\" must be \"active\" or \"suspended\", not \"paused\""})
    void invalidValuesAreRefusedNamingTheProperty(String body, String detail) {
        String refusal = refusal(body);
        assertTrue(refusal.startsWith(detail), refusal);
    }
}
