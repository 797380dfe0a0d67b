package com.leadcast.observability;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link StartupReport#withoutSecrets}: what of a JDBC URL the startup line may show. */
class StartupReportTest {

    @Test
    void parametersAndUserInformationAreLeftOut() {
        assertEquals("jdbc:postgresql://db.internal:5432/scim",
                StartupReport.withoutSecrets("jdbc:postgresql://db.internal:5432/scim?user=scim&password=s3cret"));
        assertEquals("jdbc:mariadb://db:3306/scim", StartupReport.withoutSecrets("jdbc:mariadb://scim:s3cret@db:3306/scim"));
        assertEquals("jdbc:h2:/srv/data/leadcast-scim",
                StartupReport.withoutSecrets("jdbc:h2:/srv/data/leadcast-scim;DB_CLOSE_ON_EXIT=FALSE;PASSWORD=x"));
        assertEquals("(unknown URL)", StartupReport.withoutSecrets(null));
    }

    @Test
    void theLogFormatIsTextOrJsonAndAnythingElseStopsTheDeployment() {
        assertEquals("text", StartupReport.logFormat(Optional.empty()));
        assertEquals("json", StartupReport.logFormat(Optional.of("json")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StartupReport.logFormat(Optional.of("JSON")));
        assertEquals("LEADCAST_LOG_FORMAT is 'JSON': give text (the default) or json, and restart the server",
                e.getMessage());
    }
}
