/**
 * The HTTP edge: resource EJBs implementing the JAX-RS interfaces generated from {@code openapi/scim-api.yaml},
 * translating between HTTP and the SCIM engine and nothing else, plus the one mapper that renders every error as
 * a SCIM error body (RFC 7644 §3.12).
 */
package com.leadcast.rest;
