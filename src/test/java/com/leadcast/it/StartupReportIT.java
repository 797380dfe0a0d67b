package com.leadcast.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** At startup the server says in one line what it is configured with: database, admin API, public URL; no secret. */
class StartupReportIT extends ScimTestBase {

    @Test
    void theServerSaysWhatItIsConfiguredWithAndNoSecret() throws IOException {
        List<String> lines = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log",
                "server.log")).lines().filter(l -> l.contains("Leadcast SCIM is serving: ")).toList();
        assertFalse(lines.isEmpty(), "no startup line");
        String line = lines.get(lines.size() - 1);
        assertTrue(line.matches(".*database (H2|PostgreSQL|MariaDB) .+ at jdbc:\\w+:\\S+; admin API enabled; "
                + "public URL .*"), line);
        assertTrue(line.endsWith("on SIGTERM, requests in flight get up to 30 s; log format text"), line);
        assertFalse(line.contains(System.getProperty("it.admin.token")), "the admin token is in the log");
        assertFalse(line.toLowerCase(Locale.ROOT).contains("password"), line);
    }
}
