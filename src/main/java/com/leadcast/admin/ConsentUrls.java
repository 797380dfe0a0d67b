package com.leadcast.admin;

import com.leadcast.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The admin consent URLs of the Leadcast sign-in app (test and production) that onboarding hands to a tenant's
 * administrator. Configured with {@code LEADCAST_ADMIN_CONSENT_URL_TEST} and
 * {@code LEADCAST_ADMIN_CONSENT_URL_PRODUCTION}; unset means Leadcast's published app, empty means "not offered".
 * A value that is not an absolute http(s) URL is logged and left out, never handed to a customer.
 */
record ConsentUrls(URI test, URI production) {

    static final String TEST_VARIABLE = "LEADCAST_ADMIN_CONSENT_URL_TEST";
    static final String PRODUCTION_VARIABLE = "LEADCAST_ADMIN_CONSENT_URL_PRODUCTION";
    static final String PUBLISHED_TEST =
            "https://login.microsoftonline.com/common/adminconsent?client_id=5297c3c4-1e1a-4d0f-9c71-c82dad658318";
    static final String PUBLISHED_PRODUCTION =
            "https://login.microsoftonline.com/common/adminconsent?client_id=560f4554-4d0a-4cf3-8130-a684717912ba";

    private static final Logger LOG = Logger.getLogger(ConsentUrls.class.getName());

    /** The URLs as the server's environment configures them. */
    static ConsentUrls fromEnvironment() {
        return from(Settings.ofProcess().variables());
    }

    /** The URLs as {@code environment} (variable name to value, null when unset) configures them. */
    static ConsentUrls from(UnaryOperator<String> environment) {
        return new ConsentUrls(url(TEST_VARIABLE, environment.apply(TEST_VARIABLE), PUBLISHED_TEST),
                url(PRODUCTION_VARIABLE, environment.apply(PRODUCTION_VARIABLE), PUBLISHED_PRODUCTION));
    }

    private static URI url(String variable, String configured, String published) {
        if (configured == null) {
            return URI.create(published);
        }
        String value = configured.trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            URI url = new URI(value);
            if (url.isAbsolute() && url.getHost() != null
                    && ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, like any other unusable value
        }
        LOG.warning(variable + " is not an absolute http(s) URL, so onboarding leaves it out: " + value);
        return null;
    }
}
