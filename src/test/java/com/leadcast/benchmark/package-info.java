/**
 * Benchmarks, run by {@code mvn verify -Pbenchmark} against the provisioned server: they print figures (throughput,
 * latency percentiles) and fail only on errors, never on timing.
 */
package com.leadcast.benchmark;
