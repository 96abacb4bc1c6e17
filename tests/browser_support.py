"""Fixtures and helpers for the browser tests: one Chromium per session, both editions of the site.

Every browser test reads the site the way a reader does, in Debian's Chromium driven by Playwright.
Requests that would leave the edition under test (file:// for the offline zip, 127.0.0.1 for the
hosted build) are aborted and recorded, so a test can assert that nothing tried to reach the network.
"""

from __future__ import annotations

import contextlib
import functools
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import build_books
from chromium import CHROMIUM_ARGS, chromium_path

DESKTOP = {"width": 1280, "height": 900}
# Schemes a page may use without touching the network (inline data, the shim's about:blank iframe).
_LOCAL_SCHEMES = ("data:", "blob:", "about:")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module; each test opens its own context.

    Not per session: Playwright's sync API keeps an asyncio loop running in the main thread while it is
    open, and tests that later call asyncio.run() (the link validator's) would fail with
    "cannot be called from a running event loop". Launching Chromium takes well under a second.
    """
    path = chromium_path()
    if not Path(path).is_file():
        pytest.skip(f"no Chromium at {path}: install the Debian package `chromium` or set CHROMIUM_PATH")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the PyPI package `playwright` is not installed (pip install -r requirements-dev.txt)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the browser dropping a connection it no longer needs is not a test failure


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A built site served over HTTP on 127.0.0.1 (a free port), like a static host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def hosted_url(built_site: Path) -> Iterator[str]:
    """The hosted build served over HTTP on 127.0.0.1, like a static host would serve it."""
    with serve(built_site) as url:
        yield url


@dataclass(frozen=True)
class Edition:
    """One built edition of the site and how a reader reaches its pages."""

    name: str
    root: Path  # the built site on disk
    base_url: str  # ends with "/"

    @property
    def offline(self) -> bool:
        return self.base_url.startswith("file:")

    def page_files(self) -> list[Path]:
        """Every page of the site (generic, so the tests keep up as pages are added)."""
        return sorted(p for p in self.root.rglob("*.html") if p.name != "404.html")

    def url_of(self, html: Path) -> str:
        rel = html.relative_to(self.root).as_posix()
        if not self.offline and (rel == "index.html" or rel.endswith("/index.html")):
            rel = rel[: -len("index.html")]
        return self.base_url + rel

    def page_of(self, url: str) -> str:
        """A URL (possibly with #fragment) as the page path it shows, e.g. 'openresty/index.html'."""
        path = unquote(urlsplit(url).path)
        base = unquote(urlsplit(self.base_url).path)
        rel = path[len(base) :] if path.startswith(base) else path
        return rel + "index.html" if rel == "" or rel.endswith("/") else rel

    def stays_local(self, url: str) -> bool:
        return url.startswith((*_LOCAL_SCHEMES, self.base_url))


@dataclass
class Reader:
    """A browser context on one edition that records console errors and requests leaving the edition."""

    edition: Edition
    context: Any
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def new_page(self) -> Any:
        page = self.context.new_page()
        page.on("console", lambda msg: self._console(page, msg))
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: uncaught {exc}"))
        return page

    def _console(self, page: Any, msg: Any) -> None:
        if msg.type != "error":
            return
        # A resource we aborted on purpose is recorded in `outside`; its console echo is not a page bug.
        source = msg.location.get("url", "") if msg.location else ""
        if "Failed to load resource" in msg.text and not self.edition.stays_local(source):
            return
        self.errors.append(f"{page.url}: console error: {msg.text}")

    def _route(self, route: Any) -> None:
        url = route.request.url
        if self.edition.stays_local(url):
            route.continue_()
        else:
            self._record(url)
            route.abort()

    def _record(self, url: str) -> None:
        if not self.edition.stays_local(url) and url not in self.outside:
            self.outside.append(url)


@pytest.fixture
def open_reader(browser: Any) -> Iterator[Any]:
    """open_reader(edition, **context_options) -> Reader; every context is closed after the test."""
    readers: list[Reader] = []

    def _open(edition: Edition, **options: Any) -> Reader:
        options.setdefault("viewport", DESKTOP)
        options.setdefault("locale", "zh-CN")
        options.setdefault("service_workers", "block")
        reader = Reader(edition, browser.new_context(**options))
        reader.context.route("**/*", reader._route)
        reader.context.on("request", lambda request: reader._record(request.url))
        readers.append(reader)
        return reader

    yield _open
    for reader in readers:
        reader.context.close()


@pytest.fixture(scope="session")
def hosted_edition(built_site: Path, hosted_url: str) -> Edition:
    return Edition("hosted", built_site, hosted_url)


@pytest.fixture(scope="session")
def offline_edition(offline_site: Path) -> Edition:
    return Edition("offline", offline_site, offline_site.as_uri() + "/")


@pytest.fixture(params=["offline", "hosted"])
def edition(request: pytest.FixtureRequest) -> Edition:
    """Each edition in turn, for a test that both must pass."""
    return request.getfixturevalue(f"{request.param}_edition")


# The only host the hosted edition may reach, for the stars and version shown beside the repo link.
HOSTED_MAY_REACH = ("https://api.github.com/",)


def assert_stayed_home(reader: Reader) -> None:
    """Nothing left the edition (offline) or only the repo facts did (hosted); no page logged an error."""
    if reader.edition.offline:
        assert reader.outside == [], "the offline edition tried to reach the network"
    else:
        assert [u for u in reader.outside if not u.startswith(HOSTED_MAY_REACH)] == [], "unexpected remote requests"
    assert reader.errors == [], "pages logged errors"


def goto(page: Any, url: str) -> None:
    """Open a page; Material's bundle is a plain script at the end of <body>, so it has run by `load`."""
    page.goto(url, wait_until="load")


def text_tokens(text: str) -> set[str]:
    """The words the search index holds for a text: Material's separator for zh, lower-cased."""
    return {t.lower() for t in re.split(r"[\s\u200b\u3000\-、。，．？！；]+", text) if t}


# ---- the nav, cut into legs --------------------------------------------------------------------------


@dataclass(frozen=True)
class Leg:
    """A run of consecutive nav pages in one section (the pages at the top of the nav make their own legs)."""

    name: str
    pages: tuple[str, ...]  # docs/-relative Markdown paths, in nav order


def _nav_pages() -> list[tuple[str, str]]:
    """(docs path, section) for every page of mkdocs.yml's nav, in order, read as the books read it."""
    return [(chapter.src, chapter.part) for chapter in build_books.nav_chapters(build_books._load_config()["nav"])]


def nav_legs() -> list[Leg]:
    legs: list[tuple[str, list[str]]] = []
    for src, section in _nav_pages():
        if legs and legs[-1][0] == section:
            legs[-1][1].append(src)
        else:
            legs.append((section, [src]))
    # Named by the first page's folder (or file): index, lua, coroutine, …, community.
    return [Leg(Path(pages[0]).with_suffix("").parts[0], tuple(pages)) for _, pages in legs]


def page_path(edition: Edition, src: str) -> str:
    """Where an edition built docs/SRC, as Edition.page_of names it: 'lua/basics/index.html' or 'lua/basics.html'."""
    stem = src.removesuffix(".md")
    if edition.offline or stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"
