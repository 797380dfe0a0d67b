package com.leadcast.scim.roles;

import com.leadcast.scim.ScimException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RoleMapping}: its names on the wire. */
class RoleMappingTest {

    @Test
    void namesAreLowerCaseAndReadIgnoringCase() {
        assertEquals("single", RoleMapping.SINGLE.wireName());
        assertEquals(RoleMapping.MULTIPLE, RoleMapping.of("Multiple"));
        assertEquals(RoleMapping.SINGLE, RoleMapping.of(" single "));
    }

    @Test
    void anUnknownNameIs400NamingTheChoices() {
        ScimException e = assertThrows(ScimException.class, () -> RoleMapping.of("several"));
        assertEquals(400, e.status());
        assertTrue(e.detail().contains("\"single\"") && e.detail().contains("\"multiple\""), e.detail());
        assertThrows(ScimException.class, () -> RoleMapping.of(null));
    }
}
