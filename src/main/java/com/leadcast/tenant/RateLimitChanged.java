package com.leadcast.tenant;

/** The CDI event of a tenant's rate limit changing (or the tenant going): whoever caches the limit reads it again. */
public record RateLimitChanged(String tenantId) {
}
