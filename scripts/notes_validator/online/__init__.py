"""Online checks: fetching (aiohttp), politeness, retries, redirects, cache, Wayback suggestions."""
