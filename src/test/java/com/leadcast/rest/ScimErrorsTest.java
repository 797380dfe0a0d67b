package com.leadcast.rest;

import com.leadcast.scim.ScimException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ScimErrors#retryAfterSeconds}: whole seconds, rounded up, at least one (RFC 9110 §10.2.3). */
class ScimErrorsTest {

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertEquals(1, ScimErrors.retryAfterSeconds(Duration.ZERO));
        assertEquals(1, ScimErrors.retryAfterSeconds(Duration.ofMillis(100)));
        assertEquals(1, ScimErrors.retryAfterSeconds(Duration.ofSeconds(1)));
        assertEquals(2, ScimErrors.retryAfterSeconds(Duration.ofMillis(1001)));
        assertEquals(61, ScimErrors.retryAfterSeconds(Duration.ofSeconds(60).plusNanos(1)));
    }

    @Test
    void aRefusalThatTimeLiftsCarriesRetryAfter() {
        ScimException e = ScimException.tooManyRequests("Too many requests for this test", Duration.ofMillis(1500));
        assertEquals(429, e.status());
        assertEquals(2L, ScimErrors.retryAfterSeconds(e.retryAfter().orElseThrow()));
    }

    @Test
    void aServerErrorsDetailEndsWithTheRequestIdAndAClientErrorsDoesNot() {
        assertEquals("The service failed (request id r-7)", ScimErrors.body(500, null, "The service failed", "r-7")
                .get("detail").asText());
        assertEquals("(request id r-7)", ScimErrors.body(503, null, null, "r-7").get("detail").asText());
        assertEquals("Bad filter", ScimErrors.body(400, "invalidFilter", "Bad filter", "r-7").get("detail").asText());
        assertEquals("The service failed", ScimErrors.body(500, null, "The service failed", null)
                .get("detail").asText());
    }

    @Test
    void outsideARequestThereIsNoIdToAdd() {
        assertEquals("Down", ScimErrors.body(503, null, "Down").get("detail").asText());
    }
}
