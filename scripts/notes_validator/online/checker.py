"""Online checks over all pages: each unique URL fetched once, then findings for every place it is used."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from ..guard import Guard
from ..htmltext import HtmlPage, decode, is_html
from ..model import ERROR, WARNING, Finding, Link, Page, Position, QuoteNote
from ..quotes import normalize
from ..snapshots import quote_finding
from ..urls import external_targets, fetch_key, without_fragment
from .cache import Cache, Entry
from .client import Client, proxy_endpoints
from .fetch import Fetcher, FetchSettings, Outcome
from .wayback import newest_snapshot


@dataclass
class Job:
    """One URL to fetch, and everything that depends on it."""

    url: str
    key: str = ""  # canonical form: cache key
    host: str = ""
    links: list[tuple[Link, str]] = field(default_factory=list)  # (link, fragment)
    quotes: list[QuoteNote] = field(default_factory=list)
    outcome: Outcome | None = None
    anchors: set[str] | None = None
    truncated: bool = False  # the page was cut at the body limit: anchors are from its start only
    text: str | None = None  # normalised readable text (quote sources only)
    fetched_at: float = 0.0
    from_cache: bool = False
    archived: str = ""
    wants_anchors: bool = False  # some link has a #fragment to look for

    @property
    def wants_body(self) -> bool:
        return self.wants_anchors or bool(self.quotes)


def add_page(jobs: dict[str, Job], page: Page) -> None:
    """Add one page's external links and quote sources to the jobs."""
    targets = getattr(page, "external", None)
    if targets is None:
        targets = external_targets([link.url for link in page.links])
    for index, base, fragment, key, host in targets:
        job = jobs.get(key)
        if job is None:
            job = jobs[key] = Job(base, key=key, host=host)
        job.links.append((page.links[index], fragment))
        if fragment and not fragment.startswith(":~:"):
            job.wants_anchors = True
    for quote in page.quotes:
        if quote.problem or not quote.source_url:
            continue
        base, _ = without_fragment(quote.source_url)
        key, host = fetch_key(base)
        job = jobs.get(key)
        if job is None:
            job = jobs[key] = Job(base, key=key, host=host)
        job.quotes.append(quote)


def gather_jobs(pages: Iterable[Page]) -> dict[str, Job]:
    jobs: dict[str, Job] = {}
    for page in pages:
        add_page(jobs, page)
    return jobs


def round_robin(jobs: Iterable[Job]) -> Iterator[Job]:
    """One job of each host in turn, so the workers spread over the hosts instead of queueing at one."""
    by_host: dict[str, list[Job]] = {}
    for job in jobs:
        by_host.setdefault(job.host, []).append(job)
    queues = [iter(queue) for queue in by_host.values()]
    while queues:
        still = []
        for queue in queues:
            job = next(queue, None)
            if job is not None:
                yield job
                still.append(queue)
        queues = still


NOTHING: tuple[Finding, ...] = ()


def _date_time(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(timestamp))


class OnlineChecker:
    def __init__(
        self,
        settings: FetchSettings,
        *,
        allow_private: bool,
        cache: Cache | None,
        archive_api: str = "",
        progress: bool = False,
        resolver: Any = None,
        exempt: set[tuple[str, int]] | None = None,
    ) -> None:
        self.settings = settings
        self.cache = cache
        self.archive_api = archive_api
        self.progress = progress
        self.base_resolver = resolver
        # The operator chose the archive endpoint and the proxies; the guard protects against page content.
        exempt = set(exempt or set()) | proxy_endpoints()
        if archive_api:
            parts = urlsplit(archive_api)
            if parts.hostname:
                exempt.add((parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)))
        self.guard = Guard(allow_private, exempt)
        self.stats: dict[str, Any] = {"urls": 0, "fetched": 0, "from_cache": 0, "broken": 0, "blocked": 0}
        self.jobs: dict[str, Job] = {}
        self.bar: Any = None

    def run(self, pages: Iterable[Page]) -> list[Finding]:
        """Check every page's external links and quote sources."""
        self.jobs = gather_jobs(pages)
        asyncio.run(self._run())
        jobs = self.jobs
        self.stats["urls"] = len(jobs)
        self.stats["from_cache"] = sum(1 for job in jobs.values() if job.from_cache)
        self.stats["fetched"] = len(jobs) - self.stats["from_cache"]
        findings: list[Finding] = []
        for job in jobs.values():
            findings.extend(self._evaluate(job))
        if self.cache is not None:
            self.cache.save()
        return findings

    async def _run(self) -> None:
        client = Client(
            self.guard,
            max_connections=self.settings.max_concurrency,
            host_connections=self.settings.host_concurrency,
            resolver=self.base_resolver,
        )
        fetcher = Fetcher(client, self.settings, self.guard)
        todo = [job for job in self.jobs.values() if not self._from_cache(job)]
        if self.progress and todo:
            from tqdm import tqdm

            self.bar = tqdm(total=len(todo), unit="url", file=sys.stderr, leave=False)
        try:
            await self._each(todo, lambda job: self._fetch(fetcher, job))
            if self.archive_api:
                dead = [job for job in self.jobs.values() if self._is_dead(job)]
                await self._each(dead, lambda job: self._suggest(fetcher, job))
        finally:
            await client.close()
            if self.bar is not None:
                self.bar.close()

    async def _each(self, jobs: list[Job], work: Callable[[Job], Awaitable[None]]) -> None:
        """Run `work(job)` for every job, at most max_concurrency at a time, hosts taken in turn."""
        order = round_robin(jobs)

        async def worker() -> None:
            for job in order:
                await work(job)

        await asyncio.gather(*(worker() for _ in range(min(self.settings.max_concurrency, len(jobs)))))

    async def _fetch(self, fetcher: Fetcher, job: Job) -> None:
        try:
            outcome = await fetcher.check(job.url, job.wants_body)
        except Exception as exc:  # one odd page must not cost the whole report
            outcome = Outcome(job.url, error=f"could not check: {exc.__class__.__name__}: {exc}")
        self._digest(job, outcome)
        if self.bar is not None:
            self.bar.update(1)
        self._remember(job)

    async def _suggest(self, fetcher: Fetcher, job: Job) -> None:
        job.archived = await newest_snapshot(fetcher, self.archive_api, job.url)

    def _digest(self, job: Job, outcome: Outcome) -> None:
        """Keep what the checks need from the body (anchors, normalised text) and drop the bytes."""
        body, outcome.body = outcome.body, b""
        job.outcome, job.fetched_at, job.truncated = outcome, outcome.fetched_at, outcome.truncated
        if not outcome.ok or not body:
            return
        text = decode(body, outcome.content_type)
        if is_html(body, outcome.content_type):
            page = HtmlPage(text)
            job.anchors = page.anchors()
            if job.quotes:
                job.text = normalize(page.text())
        elif job.quotes:
            job.text = normalize(text)

    # --- cache ------------------------------------------------------------------------------------
    def _from_cache(self, job: Job) -> bool:
        if self.cache is None:
            return False
        entry = self.cache.fresh(job.key)
        if entry is None or (job.wants_body and not entry.body):
            return False  # checked with HEAD before; now the page itself is needed
        if job.quotes:
            snapshot = self.cache.snapshot(job.key)
            if snapshot is None or snapshot[1] < entry.checked - 1:
                return False
            job.text = snapshot[0]
        job.outcome = Outcome(
            job.url,
            status=entry.status,
            final_url=entry.final_url or job.url,
            chain=list(entry.chain),
            fetched_at=entry.checked,
            truncated=entry.truncated,
        )
        job.anchors = set(entry.anchors) if entry.anchors is not None else None
        job.truncated = entry.truncated
        job.fetched_at = entry.checked
        job.from_cache = True
        return True

    def _remember(self, job: Job) -> None:
        outcome = job.outcome
        if self.cache is None or outcome is None:
            return
        if not outcome.ok:
            self.cache.forget(job.key)  # failures are always checked again
            return
        entry = Entry(
            checked=outcome.fetched_at,
            status=outcome.status,
            final_url=outcome.final_url if outcome.final_url != job.url else "",
            chain=list(outcome.chain),
            body=job.wants_body,
            anchors=sorted(job.anchors) if job.anchors is not None else None,
            truncated=job.truncated,
        )
        self.cache.put(job.key, entry)
        if job.text is not None:
            self.cache.put_snapshot(job.key, job.text, outcome.fetched_at)

    def _is_dead(self, job: Job) -> bool:
        outcome = job.outcome
        return outcome is not None and not outcome.refused and not outcome.blocked and not outcome.ok

    # --- findings ------------------------------------------------------------------------------------
    def _evaluate(self, job: Job) -> Sequence[Finding]:
        outcome = job.outcome
        assert outcome is not None
        if not (outcome.chain or job.wants_anchors or job.quotes) and outcome.ok:
            return NOTHING  # the common case, a plain working link (no list allocated for it)
        findings: list[Finding] = []
        problem, severity, check = self._url_problem(outcome)
        if outcome.blocked:
            self.stats["blocked"] += 1
        elif problem and severity == ERROR:
            self.stats["broken"] += 1
        for link, fragment in job.links:
            if problem:
                suggestion = job.archived if job.archived else ""
                findings.append(Finding(link.position, severity, check, problem, link.url, suggestion))
                if severity == ERROR or outcome.blocked:
                    continue
            if outcome.permanent and outcome.ok:
                final = outcome.final_url + (f"#{fragment}" if fragment else "")
                first = outcome.chain[0][1] if outcome.chain else 301
                findings.append(
                    Finding(
                        link.position, WARNING, "redirect", f"permanent redirect ({first}) to {final}", link.url, final
                    )
                )
            if fragment and not fragment.startswith(":~:") and job.anchors is not None:
                finding = self._fragment_problem(link, fragment, job)
                if finding:
                    findings.append(finding)
        for quote in job.quotes:
            findings.append(self._quote_finding(quote, job, problem if severity == ERROR else ""))
        return findings

    def _url_problem(self, outcome: Outcome) -> tuple[str, str, str]:
        if outcome.refused:
            return f"refused: {outcome.refused} (use --allow-private to check it)", ERROR, "private-address"
        if outcome.error:
            return outcome.error, ERROR, "link"
        if outcome.blocked:
            return (
                f"blocked: HTTP {outcome.status} even to a browser User-Agent (bot protection?); not checked",
                WARNING,
                "blocked",
            )
        status = outcome.status or 0
        if status >= 400:
            if outcome.chain:
                return f"redirect ends in HTTP {status} at {outcome.final_url}", ERROR, "link"
            return f"HTTP {status}", ERROR, "link"
        return "", "", ""

    def _fragment_problem(self, link: Link, fragment: str, job: Job) -> Finding | None:
        anchors = job.anchors or set()
        name = unquote(fragment)
        if name in anchors or fragment in anchors or f"user-content-{name}" in anchors:
            return None
        host = (urlsplit(job.url).hostname or "").lower()
        if host.endswith("github.com") and name[:1] == "L" and name[1:].replace("-L", "").isdigit():
            return None  # line anchors are made by script
        where = job.outcome.final_url if job.outcome else job.url
        if job.truncated:
            limit = self.settings.body_limit / (1024 * 1024)
            return Finding(
                link.position,
                WARNING,
                "fragment",
                f"page too large to check fragment '#{name}': not in the first {limit:g} MB of {where}",
                link.url,
            )
        return Finding(
            link.position,
            ERROR,
            "fragment",
            f"fragment '#{name}' not found in {job.outcome.final_url if job.outcome else job.url}",
            link.url,
        )

    def _quote_finding(self, quote: QuoteNote, job: Job, url_problem: str) -> Finding:
        outcome = job.outcome
        assert outcome is not None
        if url_problem:
            return Finding(quote.position, ERROR, "quote", f"quote source unreachable: {url_problem}", quote.source_url)
        if outcome.blocked:
            return Finding(
                quote.position, WARNING, "quote", "quote not verified: its source is blocked", quote.source_url
            )
        if job.text is None:
            return Finding(
                quote.position, ERROR, "quote", "quote source has no readable text (not HTML or text)", quote.source_url
            )
        return quote_finding(quote, job.text, f"its source (fetched {_date_time(job.fetched_at)})")


__all__ = ["OnlineChecker", "Position"]
