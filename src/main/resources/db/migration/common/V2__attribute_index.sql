-- Leadcast SCIM schema, version 2: the attribute index. Every leaf value of a resource document (emails.value,
-- name.familyName, the Enterprise extension's department, ...) is one row, so that any SCIM filter or sort compiles
-- to SQL over this table instead of reading documents. Rows of one element of a multi-valued attribute share
-- element_index, which lets value filters (emails[type eq "work" and value co "@x"]) refer to one element.

CREATE TABLE scim_attribute_value (
    resource_id   VARCHAR(36)   NOT NULL,
    path          VARCHAR(300)  NOT NULL,
    element_index INTEGER       NOT NULL,
    tenant_id     VARCHAR(36)   NOT NULL,
    value_text    VARCHAR(1024),
    value_key     VARCHAR(1024),
    value_number  DECIMAL(38, 10),
    value_boolean ${boolean},
    value_time    ${timestamp},
    CONSTRAINT pk_scim_attribute_value PRIMARY KEY (resource_id, path, element_index)
)${table_options};
CREATE INDEX ix_scim_attribute_value_key ON scim_attribute_value (tenant_id, path, value_key${key_prefix});
CREATE INDEX ix_scim_attribute_value_number ON scim_attribute_value (tenant_id, path, value_number);
CREATE INDEX ix_scim_attribute_value_time ON scim_attribute_value (tenant_id, path, value_time);
