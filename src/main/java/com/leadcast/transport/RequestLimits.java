package com.leadcast.transport;

import java.time.Duration;

/**
 * The limits of a request body, the same for every endpoint of the SCIM and admin APIs.
 *
 * <p>One limit serves all: {@code /Bulk} advertises it as {@code bulk.maxPayloadSize} of the ServiceProviderConfig
 * (RFC 7644 §5), and a single resource never needs more than a whole bulk request may carry.
 */
public final class RequestLimits {

    /** The largest request body accepted, in bytes (1 MiB); a larger one is answered {@code 413}. */
    public static final int MAX_BODY_BYTES = 1_048_576;

    /**
     * How long a request body may take to arrive, counted from the end of its headers: the whole 1 MiB at
     * about 1 Mbit/s, many times what an identity provider in a data centre needs for its few kilobytes. A body
     * still incomplete then is answered {@code 408} and its connection closed.
     */
    public static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);

    private RequestLimits() {
    }
}
