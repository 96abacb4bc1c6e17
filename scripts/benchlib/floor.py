"""The farm's floor: the fastest a client can go, measured with a bare keep-alive client.

64 workers take URLs from one queue, at most 8 in flight per host, over pooled keep-alive
connections: the same politeness the checkers get, with no work besides the request. The time it
takes is what the farm allows (ideally N × latency / 64); if it is far above that ideal, the farm
itself is the bottleneck.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from urllib.parse import urlsplit

Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def _get(connection: Connection, host: str, path: str) -> int:
    reader, writer = connection
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return int(head.split(b" ", 2)[1])


async def _crawl(urls: list[str], concurrency: int, host_concurrency: int) -> dict[int, int]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in urls:
        queue.put_nowait(url)
    idle: dict[str, list[Connection]] = defaultdict(list)
    limits: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(host_concurrency))
    statuses: dict[int, int] = defaultdict(int)

    async def worker() -> None:
        while not queue.empty():
            url = queue.get_nowait()
            parts = urlsplit(url)
            netloc = parts.netloc
            async with limits[netloc]:
                pool = idle[netloc]
                connection = pool.pop() if pool else await asyncio.open_connection(parts.hostname, parts.port)
                statuses[await _get(connection, netloc, parts.path)] += 1
                pool.append(connection)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    for pool in idle.values():
        for _, writer in pool:
            writer.close()
    return dict(statuses)


def measure_floor(urls: list[str], concurrency: int = 64, host_concurrency: int = 8) -> tuple[float, dict[int, int]]:
    """Seconds to fetch every URL with the given limits, and how many of each status came back."""
    start = time.perf_counter()
    statuses = asyncio.run(_crawl(urls, concurrency, host_concurrency))
    return time.perf_counter() - start, statuses
