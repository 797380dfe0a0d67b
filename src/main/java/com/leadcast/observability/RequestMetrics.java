package com.leadcast.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The service's own metrics, in WildFly's Micrometer registry and so in the Prometheus text at {@code GET /metrics}
 * of the management interface: {@code leadcast_scim_requests_total} (labels {@code method}, {@code resource},
 * {@code status}), {@code leadcast_scim_request_duration_seconds} ({@code method}, {@code resource}; a summary:
 * {@code _count}, {@code _sum} and {@code _max}, because WildFly's registry for deployments takes meters by name and
 * labels only and cannot be given histogram buckets) with its histogram's buckets beside it
 * ({@code leadcast_scim_request_duration_buckets_total}, label {@code le}, see {@link DurationBuckets}),
 * {@code leadcast_scim_authentication_failures_total} ({@code reason}) and
 * {@code leadcast_scim_admission_refusals_total}. Every label takes a few fixed values (a path becomes its resource
 * type, an unknown method {@code other}); tenants are never a label, their figures come from the activity API.
 * Recorded for every request by {@link RequestObserver}, which finds this bean in the servlet context; a tenant's
 * requests are also counted, per tenant and hour, in {@link ActivityCounters}.
 */
@ApplicationScoped
public class RequestMetrics {

    static final String ATTRIBUTE = RequestMetrics.class.getName();

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Set<String> SCIM_RESOURCES = Set.of("Users", "Groups", "Bulk", "Me", ".search",
            "ServiceProviderConfig", "ResourceTypes", "Schemas");
    /** The meters by their labels: the registry finds a meter by searching all of them, so each is looked up once. */
    private final Map<String, Counter> meters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, DurationBuckets> buckets = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry registry;

    @Inject
    ActivityCounters activity;

    /** Takes the bucket counters out of WildFly's registry, which outlives the deployment (see DurationBuckets). */
    @PreDestroy
    void removeBuckets() {
        buckets.values().forEach(b -> b.remove(registry));
    }

    /** Makes this bean known to {@link RequestObserver} once the application has started. */
    void publish(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        context.setAttribute(ATTRIBUTE, this);
    }

    /**
     * Records one request that ended; one of a tenant's ({@code tenantId} non-null) also counts in its activity,
     * which is kept out of the labels.
     */
    void request(String method, String path, int status, long durationNanos, RequestRecord.Refusal refusal,
                 String tenantId) {
        if (tenantId != null) {
            activity.count(tenantId, status, System.currentTimeMillis());
        }
        String methodLabel = METHODS.contains(method) ? method : "other";
        String resource = resourceOf(path);
        meters.computeIfAbsent(methodLabel + ' ' + resource + ' ' + status, key -> registry.counter(
                "leadcast.scim.requests", Tags.of("method", methodLabel, "resource", resource, "status",
                        String.valueOf(status)))).increment();
        String call = methodLabel + ' ' + resource;
        timers.computeIfAbsent(call, key -> registry.timer("leadcast.scim.request.duration",
                Tags.of("method", methodLabel, "resource", resource))).record(durationNanos, TimeUnit.NANOSECONDS);
        buckets.computeIfAbsent(call, key -> new DurationBuckets(registry,
                Tags.of("method", methodLabel, "resource", resource))).record(durationNanos);
        if (refusal == RequestRecord.Refusal.ADMISSION) {
            meters.computeIfAbsent("admission", key -> registry.counter("leadcast.scim.admission.refusals", Tags.empty()))
                    .increment();
        } else if (refusal != null) {
            meters.computeIfAbsent("authentication " + refusal.label(), key -> registry.counter(
                    "leadcast.scim.authentication.failures", Tags.of("reason", refusal.label()))).increment();
        }
    }

    /** The resource label of a request path: a SCIM resource type or endpoint, {@code admin}, or {@code other}. */
    static String resourceOf(String path) {
        if (path == null) {
            return "other";
        }
        if (path.startsWith("/scim/v2/")) {
            int end = path.indexOf('/', "/scim/v2/".length());
            String first = path.substring("/scim/v2/".length(), end < 0 ? path.length() : end);
            return SCIM_RESOURCES.contains(first) ? first : "other";
        }
        if (path.startsWith("/admin/")) {
            return "admin";
        }
        return path.startsWith("/openapi") ? "openapi" : "other";
    }
}
