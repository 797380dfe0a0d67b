-- Leadcast SCIM schema, version 9: the audit trail (com.leadcast.audit). One row per SCIM write that reached a
-- tenant and per admin action, successful or refused; a successful change's row is written in the change's own
-- transaction. It names the attribute paths written, never their values. No foreign key: the record of a tenant's
-- deletion outlives the tenant; rows older than the retention (LEADCAST_AUDIT_RETENTION_DAYS) are purged.

CREATE TABLE audit_entry (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    occurred_at   ${timestamp} NOT NULL,
    tenant_id     VARCHAR(36),
    action        VARCHAR(32)  NOT NULL,
    resource_type VARCHAR(32)  NOT NULL,
    resource_id   VARCHAR(64),
    status        INTEGER      NOT NULL,
    scim_type     VARCHAR(32),
    actor_type    VARCHAR(16)  NOT NULL,
    actor_id      VARCHAR(64),
    request_id    VARCHAR(128),
    attributes    VARCHAR(4000)
)${table_options};
CREATE INDEX ix_audit_entry_tenant ON audit_entry (tenant_id, occurred_at, id);
CREATE INDEX ix_audit_entry_resource ON audit_entry (tenant_id, resource_id, occurred_at, id);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor_type, occurred_at, id);
CREATE INDEX ix_audit_entry_at ON audit_entry (occurred_at);
