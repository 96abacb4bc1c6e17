"""Per-host limits: at most N requests in flight to a host, and a 'next request not before' time.

The global limit is the number of fetch workers (pool.py), so a request only takes its host's slot.
The common case (a free slot, no interval, no 429 seen) takes no await and creates no future.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque


class HostGate:
    __slots__ = ("free", "interval", "next_at", "waiters")

    def __init__(self, concurrency: int, interval: float) -> None:
        self.free = concurrency
        self.waiters: deque[asyncio.Future[None]] = deque()
        self.interval = interval
        self.next_at = 0.0

    @property
    def full(self) -> bool:
        return self.free <= 0

    def slow_down(self, wait: float) -> None:
        """After a 429: no request before `wait` seconds, and a longer gap between requests from now on."""
        self.next_at = max(self.next_at, time.monotonic() + wait)
        self.interval = min(max(self.interval * 2, 0.1), 5.0)

    async def acquire(self) -> None:
        if self.free > 0 and not self.waiters:
            self.free -= 1
        else:
            waiter = asyncio.get_running_loop().create_future()
            self.waiters.append(waiter)
            try:
                await waiter  # release() hands its slot straight to us
            except asyncio.CancelledError:
                if waiter.done() and not waiter.cancelled():
                    self.release()
                raise
        if self.interval or self.next_at:
            try:
                await self.pace()
            except BaseException:
                self.release()
                raise

    def release(self) -> None:
        while self.waiters:
            waiter = self.waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self.free += 1

    async def pace(self) -> None:
        now = time.monotonic()
        start = max(now, self.next_at)
        self.next_at = start + self.interval if self.interval else 0.0
        if start > now:
            await asyncio.sleep(start - now)


class Politeness:
    def __init__(self, host_concurrency: int, interval: float) -> None:
        self.host_concurrency = host_concurrency
        self.interval = interval
        self.hosts: dict[str, HostGate] = {}

    def gate(self, host: str) -> HostGate:
        gate = self.hosts.get(host)
        if gate is None:
            gate = self.hosts[host] = HostGate(self.host_concurrency, self.interval)
        return gate
