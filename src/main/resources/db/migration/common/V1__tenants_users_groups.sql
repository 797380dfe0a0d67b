-- Leadcast SCIM schema, version 1: tenants and their API tokens, SCIM users and groups, group membership rows.
-- Every SCIM row carries its tenant; every lookup index starts with tenant_id. One script for every database:
-- the vendor-specific column types and table options are Flyway placeholders set by DatabaseMigrations.

CREATE TABLE tenant (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  ${timestamp} NOT NULL
)${table_options};

CREATE TABLE api_token (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(36)  NOT NULL,
    label        VARCHAR(200) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    token_prefix VARCHAR(16)  NOT NULL,
    created_at   ${timestamp} NOT NULL,
    expires_at   ${timestamp},
    revoked_at   ${timestamp},
    last_used_at ${timestamp},
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
)${table_options};
CREATE INDEX ix_api_token_tenant ON api_token (tenant_id);

CREATE TABLE scim_user (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(36)  NOT NULL,
    user_name        VARCHAR(512) NOT NULL,
    user_name_key    VARCHAR(512) NOT NULL,
    external_id      VARCHAR(512),
    display_name     VARCHAR(512),
    active           ${boolean} NOT NULL,
    password_hash    VARCHAR(255),
    attributes       ${text} NOT NULL,
    version          BIGINT NOT NULL,
    created_at       ${timestamp} NOT NULL,
    last_modified_at ${timestamp} NOT NULL,
    CONSTRAINT uk_scim_user_user_name UNIQUE (tenant_id, user_name_key),
    CONSTRAINT fk_scim_user_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
)${table_options};
CREATE INDEX ix_scim_user_external_id ON scim_user (tenant_id, external_id);
CREATE INDEX ix_scim_user_display_name ON scim_user (tenant_id, display_name);
CREATE INDEX ix_scim_user_created ON scim_user (tenant_id, created_at, id);

CREATE TABLE scim_group (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(36)  NOT NULL,
    display_name     VARCHAR(512) NOT NULL,
    display_name_key VARCHAR(512) NOT NULL,
    external_id      VARCHAR(512),
    attributes       ${text} NOT NULL,
    version          BIGINT NOT NULL,
    created_at       ${timestamp} NOT NULL,
    last_modified_at ${timestamp} NOT NULL,
    CONSTRAINT uk_scim_group_display_name UNIQUE (tenant_id, display_name_key),
    CONSTRAINT fk_scim_group_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
)${table_options};
CREATE INDEX ix_scim_group_external_id ON scim_group (tenant_id, external_id);
CREATE INDEX ix_scim_group_created ON scim_group (tenant_id, created_at, id);

-- One row per membership: adding or removing a member never reads or rewrites the others.
CREATE TABLE group_member (
    group_id    VARCHAR(36) NOT NULL,
    member_id   VARCHAR(36) NOT NULL,
    member_type VARCHAR(8)  NOT NULL,
    tenant_id   VARCHAR(36) NOT NULL,
    CONSTRAINT pk_group_member PRIMARY KEY (group_id, member_id),
    CONSTRAINT fk_group_member_group FOREIGN KEY (group_id) REFERENCES scim_group (id) ON DELETE CASCADE
)${table_options};
CREATE INDEX ix_group_member_member ON group_member (tenant_id, member_id);
