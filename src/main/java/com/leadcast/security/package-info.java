/**
 * Container-managed bearer authentication (Jakarta Security): the mechanism reads {@code Authorization: Bearer},
 * the identity store turns a tenant token into a {@link com.leadcast.security.TenantPrincipal} with role
 * {@code scim-client} and the operator's {@code LEADCAST_ADMIN_TOKEN} into role {@code scim-admin}. The tenant of a
 * SCIM call is only ever taken from that principal.
 */
package com.leadcast.security;
