"""Run the fetches: `max_concurrency` workers taking URLs from per-host queues, round robin.

URLs can be submitted while earlier ones are being fetched (the checker feeds them as pages are
parsed). A worker that finishes a URL takes the next one itself, from the next host that has a free
slot (at most `host_concurrency` requests per host), so no request waits for another task to wake
up, the task count stays small however many URLs there are, and a host with a long queue never keeps
the other hosts waiting.
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
        self.gates = fetcher.politeness
        self.on_result = on_result
        self.max_workers = settings.max_concurrency
        self.queues: dict[str, deque[Spec]] = {}
        self.ready: deque[str] = deque()  # hosts with queued URLs, each once, in round-robin order
        self.idle: deque[asyncio.Future[None]] = deque()
        self.tasks: set[asyncio.Task[None]] = set()
        self.closing = False

    def submit(self, spec: Spec) -> None:
        queue = self.queues.get(spec.host)
        if queue is None:
            queue = self.queues[spec.host] = deque()
        if not queue:
            self.ready.append(spec.host)
        queue.append(spec)
        if self.idle:
            self._wake_one()
        elif len(self.tasks) < self.max_workers:
            task = asyncio.get_running_loop().create_task(self._work())
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def join(self) -> None:
        """Wait until every submitted URL is checked (call after the last submit)."""
        self.closing = True
        while self.idle:
            self._wake_one()
        while self.tasks:
            await asyncio.gather(*self.tasks)

    def _wake_one(self) -> None:
        while self.idle:
            waiter = self.idle.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    def _pick(self) -> Spec | None:
        """The next URL of the next host with a free slot (taking the slot is the fetcher's first step)."""
        ready = self.ready
        for _ in range(len(ready)):
            host = ready[0]
            if not self.gates.gate(host).full:
                queue = self.queues[host]
                spec = queue.popleft()
                if queue:
                    ready.rotate(-1)
                else:
                    ready.popleft()
                return spec
            ready.rotate(-1)
        return None

    async def _work(self) -> None:
        while True:
            spec = self._pick()
            if spec is None:
                if self.closing:
                    return  # what is left waits for a busy host, whose workers will take it
                waiter = asyncio.get_running_loop().create_future()
                self.idle.append(waiter)
                await waiter
                continue
            if self.idle and self.ready:
                self._wake_one()  # more hosts may have room than this worker can serve
            self.on_result(await self._one(spec))

    async def _one(self, spec: Spec) -> Result:
        try:
            return digest(spec, await self.fetcher.check(spec.url, spec.wants_body))
        except Exception as exc:  # one odd page must not cost the whole report
            return Result(spec, Outcome(spec.url, error=f"could not check: {exc.__class__.__name__}: {exc}"))
