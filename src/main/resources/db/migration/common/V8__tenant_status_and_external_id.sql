-- Leadcast SCIM schema, version 8: a tenant's status (active, or suspended by the operator: its SCIM requests are
-- refused with 403 and its tokens kept) and the operator's own customer id for it (unique when set).

ALTER TABLE tenant ADD COLUMN status VARCHAR(16) DEFAULT 'active' NOT NULL;
ALTER TABLE tenant ADD COLUMN external_id VARCHAR(200);
CREATE UNIQUE INDEX uk_tenant_external_id ON tenant (external_id);
CREATE INDEX ix_tenant_created ON tenant (created_at, id);
