package com.leadcast.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import java.util.logging.Logger;

/** Says in the log when the server starts whether the admin API is enabled, and if not, why. */
@Singleton
@Startup
public class AdminTokenCheck {

    private static final Logger LOG = Logger.getLogger(AdminTokenCheck.class.getName());

    @PostConstruct
    void start() {
        AdminToken.whyDisabled().ifPresentOrElse(why -> {
            if (AdminToken.isGiven()) {
                LOG.warning("The admin API is disabled: " + why); // the operator meant to enable it
            } else {
                LOG.info("The admin API is disabled: " + why);
            }
        }, () -> LOG.info("The admin API is enabled (" + AdminToken.VARIABLE + ")"));
    }
}
