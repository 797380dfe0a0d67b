/**
 * The secret that signs RFC 9865 cursors and how long a cursor lives: configured ({@code LEADCAST_CURSOR_SECRET},
 * {@code LEADCAST_CURSOR_TIMEOUT}) or, for the secret, generated once and kept in the database, so that cursors
 * survive restarts and every server sharing the database accepts every other's. Produces the server's one
 * {@link com.leadcast.scim.query.CursorCodec}.
 */
package com.leadcast.cursors;
