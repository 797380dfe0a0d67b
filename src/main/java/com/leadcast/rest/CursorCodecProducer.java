package com.leadcast.rest;

import com.leadcast.scim.query.CursorCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one {@link CursorCodec} of this server, signing cursors with a secret drawn at start-up. Cursors therefore do
 * not survive a restart (nor reach another node of a cluster): such a cursor is refused with
 * {@code 400 invalidCursor}, and the client starts again with an empty cursor.
 */
@ApplicationScoped
public class CursorCodecProducer {

    private final CursorCodec codec = CursorCodec.withRandomSecret(CursorCodec.DEFAULT_TIMEOUT);

    @Produces
    CursorCodec codec() {
        return codec;
    }
}
