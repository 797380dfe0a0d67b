/**
 * App roles on the SCIM side, as plain Java: the app-wide {@link com.leadcast.scim.roles.RoleCatalog} that role
 * values are checked against and that {@code /Schemas} publishes, and a tenant's
 * {@link com.leadcast.scim.roles.RoleMapping}, which {@link com.leadcast.scim.roles.RoleAssignment} applies to PATCH.
 */
package com.leadcast.scim.roles;
