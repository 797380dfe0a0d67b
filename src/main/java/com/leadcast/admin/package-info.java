/**
 * The admin API ({@code /admin/v1}): the operator creates tenants, sets their role mapping, issues or revokes their
 * API tokens, keeps the app-wide app-role catalog, and reads a tenant's onboarding sheet for its Entra administrator. Only the holder of the server's {@code LEADCAST_ADMIN_TOKEN}
 * (role {@code scim-admin}) may call it.
 */
package com.leadcast.admin;
