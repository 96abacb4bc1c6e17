"""Fetch one URL the careful way: guard, politeness, retries with backoff, redirects, bot walls, size caps."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from ..guard import Guard, GuardRefused
from .http import (
    BadResponse,
    Client,
    ConnectError,
    Disconnected,
    HttpError,
    InvalidUrl,
    ResolveError,
    Target,
    split_url,
)
from .politeness import Politeness

DEFAULT_USER_AGENT = "notes-validator/1.0 (link and quote checker for MkDocs sites)"
BROWSER_HEADERS = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "en-US,en;q=0.9,zh-CN;q=0.8,zh;q=0.7",
}
CHECKER_HEADERS = {"User-Agent": DEFAULT_USER_AGENT, "Accept": "*/*"}
ACCEPT_ENCODING = "Accept-Encoding: gzip, deflate\r\n"
BROWSER_BLOCK = "".join(f"{k}: {v}\r\n" for k, v in BROWSER_HEADERS.items()) + ACCEPT_ENCODING
CHECKER_BLOCK = "".join(f"{k}: {v}\r\n" for k, v in CHECKER_HEADERS.items()) + ACCEPT_ENCODING
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
    truncated: bool = False
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
    location: str = ""
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
        import email.utils  # 5 ms to import: only a 429 with an HTTP date needs it

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


class Fetcher:
    def __init__(self, client: Client, settings: FetchSettings, guard: Guard) -> None:
        self.client = client
        self.settings = settings
        self.guard = guard
        self.politeness = Politeness(settings.host_concurrency, settings.host_request_interval)

    async def check(self, url: str, want_body: bool) -> Outcome:
        """Follow redirects by hand, so every hop is guarded, counted and recorded."""
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
            if hop.status in REDIRECTS and hop.location:
                try:
                    target = urljoin(current, hop.location).partition("#")[0]
                    urlsplit(target).port  # noqa: B018 - raises on a malformed port
                except ValueError:
                    return Outcome(url, hop.status, current, chain, error=f"bad redirect target '{hop.location}'")
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
        try:
            target = split_url(url)
        except InvalidUrl as exc:
            return _Hop(error=f"invalid URL: {exc}")
        gate = self.politeness.gate(target.host)
        while True:
            try:
                await gate.acquire()
                try:
                    hop = await self._request(method, target, browser, want_body)
                finally:
                    gate.release()
                if hop.status == 429:
                    gate.slow_down(retry_after_seconds(hop.location) or self._backoff(attempt))
            except TimeoutError:
                if attempt < self.settings.retries:
                    await asyncio.sleep(self._backoff(attempt))
                    attempt += 1
                    continue
                return _Hop(error=f"timed out after {self.settings.timeout:g} s")
            except GuardRefused as exc:
                return _Hop(refused=str(exc))
            except ResolveError as exc:
                return _Hop(error=str(exc))
            except ConnectError as exc:
                error = exc.os_error
                why = "connection refused" if isinstance(error, ConnectionRefusedError) else error.strerror or error
                return _Hop(error=f"cannot connect to {exc.host}:{exc.port}: {why}")
            except (Disconnected, OSError) as exc:
                if attempt < self.settings.retries:
                    await asyncio.sleep(self._backoff(attempt))
                    attempt += 1
                    continue
                return _Hop(error=f"connection failed: {exc}")
            except BadResponse as exc:
                return _Hop(error=f"bad HTTP response: {exc}")
            except HttpError as exc:
                return _Hop(error=f"request failed: {exc}")

            status = hop.status
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

    async def _request(self, method: str, target: Target, browser: bool, want_body: bool) -> _Hop:
        # A 403/503 page is read a little, to recognise a bot wall; other unwanted bodies are not read.
        limit = (self.settings.body_limit if want_body else CHALLENGE_PEEK) if method == "GET" else 0
        block = BROWSER_BLOCK if browser else CHECKER_BLOCK
        response = await self.client.request(method, target, block, limit, self.settings.timeout)
        status, headers = response.status, response.headers
        hop = _Hop(status=status, content_type=headers.get("content-type", ""))
        if status in REDIRECTS:
            hop.location = headers.get("location", "")
        elif status == 429:
            hop.location = headers.get("retry-after", "")  # carried back to the caller
        elif method == "GET" and (want_body or status in (403, 503)):
            hop.body, hop.truncated = response.body, response.truncated
            if status >= 300:
                hop.body = hop.body[:CHALLENGE_PEEK]
            hop.blocked = status in (403, 503) and looks_like_challenge(status, headers, hop.body)
        elif status in (403, 503):
            hop.blocked = looks_like_challenge(status, headers, b"")
        return hop
