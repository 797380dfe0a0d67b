/**
 * Where SCIM resources live: JPA entities over the tables of {@code db/migration}, the tenant-scoped queries and
 * writes on them, and the compilation of SCIM filters to JPA criteria (here and only here). Every method takes the
 * caller's tenant as an explicit argument.
 */
package com.leadcast.store;
