package com.leadcast.transport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionTest {

    private static final String TOKEN = "Bearer lcs_x";
    private static final String SCIM = "application/scim+json";

    private static int refused(Admission admission) {
        return assertInstanceOf(Admission.Refuse.class, admission).status();
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeAnythingElseIsLookedAt() {
        Admission a = Admission.of("POST", "/scim/v2/Users", RequestLimits.MAX_BODY_BYTES + 1L, true, "text/plain", null);
        assertEquals(413, refused(a));
        assertTrue(((Admission.Refuse) a).detail().contains("1048577 bytes") && ((Admission.Refuse) a).detail()
                .contains("at most 1048576 bytes"), a::toString);
    }

    @Test
    void aBodyAtTheLimitIsReadFirst() {
        assertEquals(new Admission.Admit(true),
                Admission.of("POST", "/scim/v2/Users", RequestLimits.MAX_BODY_BYTES, true, SCIM, TOKEN));
        assertEquals(new Admission.Admit(true), Admission.of("POST", "/scim/v2/Bulk", -1, true, null, TOKEN));
    }

    @Test
    void aBodyWithoutABearerTokenIsRefusedWithTheChallenge() {
        Admission.Refuse refuse = (Admission.Refuse) Admission.of("POST", "/admin/v1/tenants", 10, true, SCIM, "Basic x");
        assertEquals(401, refuse.status());
        assertEquals("Bearer realm=\"Leadcast SCIM\"", refuse.headers().get("WWW-Authenticate"));
        // without a body the authentication mechanism answers, as for every other request
        assertEquals(new Admission.Admit(false), Admission.of("GET", "/scim/v2/Users", -1, false, null, null));
    }

    @Test
    void onlyJsonMediaTypesAreAdmittedOnTheApis() {
        for (String type : new String[]{"*/*", "application/*", "text/plain", "application/xml", "*/json", "application/+json"}) {
            assertEquals(415, refused(Admission.of("PATCH", "/scim/v2/Users/1", 2, true, type, TOKEN)), type);
        }
        assertEquals(415, refused(Admission.of("PATCH", "/scim/v2/Users/1", -1, false, "*/*", TOKEN)), "no body");
        for (String type : new String[]{SCIM, "application/json", "Application/SCIM+JSON; charset=utf-8",
                "application/json-patch+json"}) {
            assertEquals(new Admission.Admit(true), Admission.of("PATCH", "/scim/v2/Users/1", 2, true, type, TOKEN), type);
        }
        assertEquals(new Admission.Admit(false), Admission.of("GET", "/scim/v2/Users", -1, false, "text/plain", TOKEN));
    }

    @Test
    void theProtectedPathsAreTheScimAndAdminApis() {
        assertTrue(Admission.isProtected("/scim/v2/Users"));
        assertTrue(Admission.isProtected("/admin/v1/tenants"));
        assertFalse(Admission.isProtected("/openapi.yaml"));
        assertFalse(Admission.isProtected("/scimx"));
    }
}
