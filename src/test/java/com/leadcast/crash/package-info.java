/**
 * Tests that run server processes of their own, by {@code mvn verify -Pcrash}: the crash tests drive a provisioned
 * server (and, for PostgreSQL, a private database instance), kill or stop it during a write load, and count after
 * recovery that every acknowledged write is there and no write answered with an error was committed ({@code [crash]}
 * lines); {@link com.leadcast.crash.SharedDatabaseCluster} runs two servers on one database and shows each one's
 * caches follow the other's changes ({@code [cluster]}); {@link com.leadcast.crash.PostgresQueryPlans} checks the
 * plans a private PostgreSQL executes for look-ups in a large tenant ({@code [plans]}).
 */
package com.leadcast.crash;
