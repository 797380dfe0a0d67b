/**
 * The audit trail: who changed what. Every SCIM write that reaches a tenant (create, replace, patch, delete, each
 * operation of a Bulk) and every admin action, successful or refused, becomes one {@link com.leadcast.audit.AuditEntry}
 * naming the action, the resource, the status, the actor (token or admin), the request id and the attribute paths
 * written, never their values. It sits in one place of the request path: {@link com.leadcast.audit.AuditInterceptor},
 * bound with {@link com.leadcast.audit.Audited} to the endpoint beans, around their business methods and inside their
 * transaction, so that a change's entry commits or rolls back with the change; a refusal's entry is written in a
 * transaction of its own. {@link com.leadcast.audit.AuditRetention} purges entries older than the retention.
 */
package com.leadcast.audit;
