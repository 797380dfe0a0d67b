/**
 * How a query shapes its answer: attribute projection ({@code attributes}, {@code excludedAttributes}) and paging
 * of RFC 7644 §3.4.2, by index or by the signed, self-contained cursors of RFC 9865, of one resource type or of
 * several merged into one order, independent of where the resources come from; and which resource types a query
 * searches together, whose attributes its filter may name ({@link com.leadcast.scim.query.OtherResourceTypes}).
 */
package com.leadcast.scim.query;
