/**
 * What an operator sees of every request: its id ({@code X-Request-Id}, the client's own when it is usable, else
 * one of ours) on every response, errors and refusals included, and in the {@code detail} of every 5xx; and one
 * access-log line when it ends (logger {@code com.leadcast.access}: time, id, tenant, credential, method, path with
 * the query's parameter names but none of its values, status, duration, bytes; never a token or a filter value).
 * It sits in one place of the request path: {@link com.leadcast.observability.RequestObserver}, registered by
 * {@code com.leadcast.transport.TransportExtension} in front of everything the deployment does (admission,
 * authentication, the APIs), so that nothing is answered without it. What the application learns on the way (the
 * authenticated tenant and credential) it writes into the request's {@link com.leadcast.observability.RequestRecord}.
 */
package com.leadcast.observability;
