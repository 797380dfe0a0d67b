/**
 * The SCIM engine: what a SCIM resource is and how requests change and shape it (RFC 7643, RFC 7644), in plain
 * Java over Jackson JSON trees. Nothing here knows about JAX-RS, EJB or JPA, so every rule is unit-tested alone and
 * shared by every resource type. {@link com.leadcast.scim.ScimException} is the one error family of the service.
 */
package com.leadcast.scim;
