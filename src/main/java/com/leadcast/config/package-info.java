/**
 * The operator's settings as the process sees them: a system property, else an environment variable of the same
 * meaning, blank meaning unset. Each concern keeps its own settings record (what it accepts and its defaults); the
 * reading, and the refusal of a value that cannot be right with a message naming the setting, live here once.
 */
package com.leadcast.config;
