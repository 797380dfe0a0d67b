-- Leadcast SCIM schema, version 5: a tenant's own request rate limit (a token bucket: requests per second and
-- burst), set through the admin API. Both columns are null while the tenant has the server's default limit
-- (LEADCAST_RATE_LIMIT_RPS / LEADCAST_RATE_LIMIT_BURST), both set otherwise (com.leadcast.tenant.RateLimit).

ALTER TABLE tenant ADD COLUMN rate_limit_rps INTEGER;
ALTER TABLE tenant ADD COLUMN rate_limit_burst INTEGER;
