"""Real HTTP servers on 127.0.0.1 for the validator's tests: one aiohttp app covering every rule.

The server runs its own event loop in a thread, so the validator under test (which calls
asyncio.run) talks to it over real sockets exactly as it would to a remote site.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections import Counter
from collections.abc import Iterator

import pytest
from aiohttp import web

QUOTE_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>A guide</title>
<script>var hidden = "The worker processes handle these events";</script><style>p{color:red}</style></head>
<body><h3 id="concurrency">Concurrency</h3>
<p>Events coming on the
  master process are passed along to the worker processes. The worker processes handle these events but they
  don&#39;t wait around for them to be completed.</p>
<p>An event happens ----&gt; worker sends the request -----&gt; on completion it sends back the response. </p>
<p>A coroutine
  is a lightweight(green) thread that is spawned from the lua&#39;s execution environment. It is a separate
  process with it&#39;s own stack.</p>
<p>The directive always runs after the
standard <code>http_rewrite_module</code>. So if you are using both keep that in mind. </p>
<p>&ldquo;Curly quotes&rdquo; and an em&mdash;dash live here.</p>
</body></html>"""

GBK_TEXT = "协程是一种用户态的轻量级线程，协程的调度完全由用户控制。"
GBK_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    f'<title>协程</title></head><body><h2 id="gaishu">概述</h2><p>{GBK_TEXT}</p></body></html>'
)


def free_port() -> int:
    """A port nothing listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A running test server; `hits` counts requests per path."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.methods: list[tuple[str, str]] = []
        self.user_agents: list[str] = []
        self.port = 0
        self.loop = asyncio.new_event_loop()
        self.runner: web.AppRunner | None = None
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def reset(self) -> None:
        self.hits.clear()
        self.methods.clear()
        self.user_agents.clear()

    def start(self) -> None:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(10)

    def stop(self) -> None:
        if self.runner is not None:
            asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    async def _start(self) -> None:
        app = web.Application(middlewares=[self._count])
        app.add_routes(self.routes())
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    @web.middleware
    async def _count(self, request: web.Request, handler):  # type: ignore[no-untyped-def]
        self.hits[request.path] += 1
        self.methods.append((request.method, request.path))
        self.user_agents.append(request.headers.get("User-Agent", ""))
        return await handler(request)

    def routes(self) -> list[web.RouteDef]:
        html = "text/html"

        async def ok(request: web.Request) -> web.Response:
            body = '<html><body><h2 id="section">S</h2><a name="old-anchor"></a><p>fine</p></body></html>'
            return web.Response(text=body, content_type=html)

        async def status(request: web.Request) -> web.Response:
            return web.Response(status=int(request.match_info["code"]), text="status page")

        async def chain(request: web.Request) -> web.Response:
            n = int(request.match_info["n"])
            target = "/ok" if n <= 1 else f"/chain/{n - 1}"
            raise web.HTTPFound(target)

        async def loop_a(request: web.Request) -> web.Response:
            raise web.HTTPFound("/loop/b")

        async def loop_b(request: web.Request) -> web.Response:
            raise web.HTTPFound("/loop/a")

        async def moved(request: web.Request) -> web.Response:
            raise web.HTTPMovedPermanently("/ok")

        async def redirect_404(request: web.Request) -> web.Response:
            raise web.HTTPFound("/status/404")

        async def redirect_to(request: web.Request) -> web.Response:
            raise web.HTTPFound(request.query["to"])

        async def limited(request: web.Request) -> web.Response:
            if self.hits[request.path] == 1:
                return web.Response(status=429, headers={"Retry-After": "1"}, text="slow down")
            return web.Response(text="<p>now fine</p>", content_type=html)

        async def flaky(request: web.Request) -> web.Response:
            if self.hits[request.path] == 1:
                return web.Response(status=503, text="try again")
            return web.Response(text="<p>recovered</p>", content_type=html)

        async def no_head(request: web.Request) -> web.Response:
            if request.method == "HEAD":
                return web.Response(status=405)
            return web.Response(text="<p>GET works</p>", content_type=html)

        async def ua_filter(request: web.Request) -> web.Response:
            if "Mozilla" in request.headers.get("User-Agent", ""):
                return web.Response(text="<p>hello browser</p>", content_type=html)
            return web.Response(status=403, text="no bots")

        async def challenge(request: web.Request) -> web.Response:
            return web.Response(
                status=403,
                headers={"Server": "cloudflare", "cf-mitigated": "challenge"},
                text="<html><title>Just a moment...</title></html>",
                content_type=html,
            )

        async def slow(request: web.Request) -> web.Response:
            await asyncio.sleep(3)
            return web.Response(text="late")

        async def quote_source(request: web.Request) -> web.Response:
            return web.Response(text=QUOTE_PAGE, content_type=html)

        async def gbk_header(request: web.Request) -> web.Response:
            body = GBK_PAGE.replace("charset=gb2312", "").encode("gbk")
            return web.Response(body=body, headers={"Content-Type": "text/html; charset=GBK"})

        async def gbk_meta(request: web.Request) -> web.Response:
            return web.Response(body=GBK_PAGE.encode("gbk"), headers={"Content-Type": "text/html"})

        async def wayback(request: web.Request) -> web.Response:
            url = request.query.get("url", "")
            closest = {}
            if "status/404" in url or "status/410" in url:
                closest = {
                    "closest": {"available": True, "url": f"http://web.archive.test/2016/{url}", "status": "200"}
                }
            return web.Response(
                text=json.dumps({"url": url, "archived_snapshots": closest}), content_type="application/json"
            )

        async def endless(request: web.Request) -> web.StreamResponse:
            response = web.StreamResponse(headers={"Content-Type": "text/html"})
            await response.prepare(request)
            chunk = b"<p>" + b"x" * 65_536 + b"</p>"
            for _ in range(200):  # 13 MB: more than the validator's 5 MB cap
                await response.write(chunk)
            await response.write_eof()
            return response

        return [
            web.get("/ok", ok),
            web.get("/status/{code}", status),
            web.get("/chain/{n}", chain),
            web.get("/loop/a", loop_a),
            web.get("/loop/b", loop_b),
            web.get("/moved", moved),
            web.get("/redirect-404", redirect_404),
            web.get("/redirect-to", redirect_to),
            web.get("/limited", limited),
            web.get("/flaky", flaky),
            web.route("*", "/no-head", no_head),
            web.get("/ua-filter", ua_filter),
            web.get("/challenge", challenge),
            web.get("/slow", slow),
            web.get("/quote-source", quote_source),
            web.get("/gbk-header", gbk_header),
            web.get("/gbk-meta", gbk_meta),
            web.get("/wayback", wayback),
            web.get("/endless", endless),
        ]


@pytest.fixture(scope="module", name="server")
def server_fixture() -> Iterator[Server]:
    running = Server()
    running.start()
    yield running
    running.stop()


@pytest.fixture(name="http")
def http_fixture(server: Server) -> Server:
    """The module's server with fresh hit counters."""
    server.reset()
    return server


class RawServer:
    """A server that writes each response's bytes itself (malformed ones too), on its own thread.

    `answer(method, path)` gives (bytes to write, close the connection afterwards). `ports` opens that many
    listening ports (distinct origins); `connections` counts accepted connections, `requests` the requests.
    """

    def __init__(self, answer, ports: int = 1) -> None:  # type: ignore[no-untyped-def]
        self.answer = answer
        self.count = ports
        self.ports: list[int] = []
        self.connections = 0
        self.requests: list[tuple[str, str, str]] = []  # (method, path, Host header)
        self.active = 0
        self.max_active = 0
        self.loop = asyncio.new_event_loop()
        self.servers: list[asyncio.Server] = []
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.ports[0]

    def url(self, path: str, port: int | None = None) -> str:
        return f"http://127.0.0.1:{port or self.port}{path}"

    def __enter__(self) -> RawServer:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(10)
        return self

    def __exit__(self, *exc_info: object) -> None:
        async def stop() -> None:
            for server in self.servers:
                server.close()
            current = asyncio.current_task()
            handlers = [task for task in asyncio.all_tasks() if task is not current]
            for task in handlers:
                task.cancel()
            await asyncio.gather(*handlers, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    async def _start(self) -> None:
        for _ in range(self.count):
            server = await asyncio.start_server(self._handle, "127.0.0.1", 0, backlog=1024)
            self.servers.append(server)
            self.ports.append(server.sockets[0].getsockname()[1])

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
                method, path = head.split(" ")[:2]
                host = next((line[5:].strip() for line in head.split("\r\n") if line.lower().startswith("host:")), "")
                self.requests.append((method, path, host))
                self.active += 1
                self.max_active = max(self.max_active, self.active)
                try:
                    result = self.answer(method, path)
                    if asyncio.iscoroutine(result):
                        result = await result
                finally:
                    self.active -= 1
                data, close = result
                for part in data if isinstance(data, list) else [data]:
                    if isinstance(part, float):
                        await asyncio.sleep(part)  # a pause between two writes
                        continue
                    writer.write(part)
                    await writer.drain()
                if close:
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError, asyncio.CancelledError):
            pass
        writer.close()


def http_response(status: str, headers: dict[str, str], body: bytes, *, length: bool = True) -> bytes:
    if length:
        headers = {**headers, "Content-Length": str(len(body))}
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode() + body
