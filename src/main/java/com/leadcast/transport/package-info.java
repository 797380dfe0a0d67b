/**
 * What the HTTP transport admits before any SCIM code runs: a request body of at most
 * {@link com.leadcast.transport.RequestLimits#MAX_BODY_BYTES} bytes in a JSON media type, read in full within
 * {@link com.leadcast.transport.RequestLimits#BODY_TIMEOUT} on Undertow's IO thread before a worker thread is taken,
 * and an early, closing refusal (401, 413, 415, 408) where the answer is known without reading the body. It sits in
 * one place of the request path: {@link com.leadcast.transport.AdmissionHandler}, the first handler of the
 * deployment after the request has been given its id ({@code com.leadcast.observability}; both registered by
 * {@link com.leadcast.transport.TransportExtension}), after Undertow has parsed the
 * headers and before the servlet chain, authentication included; the listener's own limits (header parse and idle
 * timeouts, header size) are in {@code wildfly-config/leadcast-scim.cli}. In front of it,
 * {@link com.leadcast.transport.CompletionOnIoThread} has every exchange end on its connection's IO thread, which
 * spares the IO thread a spin on a worker that ends a keep-alive exchange.
 */
package com.leadcast.transport;
