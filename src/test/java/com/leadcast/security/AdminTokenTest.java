package com.leadcast.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link AdminToken#whyDisabled}: the admin API needs a token of at least 32 characters. */
class AdminTokenTest {

    @Test
    void unsetSaysToSetIt() {
        assertEquals(Optional.of("set the LEADCAST_ADMIN_TOKEN environment variable to enable it"),
                AdminToken.whyDisabled(Optional.empty()));
    }

    @Test
    void aTokenShorterThan32CharactersKeepsTheAdminApiDisabledAndSaysWhy() {
        String why = AdminToken.whyDisabled(Optional.of("x".repeat(31))).orElseThrow();
        assertTrue(why.startsWith("LEADCAST_ADMIN_TOKEN is 31 characters long, shorter than the 32 it needs"), why);
        assertTrue(why.contains("openssl rand -hex 32"), why);
        assertTrue(!why.contains("xxxx"), "never the token itself");
    }

    @Test
    void thirtyTwoCharactersEnableIt() {
        assertEquals(Optional.empty(), AdminToken.whyDisabled(Optional.of("x".repeat(32))));
    }
}
