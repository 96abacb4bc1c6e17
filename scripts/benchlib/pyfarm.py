"""The link farm without nginx: a minimal HTTP/1.1 keep-alive server on asyncio, one process per core.

Used when nginx's Lua module is absent. It answers from a protocol callback and schedules the reply
with loop.call_later, so a waiting request costs a timer, not a coroutine. Requests on one connection
are answered in order because every reply has the same delay. Each worker counts what it served in
its own slot of a shared array, which the parent sums.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
import socket
import time
from multiprocessing.sharedctypes import SynchronizedArray

_HEAD_END = b"\r\n\r\n"


def _response(status: int, head_only: bool) -> bytes:
    reason = "OK" if status == 200 else "Not Found"
    body = f"<!doctype html><title>{status}</title>\n".encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nServer: linkfarm\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n"
    ).encode()
    return head if head_only else head + body


_REPLIES = {(status, head): _response(status, head) for status in (200, 404) for head in (False, True)}


class _FarmProtocol(asyncio.Protocol):
    def __init__(self, latency_s: float, counts: SynchronizedArray, times: SynchronizedArray, slot: int) -> None:
        self.latency_s = latency_s
        self.counts = counts
        self.times = times  # per worker: first request arrived, last response sent (Unix time)
        self.slot = slot
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        loop = asyncio.get_running_loop()
        while (end := self.buffer.find(_HEAD_END)) >= 0:
            head, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
            method, _, rest = head.partition(b" ")
            path = rest.split(b" ", 1)[0]
            status = 404 if path.startswith(b"/missing/") else 200
            self.counts[self.slot + (0 if status == 200 else 1)] += 1
            if not self.times[self.slot]:
                self.times[self.slot] = time.time()
            loop.call_later(self.latency_s, self._reply, _REPLIES[(status, method == b"HEAD")])

    def _reply(self, payload: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(payload)
            self.times[self.slot + 1] = time.time()

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None


def _listening_socket(address: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)  # the kernel spreads connections over workers
    sock.bind((address, port))
    sock.listen(4096)
    sock.setblocking(False)
    return sock


def _serve(
    addresses: list[str], port: int, latency_s: float, counts: SynchronizedArray, times: SynchronizedArray, slot: int
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us; Ctrl-C must not print tracebacks here

    async def main() -> None:
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        servers = [
            await loop.create_server(
                lambda: _FarmProtocol(latency_s, counts, times, slot), sock=_listening_socket(address, port)
            )
            for address in addresses
        ]
        await stop.wait()
        for server in servers:
            server.close()

    asyncio.run(main())


class PythonFarmProcesses:
    """Start one worker per core (at least 2) serving every address on the same port."""

    def __init__(self, addresses: list[str], port: int, latency_s: float, workers: int | None = None) -> None:
        self.addresses = addresses
        self.port = port
        self.latency_s = latency_s
        self.workers = workers or max(2, os.cpu_count() or 2)
        context = multiprocessing.get_context("fork")
        self.counts = context.Array("q", 2 * self.workers, lock=False)
        self.times = context.Array("d", 2 * self.workers, lock=False)
        self._context = context
        self._processes: list[multiprocessing.process.BaseProcess] = []

    def start(self) -> None:
        for worker in range(self.workers):
            process = self._context.Process(
                target=_serve,
                args=(self.addresses, self.port, self.latency_s, self.counts, self.times, 2 * worker),
                daemon=True,
            )
            process.start()
            self._processes.append(process)

    def alive(self) -> bool:
        return all(process.is_alive() for process in self._processes)

    def totals(self) -> tuple[int, int, float, float]:
        """200s, 404s, when the first request arrived and when the last response left (0.0: none yet)."""
        values, times = list(self.counts), list(self.times)
        firsts = [t for t in times[0::2] if t]
        return sum(values[0::2]), sum(values[1::2]), min(firsts, default=0.0), max(times[1::2], default=0.0)

    def reset(self) -> None:
        for i in range(len(self.counts)):
            self.counts[i] = 0
            self.times[i] = 0.0

    def stop(self) -> None:
        for process in self._processes:
            if process.is_alive() and process.pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGTERM)
        for process in self._processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()
        self._processes.clear()
