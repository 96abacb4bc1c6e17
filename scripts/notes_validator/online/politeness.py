"""Global and per-host limits: a semaphore each, and a per-host 'next request not before' time."""

from __future__ import annotations

import asyncio
import time


class HostGate:
    def __init__(self, concurrency: int, interval: float) -> None:
        self.semaphore = asyncio.Semaphore(concurrency)
        self.interval = interval
        self.next_at = 0.0

    def slow_down(self, wait: float) -> None:
        """After a 429: no request before `wait` seconds, and a longer gap between requests from now on."""
        self.next_at = max(self.next_at, time.monotonic() + wait)
        self.interval = min(max(self.interval * 2, 0.1), 5.0)

    async def pace(self) -> None:
        now = time.monotonic()
        start = max(now, self.next_at)
        self.next_at = start + self.interval
        if start > now:
            await asyncio.sleep(start - now)


class Politeness:
    def __init__(self, max_concurrency: int, host_concurrency: int, interval: float) -> None:
        self.global_slots = asyncio.Semaphore(max_concurrency)
        self.host_concurrency = host_concurrency
        self.interval = interval
        self.hosts: dict[str, HostGate] = {}

    def gate(self, host: str) -> HostGate:
        gate = self.hosts.get(host)
        if gate is None:
            gate = self.hosts[host] = HostGate(self.host_concurrency, self.interval)
        return gate

    def slot(self, host: str) -> _Slot:
        """Hold a host slot, then a global one (so a queue for one busy host never blocks other hosts)."""
        return _Slot(self, self.gate(host))


class _Slot:
    """`async with politeness.slot(host) as gate:` without a generator per request."""

    __slots__ = ("gate", "politeness")

    def __init__(self, politeness: Politeness, gate: HostGate) -> None:
        self.politeness = politeness
        self.gate = gate

    async def __aenter__(self) -> HostGate:
        await self.gate.semaphore.acquire()
        try:
            await self.gate.pace()
            await self.politeness.global_slots.acquire()
        except BaseException:
            self.gate.semaphore.release()
            raise
        return self.gate

    async def __aexit__(self, *exc_info: object) -> None:
        self.politeness.global_slots.release()
        self.gate.semaphore.release()
