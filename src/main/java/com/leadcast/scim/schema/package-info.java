/**
 * SCIM schemas as data (RFC 7643 §2, §7, §8.7): the User, Group and Enterprise User definitions are loaded from
 * their JSON representations under {@code scim/schemas/}, and the discovery endpoints, request checking, PATCH
 * path resolution and projection all read them from here.
 */
package com.leadcast.scim.schema;
