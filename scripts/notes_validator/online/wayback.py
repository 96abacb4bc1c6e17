"""Suggest an archived copy of a dead link (the Wayback Machine's availability API, or a local stand-in)."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from .client import RequestError
from .fetch import CHECKER_HEADERS, Fetcher


async def newest_snapshot(fetcher: Fetcher, api: str, url: str) -> str:
    """The archived URL the API offers for `url`, or '' (none, or the API did not answer).

    The lookup passes the archive host's gate like any fetch: at most --host-concurrency at a time.
    """
    query = f"{api}{'&' if '?' in api else '?'}{urlencode({'url': url})}"
    try:
        async with fetcher.politeness.gate(query):
            response = await fetcher.client.request("GET", query, CHECKER_HEADERS, 1_000_000, fetcher.settings.timeout)
        if response.status != 200:
            return ""
        data = json.loads(response.body)
    except (RequestError, ValueError):
        return ""
    closest = (data.get("archived_snapshots") or {}).get("closest") if isinstance(data, dict) else None
    if isinstance(closest, dict) and closest.get("available") is not False and isinstance(closest.get("url"), str):
        return closest["url"]
    return ""
