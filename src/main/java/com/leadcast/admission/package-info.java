/**
 * Admission: what decides whether a tenant's request may run now. A per-tenant token bucket bounds its rate, a
 * per-tenant bulkhead the requests it has in progress, and hashing permits the CPU its passwords take; beyond a bound
 * the caller gets {@code 429} (or {@code 503}) with {@code Retry-After} instead of other tenants' service getting
 * slower. {@link com.leadcast.admission.AdmissionFilter} is the one place in the request path that applies the first
 * two; {@link com.leadcast.admission.PasswordHashing} wraps each password hash.
 */
package com.leadcast.admission;
