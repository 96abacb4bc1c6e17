"""A reference client: the plainest aiohttp loop with the checkers' limits, run as its own process.

    python scripts/benchlib/aioref.py DOCS_DIR

One ClientSession, a global semaphore of 64 and one of 8 per host, one HEAD per unique URL, no other work.
It shows what Python with aiohttp can reach on this machine, so a gap between it and validate.py is the
validator's own overhead, not the library's. Prints "<requests> <404s>" on stdout.
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections import defaultdict
from pathlib import Path

import aiohttp

LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


async def check_all(urls: list[str], concurrency: int = 64, host_concurrency: int = 8) -> list[int]:
    global_slots = asyncio.Semaphore(concurrency)
    host_slots: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(host_concurrency))
    connector = aiohttp.TCPConnector(limit=concurrency, limit_per_host=0)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(url: str) -> int:
            host = url.split("/", 3)[2]
            async with host_slots[host], global_slots, session.head(url, allow_redirects=False) as response:
                return response.status

        return await asyncio.gather(*(one(url) for url in urls))


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: aioref.py DOCS_DIR", file=sys.stderr)
        return 2
    urls = list(
        dict.fromkeys(u for f in sorted(Path(sys.argv[1]).rglob("*.md")) for u in LINK.findall(f.read_text("utf-8")))
    )
    statuses = asyncio.run(check_all(urls))
    print(len(statuses), statuses.count(404))
    return 0


if __name__ == "__main__":
    sys.exit(main())
