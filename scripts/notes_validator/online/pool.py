"""Run the fetches: per-host queues, a few workers per host, a global cap on requests in flight.

URLs can be submitted while earlier ones are being fetched (the checker feeds them as pages are
parsed). Each host gets at most `host_concurrency` workers, each worker holds one of
`max_concurrency` global slots per request, so the task count stays small however many URLs there are,
and a host with a long queue never keeps the other hosts waiting.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from .fetch import Fetcher, FetchSettings, Outcome


@dataclass(frozen=True, slots=True)
class Spec:
    key: str
    url: str
    host: str  # the queue it waits in
    wants_body: bool
    wants_text: bool


@dataclass(slots=True)
class Result:
    spec: Spec
    outcome: Outcome
    anchors: set[str] | None = None
    text: str | None = None


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop when installed: the same asyncio program with less per-request overhead."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def digest(spec: Spec, outcome: Outcome) -> Result:
    """Keep what the checks need from the body (anchors, normalised text) and drop the bytes."""
    result = Result(spec, outcome)
    body, outcome.body = outcome.body, b""
    if not outcome.ok or not body:
        return result
    from ..htmltext import HtmlPage, decode, is_html  # only runs that read pages pay for the HTML parser
    from ..quotes import normalize

    text = decode(body, outcome.content_type)
    if is_html(body, outcome.content_type):
        page = HtmlPage(text)
        result.anchors = page.anchors()
        if spec.wants_text:
            result.text = normalize(page.text())
    elif spec.wants_text:
        result.text = normalize(text)
    return result


class FetchPool:
    def __init__(self, fetcher: Fetcher, settings: FetchSettings, on_result: Callable[[Result], None]) -> None:
        self.fetcher = fetcher
        self.host_concurrency = settings.host_concurrency
        self.on_result = on_result
        self.queues: dict[str, deque[Spec]] = {}
        self.workers: dict[str, int] = {}
        self.free = settings.max_concurrency
        self.waiting: deque[asyncio.Future[None]] = deque()
        self.tasks: set[asyncio.Task[None]] = set()

    def submit(self, spec: Spec) -> None:
        queue = self.queues.get(spec.host)
        if queue is None:
            queue = self.queues[spec.host] = deque()
            self.workers[spec.host] = 0
        queue.append(spec)
        if self.workers[spec.host] < self.host_concurrency:
            self.workers[spec.host] += 1
            task = asyncio.get_running_loop().create_task(self._work(spec.host, queue))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def join(self) -> None:
        while self.tasks:
            await asyncio.gather(*self.tasks)

    async def _work(self, host: str, queue: deque[Spec]) -> None:
        try:
            while queue:
                if self.free > 0 and not self.waiting:
                    self.free -= 1
                else:
                    await self._wait_for_slot()
                try:
                    if not queue:
                        break
                    result = await self._one(queue.popleft())
                finally:
                    self._release()
                self.on_result(result)
        finally:
            self.workers[host] -= 1

    async def _wait_for_slot(self) -> None:
        waiter = asyncio.get_running_loop().create_future()
        self.waiting.append(waiter)
        try:
            await waiter  # _release hands its slot straight over
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self._release()
            raise

    def _release(self) -> None:
        while self.waiting:
            waiter = self.waiting.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self.free += 1

    async def _one(self, spec: Spec) -> Result:
        try:
            return digest(spec, await self.fetcher.check(spec.url, spec.wants_body))
        except Exception as exc:  # one odd page must not cost the whole report
            return Result(spec, Outcome(spec.url, error=f"could not check: {exc.__class__.__name__}: {exc}"))
