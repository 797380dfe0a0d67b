-- Leadcast SCIM schema, version 3: app roles. The catalog of Leadcast app roles is app-wide (the app administrator
-- keeps it; when it is not empty, SCIM clients may assign only its values); each tenant chooses how Entra's role
-- assignments map onto a user's roles: 'single' or 'multiple' (com.leadcast.scim.roles.RoleMapping).

CREATE TABLE app_role (
    role_key      VARCHAR(200)  NOT NULL PRIMARY KEY,
    role_value    VARCHAR(200)  NOT NULL,
    display_name  VARCHAR(200),
    description   VARCHAR(1000),
    list_position INTEGER       NOT NULL
)${table_options};

ALTER TABLE tenant ADD COLUMN role_mapping VARCHAR(16) DEFAULT 'single' NOT NULL;
