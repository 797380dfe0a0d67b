/**
 * The operator's settings as the process sees them: {@link com.leadcast.config.Settings} reads them, through
 * MicroProfile Config (system properties, environment, the server's config sources) with {@code LEADCAST_X_FILE} for
 * secrets kept in files, and a component's system property before its variable, blank meaning unset. Each concern
 * keeps its own settings record (what it accepts and its defaults); the reading, and the refusal of a value that
 * cannot be right with a message naming the setting, live here once.
 */
package com.leadcast.config;
