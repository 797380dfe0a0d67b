-- H2 only (PostgreSQL and MariaDB count VARCHAR lengths in characters already): H2 counts UTF-16 units, so a value
-- of 512 characters outside the Basic Multilingual Plane (emoji, historic scripts) would not fit VARCHAR(512). The
-- service limits these columns to 512 characters (code points) on every database; on H2 they hold 1024 units.
ALTER TABLE scim_user ALTER COLUMN user_name SET DATA TYPE VARCHAR(1024);
ALTER TABLE scim_user ALTER COLUMN user_name_key SET DATA TYPE VARCHAR(1024);
ALTER TABLE scim_user ALTER COLUMN external_id SET DATA TYPE VARCHAR(1024);
ALTER TABLE scim_user ALTER COLUMN display_name SET DATA TYPE VARCHAR(1024);
ALTER TABLE scim_group ALTER COLUMN display_name SET DATA TYPE VARCHAR(1024);
ALTER TABLE scim_group ALTER COLUMN display_name_key SET DATA TYPE VARCHAR(1024);
ALTER TABLE scim_group ALTER COLUMN external_id SET DATA TYPE VARCHAR(1024);
