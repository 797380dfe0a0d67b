/**
 * The PATCH engine of RFC 7644 §3.5.2: parses a {@code PatchOp} request and applies its add, replace and remove
 * operations, in order, to a resource's JSON document. Multi-valued attributes kept outside the document (a
 * group's members) are handed to an {@link com.leadcast.scim.patch.ExternalAttribute} instead. Microsoft Entra ID's
 * request shapes are rewritten to RFC ones by {@link com.leadcast.scim.patch.EntraDialect} before the engine runs.
 */
package com.leadcast.scim.patch;
