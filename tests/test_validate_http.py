"""The online checker's HTTP layer (online/client.py on aiohttp, online/fetch.py) against raw local servers.

The servers write each response's bytes themselves (tests/validate_servers.py RawServer), so the faults
a real server can commit (a folded header, a missing Location, a negative Content-Length, bare LF line
ends, a multi-member gzip body, a HEAD answered with a body) are exactly what is on the wire.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from validate_servers import RawServer, http_response

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from notes_validator.guard import Guard
from notes_validator.model import Position
from notes_validator.online.checker import OnlineChecker
from notes_validator.online.client import Client
from notes_validator.online.fetch import Fetcher, FetchSettings, Outcome

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
PAGE = b'<html><body><h2 id="here">x</h2><p>hello</p></body></html>'
HTML = {"Content-Type": "text/html"}
SETTINGS = FetchSettings(timeout=3, retries=0, retry_wait=0.01, host_request_interval=0)


@pytest.fixture(autouse=True)
def _no_proxy_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's HTTP_PROXY would send the requests for 127.0.0.1 to that proxy (aiohttp: trust_env)."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def answer(method: str, path: str):  # type: ignore[no-untyped-def]
    """The raw server's answers, by path; a HEAD gets the same head without the body unless noted."""
    if path == "/stray-head":  # a HEAD answered with a body, in the same packet as the head
        return http_response("200 OK", HTML, PAGE), False
    if path == "/stray-head-late":  # ... and a moment after the head
        data = http_response("200 OK", HTML, PAGE)
        head, _, body = data.partition(b"\r\n\r\n")
        return ([head + b"\r\n\r\n", 0.05, body] if method == "HEAD" else data), False
    if path == "/folded":  # obs-fold: the Location value continues on the next line
        return b"HTTP/1.1 301 Moved Permanently\r\nLocation:\r\n /missing\r\nContent-Length: 0\r\n\r\n", False
    if path == "/no-location":
        return http_response("302 Found", {}, b""), False
    if path == "/negative-length":
        return b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: -5\r\n\r\nhello", True
    if path == "/bare-lf":
        body = PAGE
        return b"HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: %d\n\n" % len(body) + body, False
    if path == "/multi-gzip":
        body = gzip.compress(PAGE[:20]) + gzip.compress(PAGE[20:])
        return http_response("200 OK", {**HTML, "Content-Encoding": "gzip"}, body), False
    if path == "/chunked":
        chunks = b"".join(b"%x\r\n%s\r\n" % (len(PAGE[i : i + 7]), PAGE[i : i + 7]) for i in range(0, len(PAGE), 7))
        data = http_response("200 OK", {**HTML, "Transfer-Encoding": "chunked"}, chunks + b"0\r\n\r\n", length=False)
        return data, False
    if path == "/until-close":
        return b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE, True
    if path == "/bomb":
        return http_response("200 OK", {**HTML, "Content-Encoding": "gzip"}, gzip.compress(b"\0" * 10_000_000)), False
    if path == "/drop-after":  # keep-alive promised, then the server closes the connection
        return http_response("200 OK", {}, b"ok"), True
    if path.startswith("/ok"):
        data = http_response("200 OK", HTML, PAGE)
    else:
        data = http_response("404 Not Found", HTML, b"<p>no such page</p>")
    return (data.partition(b"\r\n\r\n")[0] + b"\r\n\r\n" if method == "HEAD" else data), False


@pytest.fixture(name="raw", scope="module")
def raw_fixture():  # type: ignore[no-untyped-def]
    with RawServer(answer) as server:
        yield server


def check(*requests: tuple[str, bool], settings: FetchSettings = SETTINGS, resolver=None) -> list[Outcome]:  # type: ignore[no-untyped-def]
    """Check (url, want_body) one after another with one client, as the checker does."""

    async def go() -> list[Outcome]:
        guard = Guard(allow_private=True)
        client = Client(guard, max_connections=8, host_connections=4, resolver=resolver)
        try:
            fetcher = Fetcher(client, settings, guard)
            return [await fetcher.check(url, want_body) for url, want_body in requests]
        finally:
            await client.close()

    return asyncio.run(go())


# --- faults from issue 12 -------------------------------------------------------------------------------
def test_folded_location_is_followed_not_reported_clean(raw: RawServer) -> None:
    (outcome,) = check((raw.url("/folded"), False))
    assert not outcome.ok
    assert outcome.chain == [(raw.url("/folded"), 301)] and outcome.status == 404


def test_redirect_without_location_is_an_error(raw: RawServer) -> None:
    (outcome,) = check((raw.url("/no-location"), False))
    assert outcome.error == "redirect (302) without a Location header"


def test_negative_content_length_is_an_error(raw: RawServer) -> None:
    (outcome,) = check((raw.url("/negative-length"), True))
    assert outcome.error.startswith("bad HTTP response"), outcome


def test_bare_lf_response_works(raw: RawServer) -> None:
    (outcome,) = check((raw.url("/bare-lf"), True))
    assert outcome.ok and outcome.body == PAGE


def test_every_gzip_member_is_decoded(raw: RawServer) -> None:
    (outcome,) = check((raw.url("/multi-gzip"), True))
    assert outcome.ok and outcome.body == PAGE


@pytest.mark.parametrize("path", ["/stray-head", "/stray-head-late"])
def test_head_with_a_stray_body_poisons_nothing(raw: RawServer, path: str) -> None:
    outcomes = check((raw.url(path), False), (raw.url("/ok-after"), False), (raw.url("/ok-after"), True))
    assert [(o.ok, o.status, o.error) for o in outcomes] == [(True, 200, "")] * 3
    assert outcomes[2].body == PAGE


def test_bodies_in_every_framing_are_read(raw: RawServer) -> None:
    outcomes = check(*((raw.url(path), True) for path in ("/ok", "/chunked", "/until-close")))
    assert [(o.status, o.body, o.truncated) for o in outcomes] == [(200, PAGE, False)] * 3


def test_decompression_is_capped(raw: RawServer) -> None:
    (outcome,) = check((raw.url("/bomb"), True), settings=FetchSettings(timeout=5, retries=0, body_limit=1000))
    assert len(outcome.body) == 1000 and outcome.truncated


def test_keep_alive_is_reused_and_a_dropped_connection_replaced(raw: RawServer) -> None:
    before = raw.connections
    outcomes = check(*((raw.url(p), False) for p in ("/ok", "/ok-2", "/missing", "/ok-3")))
    assert [o.status for o in outcomes] == [200, 200, 404, 200]
    assert raw.connections - before == 1
    before = raw.connections
    first, second = check((raw.url("/drop-after"), True), (raw.url("/ok"), True))
    assert first.body == b"ok" and second.body == PAGE
    assert raw.connections - before == 2


# --- names and addresses --------------------------------------------------------------------------------
class FakeResolver:
    """DNS stand-in: each name maps to (address, port) answers; remembers the names asked for."""

    def __init__(self, answers: dict[str, list[tuple[str, int]]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    async def resolve(self, host, port=0, family=socket.AF_INET):  # type: ignore[no-untyped-def]
        self.asked.append(host)
        return [
            {"hostname": host, "host": address, "port": p, "family": socket.AF_INET, "proto": 0, "flags": 0}
            for address, p in self.answers[host]
        ]

    async def close(self) -> None:
        pass


def test_idna_2008_host_names(raw: RawServer) -> None:
    resolver = FakeResolver({"xn--fa-hia.test": [("127.0.0.1", raw.port)]})
    (outcome,) = check((f"http://faß.test:{raw.port}/ok-idna", False), resolver=resolver)
    assert outcome.ok
    assert resolver.asked == ["xn--fa-hia.test"]  # IDNA 2003 would have made it fass.test
    assert raw.requests[-1][2] == f"xn--fa-hia.test:{raw.port}"


def test_happy_eyeballs_gets_past_a_black_holed_address(raw: RawServer) -> None:
    # A listening socket whose accept queue is full drops new SYNs: connecting to it hangs.
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(0)
    fillers = []
    for _ in range(3):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(hole.getsockname())
        fillers.append(filler)
    try:
        resolver = FakeResolver({"dual.test": [("127.0.0.1", hole.getsockname()[1]), ("127.0.0.1", raw.port)]})
        started = time.monotonic()
        (outcome,) = check((f"http://dual.test:{raw.port}/ok-eyeballs", False), resolver=resolver)
        assert outcome.ok, outcome
        assert time.monotonic() - started < 2.5  # the timeout is 3 s: the second address did not wait for it
    finally:
        for sock in [hole, *fillers]:
            sock.close()


@pytest.mark.parametrize(
    "url",
    [
        "http://[127.0.0.1]/",  # an IPv4 address in brackets: urllib rejects it
        "http://127.0.0.1:８０/",  # a full-width port: urllib rejects it, yarl reads port 80
        "http://example.com:８０/",
        "http://[::1/",
        "http://localhost./",
        "http://[::ffff:127.0.0.1]/",
        "http://0x7f.1/",
        "ftp://example.com/",
    ],
)
def test_guard_fails_closed(url: str) -> None:
    assert Guard(allow_private=False).check_url(url)


def test_guard_lets_public_names_and_addresses_through() -> None:
    guard = Guard(allow_private=False)
    assert guard.check_url("http://faß.de/") == "" and guard.check_url("https://93.184.215.14:8443/x") == ""
    assert guard.check_socket("127.0.0.1", 80) and guard.check_socket("::1", 80)
    assert guard.check_socket("93.184.215.14", 443) == ""
    assert Guard(allow_private=False, exempt={("127.0.0.1", 3128)}).check_socket("127.0.0.1", 3128) == ""


# --- many origins, few file descriptors ------------------------------------------------------------------
def pages_for(urls: list[str]) -> list[SimpleNamespace]:
    """Stand-ins for collected pages: only what the online checker reads."""
    links = [SimpleNamespace(url=url, position=Position("page.md", n, 1)) for n, url in enumerate(urls, 1)]
    return [SimpleNamespace(links=links, quotes=[], external=None)]


LOW_LIMIT_SCRIPT = """
import json, resource, sys
from types import SimpleNamespace
resource.setrlimit(resource.RLIMIT_NOFILE, (256, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
sys.path.insert(0, sys.argv[1])
from notes_validator.model import Position
from notes_validator.online.checker import OnlineChecker
from notes_validator.online.fetch import FetchSettings

urls = json.loads(sys.argv[2])
links = [SimpleNamespace(url=url, position=Position("page.md", n, 1)) for n, url in enumerate(urls, 1)]
settings = FetchSettings(timeout=10, retries=0, host_request_interval=0)
findings = OnlineChecker(settings, allow_private=True, cache=None).run([SimpleNamespace(links=links, quotes=[])])
print(json.dumps(sorted({f.message for f in findings})))
"""


def test_400_origins_under_ulimit_256_give_no_false_broken_links() -> None:
    with RawServer(answer, ports=400) as farm:
        urls = [farm.url(f"/ok-{n}", port) for n in range(2) for port in farm.ports]
        result = subprocess.run(
            [sys.executable, "-c", LOW_LIMIT_SCRIPT, str(SCRIPTS), json.dumps(urls)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert len(farm.requests) == 800


# --- archive lookups --------------------------------------------------------------------------------------
def test_archive_lookups_obey_the_per_host_limit() -> None:
    async def archive(method: str, path: str):  # type: ignore[no-untyped-def]
        await asyncio.sleep(0.05)
        url = path.partition("url=")[2]
        body = json.dumps({"archived_snapshots": {"closest": {"available": True, "url": f"http://archive.test/{url}"}}})
        return http_response("200 OK", {"Content-Type": "application/json"}, body.encode()), False

    with RawServer(answer) as site, RawServer(archive) as stub:
        urls = [site.url(f"/gone/{n}") for n in range(60)]
        settings = FetchSettings(timeout=5, retries=0, host_concurrency=3, host_request_interval=0)
        checker = OnlineChecker(settings, allow_private=True, cache=None, archive_api=stub.url("/wayback"))
        findings = checker.run(pages_for(urls))
    assert len(findings) == 60 and all(f.suggestion.startswith("http://archive.test/") for f in findings)
    assert len(stub.requests) == 60
    assert 1 < stub.max_active <= 3


# --- a proxy ---------------------------------------------------------------------------------------------
def proxy_answer(log: list[str], upstream_port: int):  # type: ignore[no-untyped-def]
    """A forward proxy for http:// URLs: 'farm.test' is its own name for the local server."""

    async def forward(method: str, target: str):  # type: ignore[no-untyped-def]
        log.append(f"{method} {target}")
        rest = target.partition("://")[2]
        netloc, _, path = rest.partition("/")
        if netloc.partition(":")[0] != "farm.test":
            return http_response("502 Bad Gateway", {}, b"unknown host"), True
        reader, writer = await asyncio.open_connection("127.0.0.1", upstream_port)
        writer.write(f"{method} /{path} HTTP/1.1\r\nHost: {netloc}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")  # the upstream keeps the connection: read one response
        length = next(
            (int(line[15:]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0
        )
        body = b"" if method == "HEAD" else await reader.readexactly(length)
        writer.close()
        return head + body, True

    return forward


OPTIONS = ["--format", "json", "--retries", "0", "--timeout", "5"]


def test_online_run_through_a_proxy(tmp_path: Path, raw: RawServer) -> None:
    log: list[str] = []
    with RawServer(proxy_answer(log, raw.port)) as proxy:
        farm = f"http://farm.test:{raw.port}"
        docs = tmp_path / "docs"
        docs.mkdir()
        (tmp_path / "mkdocs.yml").write_text("site_name: proxied\n", encoding="utf-8")
        page = (
            f"[a]({farm}/ok-proxied)\n\n[b]({farm}/gone)\n\n[c]({farm}/ok-page#here)\n\n[d]({raw.url('/ok-direct')})\n"
        )
        (docs / "index.md").write_text(page, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy", "http_proxy", "https_proxy")}
        env["HTTP_PROXY"] = proxy.url("")
        result = subprocess.run(
            [
                sys.executable,
                str(SCRIPTS / "validate.py"),
                "docs",
                "--online",
                "--no-cache",
                "--archive-api",
                "",
                *OPTIONS,
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
        )
    assert result.returncode == 1, result.stderr
    found = {f["url"]: (f["check"], f["message"]) for f in json.loads(result.stdout)["findings"]}
    assert found == {
        f"{farm}/gone": ("link", "HTTP 404"),
        raw.url("/ok-direct"): ("private-address", found[raw.url("/ok-direct")][1]),
    }
    assert sorted(log) == sorted([f"HEAD {farm}/ok-proxied", f"HEAD {farm}/gone", f"GET {farm}/ok-page"])
