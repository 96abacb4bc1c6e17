"""The validator's own HTTP/1.1 client (scripts/notes_validator/online/http.py) against a raw local server.

The server writes the bytes of each response itself, so framing the client must handle (chunked
bodies, gzip, a body until close, a server that drops an idle keep-alive connection) is exactly what
is on the wire.
"""

from __future__ import annotations

import asyncio
import gzip
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from notes_validator.guard import Guard
from notes_validator.online.http import Client, InvalidUrl, split_url

PAGE = b"<html><body><p>hello</p></body></html>"


def _response(status: str, headers: dict[str, str], body: bytes) -> bytes:
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode() + body


def _chunked(body: bytes, size: int = 7) -> bytes:
    parts = [
        f"{len(body[i : i + size]):x}\r\n".encode() + body[i : i + size] + b"\r\n" for i in range(0, len(body), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


class RawServer:
    """Answers each path with fixed bytes; counts connections and requests."""

    def __init__(self) -> None:
        self.connections = 0
        self.requests: list[str] = []
        self.port = 0

    async def start(self) -> asyncio.Server:
        server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        return server

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, path = head.split(b" ")[:2]
                self.requests.append(f"{method.decode()} {path.decode()}")
                data, close = self.answer(path.decode())
                writer.write(data if method == b"GET" else data.split(b"\r\n\r\n")[0] + b"\r\n\r\n")
                await writer.drain()
                if close:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()

    def answer(self, path: str) -> tuple[bytes, bool]:
        html = {"Content-Type": "text/html"}
        if path == "/plain":
            return _response("200 OK", {**html, "Content-Length": str(len(PAGE))}, PAGE), False
        if path == "/chunked":
            return _response("200 OK", {**html, "Transfer-Encoding": "chunked"}, _chunked(PAGE)), False
        if path == "/gzip":
            body = gzip.compress(PAGE)
            headers = {**html, "Content-Encoding": "gzip", "Content-Length": str(len(body))}
            return _response("200 OK", headers, body), False
        if path == "/bomb":
            body = gzip.compress(b"\0" * 10_000_000)  # 10 MB of zeros in about 10 KB
            headers = {**html, "Content-Encoding": "gzip", "Content-Length": str(len(body))}
            return _response("200 OK", headers, body), False
        if path == "/until-close":
            return b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE, True
        if path == "/drop-after":  # keep-alive promised, then the server closes the idle connection
            return _response("200 OK", {"Content-Length": "2"}, b"ok"), True
        return _response("404 Not Found", {"Content-Length": "0"}, b""), False


async def _with_client(scenario):  # type: ignore[no-untyped-def]
    raw = RawServer()
    server = await raw.start()
    client = Client(Guard(allow_private=True))
    try:
        return raw, await scenario(raw, client)
    finally:
        await client.close()
        server.close()


def get(client: Client, url: str, limit: int = 1_000_000, method: str = "GET"):  # type: ignore[no-untyped-def]
    return client.request(method, split_url(url), "User-Agent: test\r\n", limit, 5.0)


def test_bodies_in_every_framing_are_read_and_decoded() -> None:
    async def scenario(raw: RawServer, client: Client) -> list[tuple[int, bytes, bool]]:
        results = []
        for path in ("/plain", "/chunked", "/gzip", "/until-close"):
            response = await get(client, raw.url(path))
            results.append((response.status, response.body, response.truncated))
        return results

    _, results = asyncio.run(_with_client(scenario))
    assert results == [(200, PAGE, False)] * 4


def test_decompression_is_capped() -> None:
    async def scenario(raw: RawServer, client: Client):  # type: ignore[no-untyped-def]
        return await get(client, raw.url("/bomb"), limit=1000)

    _, response = asyncio.run(_with_client(scenario))
    assert len(response.body) == 1000 and response.truncated


def test_keep_alive_connection_is_reused_and_head_reads_no_body() -> None:
    async def scenario(raw: RawServer, client: Client) -> list[int]:
        statuses = []
        for path in ("/plain", "/chunked", "/missing"):
            statuses.append((await get(client, raw.url(path), limit=0, method="HEAD")).status)
        statuses.append((await get(client, raw.url("/plain"))).status)
        return statuses

    raw, statuses = asyncio.run(_with_client(scenario))
    assert statuses == [200, 200, 404, 200]
    assert raw.connections == 1


def test_idle_connection_closed_by_the_server_is_replaced() -> None:
    async def scenario(raw: RawServer, client: Client) -> list[bytes]:
        first = await get(client, raw.url("/drop-after"))
        await asyncio.sleep(0.05)  # the server has closed it meanwhile
        second = await get(client, raw.url("/plain"))
        return [first.body, second.body]

    raw, bodies = asyncio.run(_with_client(scenario))
    assert bodies == [b"ok", PAGE]
    assert raw.connections == 2


@pytest.mark.parametrize(
    ("url", "host", "port", "path", "host_header"),
    [
        ("http://Example.COM/a?b=1", "example.com", 80, "/a?b=1", "example.com"),
        ("https://example.com:8443", "example.com", 8443, "/", "example.com:8443"),
        ("http://[::1]:8080/x", "::1", 8080, "/x", "[::1]:8080"),
        ("http://user:pw@example.com/", "example.com", 80, "/", "example.com"),
        ("https://zh.wikipedia.org/wiki/协程", "zh.wikipedia.org", 443, "/wiki/%E5%8D%8F%E7%A8%8B", "zh.wikipedia.org"),
        ("http://例子.测试/", "xn--fsqu00a.xn--0zwm56d", 80, "/", "xn--fsqu00a.xn--0zwm56d"),
        ("http://example.com/%E5%8D%8F?q=a%20b", "example.com", 80, "/%E5%8D%8F?q=a%20b", "example.com"),
    ],
)
def test_split_url(url: str, host: str, port: int, path: str, host_header: str) -> None:
    target = split_url(url)
    assert (target.host, target.port, target.path, target.host_header) == (host, port, path, host_header)


@pytest.mark.parametrize("url", ["ftp://example.com/", "http://:80/", "http://example.com:99999/", "http://e.com:x/"])
def test_split_url_rejects(url: str) -> None:
    with pytest.raises(InvalidUrl):
        split_url(url)
