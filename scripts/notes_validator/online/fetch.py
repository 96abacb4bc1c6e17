"""Fetch one URL the careful way: guard, politeness, retries with backoff, redirects, bot walls, size caps."""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import aiohttp

from ..guard import Guard, GuardRefused
from .politeness import Politeness

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
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return max(0.0, min(seconds, RETRY_AFTER_CAP))


def looks_like_challenge(status: int, headers: aiohttp.typedefs.LooseHeaders, body: bytes) -> bool:
    """Cloudflare-style bot walls: a header, the server, or the interstitial page's text."""
    if str(headers.get("cf-mitigated", "")).lower() == "challenge":
        return True
    if status == 403 and "cloudflare" in str(headers.get("server", "")).lower():
        return True
    peek = body[:CHALLENGE_PEEK]
    return b"Just a moment..." in peek or b"challenge-platform" in peek or b"captcha" in peek.lower()


def _guard_reason(exc: BaseException) -> str:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, GuardRefused):
            return str(seen)
        seen = seen.__cause__ or getattr(seen, "os_error", None)
        if seen is exc:
            break
    return ""


class Fetcher:
    def __init__(self, session: aiohttp.ClientSession, settings: FetchSettings, guard: Guard) -> None:
        self.session = session
        self.settings = settings
        self.guard = guard
        self.politeness = Politeness(
            settings.max_concurrency, settings.host_concurrency, settings.host_request_interval
        )
        self.timeout = aiohttp.ClientTimeout(total=settings.timeout, sock_connect=settings.timeout)

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
        host = (urlsplit(url).hostname or "").lower()
        while True:
            headers = BROWSER_HEADERS if browser else CHECKER_HEADERS
            try:
                async with self.politeness.slot(host) as gate:
                    hop = await self._request(method, url, headers, want_body)
                    if hop.status == 429:
                        gate.slow_down(retry_after_seconds(hop.location) or self._backoff(attempt))
            except TimeoutError:
                if attempt < self.settings.retries:
                    await asyncio.sleep(self._backoff(attempt))
                    attempt += 1
                    continue
                return _Hop(error=f"timed out after {self.settings.timeout:g} s")
            except aiohttp.ClientConnectorDNSError as exc:
                reason = _guard_reason(exc)
                return _Hop(refused=reason) if reason else _Hop(error=f"cannot resolve host '{host}'")
            except aiohttp.ClientConnectorError as exc:
                reason = _guard_reason(exc)
                if reason:
                    return _Hop(refused=reason)
                why = "connection refused" if isinstance(exc.os_error, ConnectionRefusedError) else exc.os_error
                return _Hop(error=f"cannot connect to {exc.host}:{exc.port}: {why}")
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError, aiohttp.ClientPayloadError) as exc:
                if attempt < self.settings.retries:
                    await asyncio.sleep(self._backoff(attempt))
                    attempt += 1
                    continue
                return _Hop(error=f"connection failed: {exc.__class__.__name__}")
            except aiohttp.ClientResponseError as exc:
                return _Hop(error=f"bad HTTP response: {exc.message}")
            except (aiohttp.InvalidURL, ValueError) as exc:
                return _Hop(error=f"invalid URL: {exc}")
            except aiohttp.ClientError as exc:
                return _Hop(error=f"request failed: {exc.__class__.__name__}: {exc}")

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

    async def _request(self, method: str, url: str, headers: dict[str, str], want_body: bool) -> _Hop:
        async with self.session.request(
            method, url, headers=headers, allow_redirects=False, timeout=self.timeout
        ) as response:
            hop = _Hop(status=response.status, content_type=response.headers.get("Content-Type", ""))
            if response.status in REDIRECTS:
                hop.location = response.headers.get("Location", "")
            elif response.status == 429:
                hop.location = response.headers.get("Retry-After", "")  # carried back to the caller
            elif method == "GET" and (want_body or response.status in (403, 503)):
                limit = self.settings.body_limit if response.status < 300 else CHALLENGE_PEEK
                hop.body, hop.truncated = await _read_capped(response, limit)
                hop.blocked = response.status in (403, 503) and looks_like_challenge(
                    response.status, response.headers, hop.body
                )
            elif response.status in (403, 503):
                hop.blocked = looks_like_challenge(response.status, response.headers, b"")
            return hop


async def _read_capped(response: aiohttp.ClientResponse, limit: int) -> tuple[bytes, bool]:
    """Read the (decompressed) body up to `limit` bytes; a huge or endless body stops there."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(65_536):
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit:
            return b"".join(chunks)[:limit], True
    return b"".join(chunks), False
