package com.leadcast.tenant;

/**
 * The CDI event of a tenant changing: its settings, its tokens, or the tenant going. Fired inside the transaction
 * of the change; whoever caches anything of the tenant forgets it when that transaction commits.
 */
public record TenantChanged(String tenantId) {
}
