/**
 * Tenants and their API tokens: the customers whose identity providers provision people into Leadcast, and the
 * bearer credentials that scope every SCIM call to one of them. Managed through the admin API.
 */
package com.leadcast.tenant;
