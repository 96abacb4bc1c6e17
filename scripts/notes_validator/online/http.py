"""A small HTTP/1.1 client made for link checking: pooled keep-alive connections, nothing else.

A link checker sends one short request per URL and mostly reads only the status line, so a general
client's per-request machinery (URL objects, header multidicts, cookie filtering, tracing) costs more
than the request itself. This client writes the request from prepared bytes, parses the head with
`bytes.split`, reads bodies only when asked (capped, also after decompression), and keeps each
connection open for the next request to the same host. Redirects, retries and politeness are the
caller's business (fetch.py).
"""

from __future__ import annotations

import asyncio
import socket
import zlib
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

from ..guard import Guard, GuardRefused, literal_ip

if TYPE_CHECKING:
    import ssl

NO_BODY_STATUSES = (204, 304)
DRAIN_LIMIT = 65_536  # an unwanted body up to this size is read, so the connection can be reused
HEAD_LIMIT = 65_536
SAFE_IN_TARGET = "/?:@!$&'()*+,;=-._~%[]"


class HttpError(Exception):
    """Base of everything a request can fail with (besides TimeoutError and GuardRefused)."""


class InvalidUrl(HttpError):
    pass


class ResolveError(HttpError):
    pass


class ConnectError(HttpError):
    def __init__(self, host: str, port: int, error: OSError) -> None:
        super().__init__(f"{host}:{port}: {error}")
        self.host, self.port, self.os_error = host, port, error


class Disconnected(HttpError):
    """The server closed or reset the connection before the response was complete."""


class BadResponse(HttpError):
    pass


class Resolver(Protocol):
    """aiohttp's resolver shape: a list of dicts with at least 'host' (the address)."""

    def resolve(self, host: str, port: int = 0, family: int = 0) -> Awaitable[list[dict[str, Any]]]: ...


class SystemResolver:
    """getaddrinfo in the loop's thread pool, as every asyncio client does."""

    async def resolve(self, host: str, port: int = 0, family: int = 0) -> list[dict[str, Any]]:
        loop = asyncio.get_running_loop()
        infos = await loop.getaddrinfo(host, port, family=family, type=socket.SOCK_STREAM)
        return [{"hostname": host, "host": info[4][0], "port": port, "family": info[0]} for info in infos]


@dataclass(slots=True)
class Target:
    """A URL split into what a request needs."""

    scheme: str
    host: str  # lower case, IDNA-encoded, no brackets
    port: int
    path: str  # request target: path and query, percent-encoded
    host_header: str

    @property
    def origin(self) -> tuple[str, str, int]:
        return self.scheme, self.host, self.port


def split_url(url: str) -> Target:
    """Split an absolute http(s) URL (fragment already removed) without building a URL object."""
    scheme, sep, rest = url.partition("://")
    scheme = scheme.lower()
    if not sep or scheme not in ("http", "https"):
        raise InvalidUrl(f"not an http(s) URL: {url}")
    cut = len(rest)
    for mark in "/?":
        found = rest.find(mark)
        if 0 <= found < cut:
            cut = found
    netloc, path = rest[:cut].rpartition("@")[2], rest[cut:]
    if netloc.startswith("["):
        host, _, port_text = netloc[1:].partition("]")
        port_text = port_text[1:] if port_text.startswith(":") else port_text
    else:
        host, _, port_text = netloc.partition(":")
    if not host:
        raise InvalidUrl(f"no host in {url}")
    if port_text and not (port_text.isdigit() and 0 < int(port_text) < 65536):
        raise InvalidUrl(f"bad port in {url}")
    host = host.lower().rstrip(".") or host
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise InvalidUrl(f"bad host name in {url}") from None
    default = 443 if scheme == "https" else 80
    port = int(port_text) if port_text else default
    if not path.startswith("/"):
        path = "/" + path
    if not path.isascii() or " " in path or '"' in path:
        path = quote(path, safe=SAFE_IN_TARGET)
    shown = f"[{host}]" if ":" in host else host
    return Target(scheme, host, port, path, shown if port == default else f"{shown}:{port}")


@dataclass(slots=True)
class Response:
    status: int
    headers: dict[str, str]  # lower-case names; repeated headers joined with ", "
    body: bytes = b""
    truncated: bool = False


class _Connection(asyncio.Protocol):
    """One socket. The reading side wakes a single waiting coroutine; the buffer holds what came in."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future[None] | None = None
        self.done = False  # EOF or connection lost
        self.reusable = True
        self.used = False
        self.deadline = 0.0  # loop time by which the current request must be answered
        self.expired = False
        self.paused = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > 4 * 1024 * 1024 and self.transport is not None and not self.paused:
            self.transport.pause_reading()  # the reader catches up, then resumes
            self.paused = True
        self._wake()

    def eof_received(self) -> bool:
        self.done = True
        self._wake()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.done = True
        self.reusable = False
        self._wake()

    def _wake(self) -> None:
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def close(self) -> None:
        self.reusable = False
        if self.transport is not None:
            self.transport.close()

    def expire(self) -> None:
        """The request took too long: the waiting reader gets TimeoutError and the socket is dropped."""
        self.expired = True
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_exception(TimeoutError())
        self.reusable = False
        if self.transport is not None:
            self.transport.abort()

    async def more(self) -> None:
        """Wait for more bytes; the server closing first is Disconnected."""
        if self.expired:
            raise TimeoutError
        if self.done:
            raise Disconnected("server closed the connection")
        if self.paused and self.transport is not None:
            self.transport.resume_reading()
            self.paused = False
        self.waiter = asyncio.get_running_loop().create_future()
        await self.waiter
        self.waiter = None

    # --- response parsing ----------------------------------------------------------------------------
    async def read_head(self) -> tuple[bytes, list[bytes]]:
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                lines = bytes(self.buffer[:end]).split(b"\r\n")
                del self.buffer[: end + 4]
                return lines[0], lines[1:]
            if len(self.buffer) > HEAD_LIMIT:
                raise BadResponse("response head too long")
            await self.more()

    async def read_exactly(self, size: int) -> bytes:
        while len(self.buffer) < size:
            await self.more()
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        return data

    async def read_line(self) -> bytes:
        while True:
            end = self.buffer.find(b"\r\n")
            if end >= 0:
                line = bytes(self.buffer[:end])
                del self.buffer[: end + 2]
                return line
            if len(self.buffer) > HEAD_LIMIT:
                raise BadResponse("chunk header too long")
            await self.more()

    async def read_chunked(self, limit: int) -> tuple[bytes, bool]:
        parts: list[bytes] = []
        size = 0
        while True:
            line = await self.read_line()
            try:
                length = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise BadResponse("bad chunk size") from None
            if length == 0:
                while await self.read_line():  # trailer fields, then the empty line
                    pass
                return b"".join(parts), False
            if size + length > limit:
                parts.append(await self.read_exactly(limit - size))
                self.reusable = False
                return b"".join(parts), True
            parts.append(await self.read_exactly(length))
            size += length
            if await self.read_line():
                raise BadResponse("chunk not followed by CRLF")

    async def read_to_eof(self, limit: int) -> tuple[bytes, bool]:
        self.reusable = False
        while not self.done and len(self.buffer) <= limit:
            try:
                await self.more()
            except Disconnected:
                break
        data = bytes(self.buffer[:limit])
        return data, len(self.buffer) > limit


def _headers(lines: list[bytes]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in lines:
        name, colon, value = line.partition(b":")
        if not colon:
            continue  # obsolete line folding or junk: ignore, as browsers do
        key = name.strip().lower().decode("latin-1")
        text = value.strip().decode("latin-1")
        headers[key] = f"{headers[key]}, {text}" if key in headers else text
    return headers


def _status(line: bytes) -> tuple[int, bool]:
    """(status, HTTP/1.1 or later) from the status line."""
    parts = line.split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/") or not parts[1].isdigit() or len(parts[1]) != 3:
        raise BadResponse(f"bad status line {line[:80]!r}")
    return int(parts[1]), parts[0] != b"HTTP/1.0"


def _decompress(body: bytes, encoding: str, limit: int) -> tuple[bytes, bool]:
    """gzip or deflate, never more than `limit` bytes of output (a small bomb stays small)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body, False
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        raw = body[:1] and (body[0] & 0x0F) != 8  # zlib-wrapped or raw deflate: servers send both
        decoder = zlib.decompressobj(wbits=-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
    else:
        raise BadResponse(f"unsupported Content-Encoding '{encoding}'")
    try:
        data = decoder.decompress(body, limit)
    except zlib.error as exc:
        raise BadResponse(f"cannot decompress body: {exc}") from None
    return data, bool(decoder.unconsumed_tail)


class Client:
    """Keep-alive connections per origin, a DNS cache with the private-address guard, and `request`.

    Time limits: one watchdog tick for all requests (each records its deadline) instead of a timer per
    request; opening a connection, which is rare, has its own asyncio.timeout.
    """

    def __init__(self, guard: Guard, resolver: Resolver | None = None) -> None:
        self.guard = guard
        self.resolver: Resolver = resolver or SystemResolver()
        self.busy: set[_Connection] = set()
        self.watchdog: asyncio.TimerHandle | None = None
        self.tick = 0.25
        self.idle: dict[tuple[str, str, int], list[_Connection]] = {}
        self.addresses: dict[tuple[str, int], asyncio.Future[list[str]]] = {}
        self.cookies: dict[str, dict[str, str]] = {}  # per host: enough for a bot wall's "come back with this"
        self._ssl: ssl.SSLContext | None = None

    def _watch(self, timeout: float) -> None:
        if self.watchdog is None:
            self.tick = min(self.tick, max(timeout / 10, 0.01))
            self.watchdog = asyncio.get_running_loop().call_later(self.tick, self._expire_late)

    def _expire_late(self) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        for connection in [c for c in self.busy if c.deadline <= now]:
            self.busy.discard(connection)
            connection.expire()
        self.watchdog = loop.call_later(self.tick, self._expire_late) if self.busy else None

    async def close(self) -> None:
        if self.watchdog is not None:
            self.watchdog.cancel()
            self.watchdog = None
        for connections in self.idle.values():
            for connection in connections:
                connection.close()
        self.idle.clear()

    async def request(
        self, method: str, target: Target, header_block: str, body_limit: int, timeout: float
    ) -> Response:
        """Send one request; TimeoutError after `timeout` seconds in all.

        body_limit 0: the body is not wanted (drained when small, else dropped).
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        request = f"{method} {target.path} HTTP/1.1\r\nHost: {target.host_header}\r\n{header_block}"
        jar = self.cookies.get(target.host)
        if jar:
            request += "Cookie: " + "; ".join(f"{k}={v}" for k, v in jar.items()) + "\r\n"
        data = (request + "\r\n").encode("latin-1", "replace")
        while True:
            connection = self._idle_connection(target)
            reused = connection is not None
            if connection is None:
                async with asyncio.timeout_at(deadline):
                    connection = await self._connect(target)
            connection.deadline = deadline
            self.busy.add(connection)
            if self.watchdog is None:
                self._watch(timeout)
            try:
                connection.transport.write(data)  # type: ignore[union-attr]
                response = await self._read(connection, method, body_limit)
            except Disconnected:
                connection.close()
                if reused and not connection.used:
                    continue  # a kept-alive connection the server had already closed: try a fresh one
                raise
            except BaseException:
                connection.close()
                raise
            finally:
                self.busy.discard(connection)
            if connection.reusable and not connection.done and not connection.buffer:
                # (bytes beyond the response would be read as the next one's: such a server gets no reuse)
                self.idle.setdefault(target.origin, []).append(connection)
            else:
                connection.close()
            cookie = response.headers.get("set-cookie")
            if cookie:
                self._remember_cookies(target.host, cookie)
            return response

    def _remember_cookies(self, host: str, header: str) -> None:
        jar = self.cookies.setdefault(host, {})
        for cookie in header.split(", "):
            name, eq, value = cookie.split(";", 1)[0].partition("=")
            if eq and name.strip() and "=" not in name:
                jar[name.strip()] = value.strip()

    async def _read(self, connection: _Connection, method: str, body_limit: int) -> Response:
        while True:
            first, lines = await connection.read_head()
            connection.used = True
            status, http11 = _status(first)
            if 100 <= status < 200 and status != 101:
                continue  # interim response (100 Continue, 103 Early Hints)
            break
        headers = _headers(lines)
        wants_close = "close" in headers.get("connection", "").lower()
        if wants_close or not (http11 or "keep-alive" in headers.get("connection", "").lower()):
            connection.reusable = False
        response = Response(status, headers)
        if method == "HEAD" or status in NO_BODY_STATUSES:
            return response
        limit = body_limit or DRAIN_LIMIT
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body, truncated = await connection.read_chunked(limit)
        elif "content-length" in headers:
            try:
                length = int(headers["content-length"])
            except ValueError:
                raise BadResponse("bad Content-Length") from None
            if length > limit:
                connection.reusable = False
                body, truncated = (await connection.read_exactly(limit)) if body_limit else b"", True
            else:
                body, truncated = await connection.read_exactly(length), False
        elif body_limit:
            body, truncated = await connection.read_to_eof(limit)
        else:
            connection.reusable = False  # body of unknown length nobody wants: drop the connection
            return response
        if body_limit:
            response.body, more = _decompress(body, headers.get("content-encoding", ""), body_limit)
            response.truncated = truncated or more
        return response

    def _idle_connection(self, target: Target) -> _Connection | None:
        idle = self.idle.get(target.origin)
        while idle:
            connection = idle.pop()
            if connection.reusable and not connection.done:
                connection.used = False
                return connection
            connection.close()
        return None

    async def _connect(self, target: Target) -> _Connection:
        loop = asyncio.get_running_loop()
        last: OSError | None = None
        for address in await self._addresses(target):
            try:
                _, protocol = await loop.create_connection(
                    _Connection,
                    address,
                    target.port,
                    ssl=self._ssl_context() if target.scheme == "https" else None,
                    server_hostname=target.host if target.scheme == "https" else None,
                )
            except OSError as exc:
                last = exc
                continue
            sock = protocol.transport.get_extra_info("socket")  # type: ignore[union-attr]
            if sock is not None:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return protocol
        raise ConnectError(target.host, target.port, last or OSError("no address"))

    async def _addresses(self, target: Target) -> list[str]:
        """The host's addresses, looked up once per run; IP literals need no lookup."""
        if literal_ip(target.host) is not None:
            return [target.host]
        key = (target.host, target.port)
        pending = self.addresses.get(key)
        if pending is None:
            pending = self.addresses[key] = asyncio.ensure_future(self._resolve(*key))
        return await asyncio.shield(pending)

    async def _resolve(self, host: str, port: int) -> list[str]:
        try:
            results = await self.resolver.resolve(host, port, socket.AF_UNSPEC)
        except GuardRefused:
            raise
        except (OSError, KeyError) as exc:
            raise ResolveError(f"cannot resolve host '{host}'") from exc
        addresses = list(dict.fromkeys(str(result["host"]) for result in results))
        reason = self.guard.check_addresses(host, port, addresses)
        if reason:
            raise GuardRefused(reason)
        if not addresses:
            raise ResolveError(f"cannot resolve host '{host}'")
        return addresses

    def _ssl_context(self) -> ssl.SSLContext:
        if self._ssl is None:
            import ssl  # only https needs it: loading the CA store costs milliseconds

            self._ssl = ssl.create_default_context()
        return self._ssl
