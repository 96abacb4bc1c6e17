"""Fetch one URL the careful way: guard, per-host politeness, retries with backoff, redirects, bot walls.

Redirects are followed here, not by the HTTP client, so every hop is guarded, counted and recorded.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from ..guard import Guard
from .client import BAD_RESPONSE, DISCONNECTED, REFUSED, TIMEOUT, Client, RequestError, Response

DEFAULT_USER_AGENT = "notes-validator/1.0 (link and quote checker for MkDocs sites)"
BROWSER_HEADERS = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "en-US,en;q=0.9,zh-CN;q=0.8,zh;q=0.7",
}
CHECKER_HEADERS = {"User-Agent": DEFAULT_USER_AGENT, "Accept": "*/*"}
REDIRECTS = {300, 301, 302, 303, 307, 308}
PERMANENT = {301, 308}
RETRY_STATUSES = {408, 500, 502, 503, 504, 520, 521, 522, 523, 524}
RETRY_AFTER_CAP = 60.0
CHALLENGE_PEEK = 65_536


@dataclass
class FetchSettings:
    max_concurrency: int = 64
    host_concurrency: int = 8
    host_request_interval: float = 0.05
    timeout: float = 20.0
    retries: int = 3
    max_redirects: int = 10
    retry_wait: float = 1.0
    body_limit: int = 5 * 1024 * 1024


@dataclass
class Outcome:
    """What happened to one URL (fragment already stripped)."""

    url: str
    status: int | None = None
    final_url: str = ""
    chain: list[tuple[str, int]] = field(default_factory=list)
    error: str = ""
    refused: str = ""
    blocked: bool = False
    content_type: str = ""
    body: bytes = b""
    truncated: bool = False  # the body was cut at FetchSettings.body_limit
    fetched_at: float = field(default_factory=time.time)

    @property
    def permanent(self) -> bool:
        return any(status in PERMANENT for _, status in self.chain)

    @property
    def ok(self) -> bool:
        return not self.error and not self.refused and not self.blocked and (self.status or 999) < 400


@dataclass
class _Hop:
    status: int = 0
    location: str | None = None
    content_type: str = ""
    body: bytes = b""
    truncated: bool = False
    blocked: bool = False
    error: str = ""
    refused: str = ""


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds (a number or an HTTP date), capped at 60."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return max(0.0, min(seconds, RETRY_AFTER_CAP))


def looks_like_challenge(status: int, headers: Mapping[str, str], body: bytes) -> bool:
    """Cloudflare-style bot walls: a header, the server, or the interstitial page's text."""
    if str(headers.get("cf-mitigated", "")).lower() == "challenge":
        return True
    if status == 403 and "cloudflare" in str(headers.get("server", "")).lower():
        return True
    peek = body[:CHALLENGE_PEEK]
    return b"Just a moment..." in peek or b"challenge-platform" in peek or b"captcha" in peek.lower()


class HostGate:
    """One host's politeness: at most `concurrency` requests in flight, `interval` seconds between starts.

    A counter and a queue of futures rather than asyncio.Semaphore, whose acquire() scans all its waiters.
    """

    def __init__(self, concurrency: int, interval: float) -> None:
        self.free = concurrency
        self.waiters: deque[asyncio.Future[None]] = deque()
        self.interval = interval
        self.next_at = 0.0

    def slow_down(self, wait: float) -> None:
        """After a 429: no request before `wait` seconds, and a longer gap between requests from now on."""
        self.next_at = max(self.next_at, time.monotonic() + wait)
        self.interval = min(max(self.interval * 2, 0.1), 5.0)

    async def __aenter__(self) -> None:
        if self.free > 0 and not self.waiters:
            self.free -= 1
        else:
            waiter = asyncio.get_running_loop().create_future()
            self.waiters.append(waiter)
            try:
                await waiter  # the releasing request hands its slot straight over
            except asyncio.CancelledError:
                if waiter.done() and not waiter.cancelled():
                    self._release()
                raise
        if self.interval or self.next_at:
            now = time.monotonic()
            start = max(now, self.next_at)
            self.next_at = start + self.interval
            if start > now:
                try:
                    await asyncio.sleep(start - now)
                except BaseException:
                    self._release()
                    raise

    async def __aexit__(self, *exc_info: object) -> None:
        self._release()

    def _release(self) -> None:
        while self.waiters:
            waiter = self.waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self.free += 1


class Politeness:
    """The gates of all hosts: fetches, redirect hops and archive lookups all pass through them."""

    def __init__(self, concurrency: int, interval: float) -> None:
        self.concurrency = concurrency
        self.interval = interval
        self.gates: dict[str, HostGate] = {}

    def gate(self, url: str) -> HostGate:
        try:
            host = (urlsplit(url).hostname or "").rstrip(".")
        except ValueError:
            host = ""
        gate = self.gates.get(host)
        if gate is None:
            gate = self.gates[host] = HostGate(self.concurrency, self.interval)
        return gate


class Fetcher:
    def __init__(self, client: Client, settings: FetchSettings, guard: Guard) -> None:
        self.client = client
        self.settings = settings
        self.guard = guard
        self.politeness = Politeness(settings.host_concurrency, settings.host_request_interval)

    async def check(self, url: str, want_body: bool) -> Outcome:
        current = url
        seen = {url}
        chain: list[tuple[str, int]] = []
        for _ in range(self.settings.max_redirects + 1):
            reason = self.guard.check_url(current)
            if reason:
                return Outcome(url, final_url=current, chain=chain, refused=reason)
            hop = await self._hop(current, want_body)
            if hop.refused or hop.error:
                return Outcome(url, final_url=current, chain=chain, refused=hop.refused, error=hop.error)
            if hop.status in REDIRECTS:
                target, problem = _redirect_target(current, hop)
                if problem:
                    return Outcome(url, hop.status, current, chain, error=problem)
                chain.append((current, hop.status))
                if target in seen:
                    loop = " → ".join([u for u, _ in chain] + [target])
                    return Outcome(url, hop.status, current, chain, error=f"redirect loop: {loop}")
                seen.add(target)
                current = target
                continue
            return Outcome(
                url,
                status=hop.status,
                final_url=current,
                chain=chain,
                blocked=hop.blocked,
                content_type=hop.content_type,
                body=hop.body,
                truncated=hop.truncated,
            )
        return Outcome(
            url, final_url=current, chain=chain, error=f"too many redirects (more than {self.settings.max_redirects})"
        )

    def _backoff(self, attempt: int) -> float:
        base = self.settings.retry_wait
        return base * (2**attempt) + random.uniform(0, base)

    async def _hop(self, url: str, want_body: bool) -> _Hop:
        method = "GET" if want_body else "HEAD"
        browser = False
        attempt = 0
        gate = self.politeness.gate(url)
        while True:
            try:
                async with gate:
                    hop = await self._request(method, url, browser, want_body)
            except RequestError as exc:
                if exc.kind == REFUSED:
                    return _Hop(refused=str(exc))
                if exc.kind == BAD_RESPONSE and method == "HEAD":
                    method = "GET"  # a broken answer to HEAD (a stray body, say): ask properly
                    continue
                if exc.kind in (TIMEOUT, DISCONNECTED) and attempt < self.settings.retries:
                    await asyncio.sleep(self._backoff(attempt))
                    attempt += 1
                    continue
                return _Hop(error=str(exc))
            status = hop.status
            if status == 429:
                gate.slow_down(retry_after_seconds(hop.location) or self._backoff(attempt))
            if method == "HEAD" and status in (405, 501):
                method = "GET"  # HEAD is not trusted: ask again properly
                continue
            if status in (403, 503) and not browser and (status == 403 or hop.blocked):
                browser, method = True, "GET"  # a bot wall or a UA filter: try as a browser would
                continue
            if status == 429 and attempt < self.settings.retries:
                attempt += 1
                continue  # the host gate now waits Retry-After before the next request
            if status in RETRY_STATUSES and not hop.blocked and attempt < self.settings.retries:
                await asyncio.sleep(self._backoff(attempt))
                attempt += 1
                continue
            if browser and (status == 403 or (status == 503 and hop.blocked)):
                hop.blocked = True
            elif status not in (403, 503):
                hop.blocked = False
            return hop

    async def _request(self, method: str, url: str, browser: bool, want_body: bool) -> _Hop:
        # A 403/503 page is read a little, to recognise a bot wall; other unwanted bodies are not read.
        limit = (self.settings.body_limit if want_body else CHALLENGE_PEEK) if method == "GET" else 0
        headers = BROWSER_HEADERS if browser else CHECKER_HEADERS
        response: Response = await self.client.request(method, url, headers, limit, self.settings.timeout)
        status, response_headers = response.status, response.headers
        hop = _Hop(status=status, content_type=response_headers.get("content-type", ""))
        if status in REDIRECTS:
            hop.location = response_headers.get("location")
        elif status == 429:
            hop.location = response_headers.get("retry-after", "")  # carried back to the caller
        elif method == "GET" and (want_body or status in (403, 503)):
            hop.body, hop.truncated = response.body, response.truncated
            if status >= 300:
                hop.body = hop.body[:CHALLENGE_PEEK]
            hop.blocked = status in (403, 503) and looks_like_challenge(status, response_headers, hop.body)
        elif status in (403, 503):
            hop.blocked = looks_like_challenge(status, response_headers, b"")
        return hop


def _redirect_target(current: str, hop: _Hop) -> tuple[str, str]:
    """(next URL, '') or ('', why the redirect cannot be followed)."""
    location = hop.location
    if location is None or not location.strip():
        return "", f"redirect ({hop.status}) without a Location header"
    if any(ord(c) < 0x21 or c == "\x7f" for c in location.strip()):
        return "", f"bad redirect target {location!r}"
    try:
        target = urljoin(current, location.strip()).partition("#")[0]
        parts = urlsplit(target)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return "", f"bad redirect target {location!r}"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "", f"redirect to a non-HTTP URL {location!r}"
    return target, ""
