"""The HTTP client: one aiohttp session, with the private-address guard on every connection.

aiohttp does the HTTP work (parsing, keep-alive, gzip and deflate, chunked bodies, proxies, happy
eyeballs, IDNA 2008 host names through yarl). What is added here:

- proxies read from the environment once (HTTP_PROXY, HTTPS_PROXY, NO_PROXY, ~/.netrc for their
  credentials), as aiohttp's `trust_env` would, which however looks them up in a thread on every request;
- the guard on the DNS answer (`GuardedResolver`) and on the socket address just before `connect()`
  (`_socket_factory`), so redirect hops, retries and reused names are all covered;
- a cap on idle keep-alive connections (`Connector`): aiohttp's `limit` counts only busy connections, so
  a run over hundreds of origins would otherwise keep one idle socket per origin open until it expires;
- bodies read only as far as wanted (`body_limit`, counted after decompression), and every failure
  turned into one `RequestError` with a kind the caller decides retries by.
"""

from __future__ import annotations

import asyncio
import resource
import socket
import urllib.request
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.helpers import proxies_from_env
from multidict import CIMultiDictProxy

from ..guard import Guard, GuardRefused

# Kinds of failure (RequestError.kind).
TIMEOUT = "timeout"
DISCONNECTED = "disconnected"  # the connection broke: worth a retry
CONNECT = "connect"
RESOLVE = "resolve"
REFUSED = "refused"  # the guard said no
BAD_RESPONSE = "bad-response"
INVALID_URL = "invalid-url"

DRAIN_LIMIT = 65_536  # an unwanted body of known size up to this is read, so the connection can be reused
READ_CHUNK = 65_536
HAPPY_EYEBALLS_DELAY = 0.25  # RFC 8305's recommended connection attempt delay
KEEPALIVE_TIMEOUT = 15.0
RESERVED_FILES = 48  # descriptors left for everything else (stdio, cache files, the resolver's threads)


class RequestError(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(slots=True)
class Response:
    status: int
    headers: CIMultiDictProxy[str]
    body: bytes = b""
    truncated: bool = False  # the body was longer than body_limit


class GuardedResolver(AbstractResolver):
    """Resolves with `base` (getaddrinfo by default) and refuses answers the guard forbids."""

    def __init__(self, guard: Guard, base: Any = None) -> None:
        self.guard = guard
        self.base = base if base is not None else aiohttp.ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        answers = await self.base.resolve(host, port, family)
        reason = self.guard.check_addresses(host, port, [str(answer["host"]) for answer in answers])
        if reason:
            raise GuardRefused(reason)
        return answers

    async def close(self) -> None:
        await self.base.close()


class Connector(aiohttp.TCPConnector):
    """A TCPConnector that also caps idle connections, closing the longest idle one first.

    This overrides aiohttp's private `_release` and reads `_conns` (aiohttp 3.14, pinned);
    tests/test_validate_http.py runs 400 origins under a low RLIMIT_NOFILE to catch a change there.
    """

    def __init__(self, *, max_idle: int, **options: Any) -> None:
        super().__init__(**options)
        self.max_idle = max_idle

    def _release(self, key: Any, protocol: Any, *, should_close: bool = False) -> None:
        super()._release(key, protocol, should_close=should_close)
        pools = self._conns
        if len(pools) * max(self.limit_per_host, 1) <= self.max_idle:
            return  # cannot be over the cap
        idle = sum(len(pool) for pool in pools.values())
        while idle > self.max_idle:
            oldest = min(pools, key=lambda k: pools[k][0][1])
            stale, _ = pools[oldest].popleft()
            if not pools[oldest]:
                del pools[oldest]
            stale.close()
            idle -= 1


def connection_budget(wanted: int) -> int:
    """Busy connections allowed: with as many idle ones and happy-eyeballs attempts, within RLIMIT_NOFILE."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(1, min(wanted, (soft - RESERVED_FILES) // 3))


def proxy_endpoints() -> set[tuple[str, int]]:
    """(host, port) of the proxies named in the environment: the operator chose them, the guard lets them be."""
    endpoints = set()
    for scheme, value in urllib.request.getproxies().items():
        if scheme == "no":
            continue
        try:
            parts = urlsplit(value if "://" in value else f"http://{value}")
            if parts.hostname:
                endpoints.add((parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)))
        except ValueError:
            continue
    return endpoints


@lru_cache(maxsize=4096)
def _bypass(host: str) -> bool:
    return bool(urllib.request.proxy_bypass(host))


def _reason(error: OSError) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    return error.strerror or str(error) or error.__class__.__name__


class Client:
    def __init__(
        self,
        guard: Guard,
        *,
        max_connections: int,
        host_connections: int,
        resolver: Any = None,
        happy_eyeballs_delay: float | None = HAPPY_EYEBALLS_DELAY,
    ) -> None:
        self.guard = guard
        limit = connection_budget(max_connections)
        self.connector = Connector(
            max_idle=limit,
            limit=limit,
            limit_per_host=min(host_connections, limit),
            keepalive_timeout=KEEPALIVE_TIMEOUT,
            happy_eyeballs_delay=happy_eyeballs_delay,
            resolver=GuardedResolver(guard, resolver),
            socket_factory=self._socket_factory,
            ttl_dns_cache=300,
        )
        self.session = aiohttp.ClientSession(
            connector=self.connector,
            cookie_jar=aiohttp.CookieJar(unsafe=True, quote_cookie=False),  # a bot wall's "come back with this"
            timeout=aiohttp.ClientTimeout(total=None),  # the caller's asyncio.timeout covers the whole request
            auto_decompress=True,
            max_field_size=65_536,
        )

        self.proxies = proxies_from_env()

    def proxy_for(self, url: str) -> tuple[Any, Any]:
        """(proxy URL, its credentials) for `url`, or (None, None) to connect directly."""
        parts = urlsplit(url)
        info = self.proxies.get(parts.scheme.lower())
        if info is None or (parts.hostname and _bypass(parts.hostname)):
            return None, None
        return info.proxy, info.proxy_auth

    def _socket_factory(self, addr_info: Any) -> socket.socket:
        family, kind, proto, _, address = addr_info
        reason = self.guard.check_socket(address[0], address[1])
        if reason:
            raise GuardRefused(reason)
        return socket.socket(family=family, type=kind, proto=proto)

    async def close(self) -> None:
        await self.session.close()

    async def request(
        self, method: str, url: str, headers: dict[str, str], body_limit: int, timeout: float
    ) -> Response:
        """One request, no redirects followed; RequestError for anything but an HTTP response.

        body_limit 0: the body is not wanted (a small one of known size is read, to keep the connection).
        """
        try:
            async with asyncio.timeout(timeout):
                proxy, proxy_auth = self.proxy_for(url)
                async with self.session.request(
                    method, url, headers=headers, allow_redirects=False, proxy=proxy, proxy_auth=proxy_auth
                ) as response:
                    body, truncated = await self._body(response, body_limit)
                    return Response(response.status, response.headers, body, truncated)
        except TimeoutError:
            raise RequestError(TIMEOUT, f"timed out after {timeout:g} s") from None
        except GuardRefused as exc:
            raise RequestError(REFUSED, str(exc)) from None
        except aiohttp.ClientProxyConnectionError as exc:
            raise RequestError(
                CONNECT, f"cannot connect to the proxy {exc.host}:{exc.port}: {_reason(exc.os_error)}"
            ) from None
        except aiohttp.ClientConnectorDNSError as exc:
            if isinstance(exc.os_error, GuardRefused):
                raise RequestError(REFUSED, str(exc.os_error)) from None
            raise RequestError(RESOLVE, f"cannot resolve host '{exc.host}'") from None
        except aiohttp.ClientConnectorError as exc:
            if isinstance(exc.os_error, GuardRefused) or "GuardRefused" in str(exc.os_error):
                raise RequestError(REFUSED, str(exc.os_error)) from None
            raise RequestError(CONNECT, f"cannot connect to {exc.host}:{exc.port}: {_reason(exc.os_error)}") from None
        except aiohttp.ClientHttpProxyError as exc:
            raise RequestError(CONNECT, f"the proxy answered {exc.status} {exc.message}") from None
        except aiohttp.ClientResponseError as exc:  # the response could not be parsed
            raise RequestError(BAD_RESPONSE, f"bad HTTP response: {str(exc.message).splitlines()[0]}") from None
        except aiohttp.ClientPayloadError as exc:
            raise RequestError(BAD_RESPONSE, f"bad HTTP response body: {exc}") from None
        except aiohttp.InvalidURL as exc:
            raise RequestError(INVALID_URL, f"invalid URL: {exc}") from None
        except ValueError as exc:  # yarl refusing a URL
            raise RequestError(INVALID_URL, f"invalid URL: {exc}") from None
        except (aiohttp.ClientError, OSError) as exc:  # disconnects, resets
            raise RequestError(DISCONNECTED, f"connection failed: {exc or exc.__class__.__name__}") from None

    @staticmethod
    async def _body(response: aiohttp.ClientResponse, limit: int) -> tuple[bytes, bool]:
        if response.method == "HEAD":
            return b"", False
        if not limit:
            if response.content_length is not None and response.content_length <= DRAIN_LIMIT:
                await response.read()
            return b"", False
        parts: list[bytes] = []
        size = 0
        while size < limit:
            chunk = await response.content.read(min(READ_CHUNK, limit - size))
            if not chunk:
                return b"".join(parts), False
            parts.append(chunk)
            size += len(chunk)
        # Exactly at the limit: the body is cut only if something follows.
        more = await response.content.read(1)
        return b"".join(parts), bool(more)
