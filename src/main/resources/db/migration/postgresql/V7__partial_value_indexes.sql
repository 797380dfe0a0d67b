-- PostgreSQL only. The number and time indexes of the attribute index hold only the rows that have a number or a
-- time. With all three value indexes starting (tenant_id, path), a planner without statistics (right after a bulk
-- load, before ANALYZE) saw three equal candidates for a text comparison and took the smallest, the time index full
-- of NULLs, filtering every value of the path (100,000 rows for one e-mail look-up). A partial index serves only
-- queries that compare its column, which imply it is not null; text comparisons have the key index alone.
DROP INDEX ix_scim_attribute_value_number;
DROP INDEX ix_scim_attribute_value_time;
CREATE INDEX ix_scim_attribute_value_number ON scim_attribute_value (tenant_id, path, value_number)
    WHERE value_number IS NOT NULL;
CREATE INDEX ix_scim_attribute_value_time ON scim_attribute_value (tenant_id, path, value_time)
    WHERE value_time IS NOT NULL;
