-- Leadcast SCIM schema, version 10: each tenant's requests and errors per hour, for the admin API's activity view
-- (com.leadcast.observability.TenantActivity). Every server counts in memory and adds its counts to its own rows
-- (server_id: one id per server process) every few seconds, so servers never contend for a row; a read adds the
-- rows of all servers. Rows older than two days are purged.

CREATE TABLE tenant_activity (
    tenant_id       VARCHAR(36)  NOT NULL,
    hour_start      ${timestamp} NOT NULL,
    server_id       VARCHAR(36)  NOT NULL,
    requests        BIGINT       NOT NULL,
    errors          BIGINT       NOT NULL,
    last_request_at ${timestamp} NOT NULL,
    CONSTRAINT pk_tenant_activity PRIMARY KEY (tenant_id, hour_start, server_id)
)${table_options};
CREATE INDEX ix_tenant_activity_hour ON tenant_activity (hour_start);
