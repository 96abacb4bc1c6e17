"""Online checks: a small HTTP client, politeness, retries, redirects, cache, Wayback suggestions."""
