"""Suggest an archived copy of a dead link (the Wayback Machine's availability API, or a local stand-in)."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from .fetch import CHECKER_BLOCK
from .http import Client, HttpError, split_url


async def newest_snapshot(client: Client, api: str, url: str, timeout: float) -> str:
    """The archived URL the API offers for `url`, or '' (none, or the API did not answer)."""
    query = f"{api}{'&' if '?' in api else '?'}{urlencode({'url': url})}"
    try:
        response = await client.request("GET", split_url(query), CHECKER_BLOCK, 1_000_000, timeout)
        if response.status != 200:
            return ""
        data = json.loads(response.body)
    except (HttpError, TimeoutError, ValueError, OSError):
        return ""
    closest = (data.get("archived_snapshots") or {}).get("closest") if isinstance(data, dict) else None
    if isinstance(closest, dict) and closest.get("available") is not False and isinstance(closest.get("url"), str):
        return closest["url"]
    return ""
