/**
 * The admin API ({@code /admin/v1}): the operator creates tenants, sets their role mapping, issues or revokes their
 * API tokens, and keeps the app-wide app-role catalog. Only the holder of the server's {@code LEADCAST_ADMIN_TOKEN}
 * (role {@code scim-admin}) may call it.
 */
package com.leadcast.admin;
