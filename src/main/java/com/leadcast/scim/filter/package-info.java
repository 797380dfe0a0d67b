/**
 * Parser for SCIM 2.0 filter expressions (RFC 7644 §3.4.2.2) and PATCH operation paths
 * (RFC 7644 §3.5.2), producing an immutable AST of records behind the sealed {@link Filter} interface.
 * The entry point is {@link com.leadcast.scim.filter.FilterParser}; syntax errors are reported as
 * {@link com.leadcast.scim.filter.FilterException} with a message meant for the tenant administrator.
 */
package com.leadcast.scim.filter;
