package com.leadcast.observability;

import com.leadcast.config.Settings;
import com.leadcast.rest.PublicUrls;
import com.leadcast.security.AdminToken;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One log line when the application starts, saying what it was configured with: the database (product, version and
 * JDBC URL without its parameters or credentials), whether the admin API is on, the public URL and the graceful
 * shutdown bound; never a secret. An operator who reads only this line knows which database the server writes to.
 */
@ApplicationScoped
public class StartupReport {

    static final String LOG_FORMAT_VARIABLE = "LEADCAST_LOG_FORMAT";

    private static final Logger LOG = Logger.getLogger(StartupReport.class.getName());

    @Resource(lookup = "java:jboss/datasources/ScimDS")
    private DataSource dataSource;

    void report(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        Settings settings = Settings.ofProcess();
        String publicUrl = settings.value(PublicUrls.VARIABLE).orElse(null);
        String shutdown = Optional.ofNullable(settings.properties().apply("org.wildfly.sigterm.suspend.timeout"))
                .orElse("0");
        String logFormat = logFormat(settings.value(LOG_FORMAT_VARIABLE));
        PublicUrls.checkSettings();
        LOG.info("Leadcast SCIM is serving: database " + database()
                + "; admin API " + AdminToken.whyDisabled().map(why -> "disabled (" + why + ")").orElse("enabled")
                + "; public URL " + (publicUrl == null || publicUrl.isBlank()
                ? "taken from each request (" + PublicUrls.VARIABLE + " unset)" : publicUrl.trim())
                + "; on SIGTERM, requests in flight get up to " + shutdown + " s; log format " + logFormat);
    }

    /**
     * The log format the server was started with ({@value #LOG_FORMAT_VARIABLE}, applied by the logging subsystem,
     * see wildfly-config/leadcast-scim.cli).
     *
     * @throws IllegalStateException for a value the logging subsystem cannot apply: the deployment fails, and says
     *                               why, rather than run with a log nobody reads
     */
    static String logFormat(Optional<String> configured) {
        String format = configured.orElse("text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalStateException(LOG_FORMAT_VARIABLE + " is '" + format + "': give text (the default) or "
                    + "json, and restart the server");
        }
        return format;
    }

    private String database() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at "
                    + withoutSecrets(meta.getURL());
        } catch (SQLException | RuntimeException e) {
            return "not reachable at startup (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** A JDBC URL without what may hold a secret: its parameters ({@code ?...}, {@code ;...}) and user information. */
    static String withoutSecrets(String url) {
        if (url == null) {
            return "(unknown URL)";
        }
        String bare = url.split("[?;]", 2)[0];
        return bare.replaceFirst("//[^/@]*@", "//");
    }
}
