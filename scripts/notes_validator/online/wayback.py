"""Suggest an archived copy of a dead link (the Wayback Machine's availability API, or a local stand-in)."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import aiohttp

from .fetch import DEFAULT_USER_AGENT


async def newest_snapshot(session: aiohttp.ClientSession, api: str, url: str, timeout: float) -> str:
    """The archived URL the API offers for `url`, or '' (none, or the API did not answer)."""
    query = f"{api}{'&' if '?' in api else '?'}{urlencode({'url': url})}"
    try:
        async with session.get(
            query, headers={"User-Agent": DEFAULT_USER_AGENT}, timeout=aiohttp.ClientTimeout(total=timeout)
        ) as response:
            if response.status != 200:
                return ""
            data = json.loads(await response.content.read(1_000_000))
    except (aiohttp.ClientError, TimeoutError, ValueError, OSError):
        return ""
    closest = (data.get("archived_snapshots") or {}).get("closest") if isinstance(data, dict) else None
    if isinstance(closest, dict) and closest.get("available") is not False and isinstance(closest.get("url"), str):
        return closest["url"]
    return ""
