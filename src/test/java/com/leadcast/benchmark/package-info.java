/**
 * Benchmarks, run by {@code mvn verify -Pbenchmark} against the provisioned server: they print figures
 * ({@code [benchmark]} lines: throughput, latency percentiles, statements per call, the server's RSS) and fail only
 * on errors, never on timing, since a shared two-core machine cannot hold a timing to a bound. Each benchmark class
 * measures one question (what each call costs and whether that stays flat as a tenant grows, what a large group's
 * changes cost, what one tenant's and a hundred tenants' provisioning cycles reach); the other classes are the
 * instruments they share: the Bulk loader, the request timer and its percentiles, the server's Hibernate statistics
 * read over the management API, and the server process's memory.
 */
package com.leadcast.benchmark;
