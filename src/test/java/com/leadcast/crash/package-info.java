/**
 * Crash tests, run by {@code mvn verify -Pcrash}: they drive a provisioned server (and, for PostgreSQL, a private
 * database instance) themselves, kill or stop it during a write load, and count after recovery that every
 * acknowledged write is there and no write answered with an error was committed. They print {@code [crash]} lines
 * with the figures.
 */
package com.leadcast.crash;
