-- Leadcast SCIM schema, version 4: the secret that signs RFC 9865 cursors. The first server that starts on the
-- database generates it and inserts the one row (id = 1); every other server, and every restart, reads that row, so
-- a cursor stays valid across restarts and on every node that shares the database. Servers starting at once race on
-- the primary key: the loser reads the winner's secret (com.leadcast.cursors.StoredCursorSecret). Not used while
-- LEADCAST_CURSOR_SECRET is configured.

CREATE TABLE cursor_secret (
    id           INTEGER      NOT NULL PRIMARY KEY,
    secret_value VARCHAR(100) NOT NULL,
    created_at   ${timestamp} NOT NULL
)${table_options};
