"""First-load weight of every page of a built site.

"browser": Chromium (through Playwright) loads each page in a fresh context from a local server and we
add up every response body it received, so fonts, icons and the search index count when the page really
fetches them. "static": no browser; the HTML plus the stylesheets, scripts, images and icons it
references, plus fonts named in those stylesheets. Sizes are uncompressed bytes (an upper bound for a
host that gzips); the gzip column estimates the transfer with gzip -6.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from chromium import CHROMIUM_ARGS, chromium_path


@dataclass(frozen=True)
class PageWeight:
    page: str  # path inside the site, e.g. "lua/tour/"
    bytes: int
    gzip_bytes: int
    requests: int
    resources: tuple[tuple[str, int], ...] = ()  # (path inside the site, bytes), largest first


def html_pages(site: Path) -> list[Path]:
    """Every page MkDocs wrote (index.html files and 404.html), sorted."""
    return sorted(p for p in site.rglob("*.html") if p.name in ("index.html", "404.html"))


def page_url_path(site: Path, html: Path) -> str:
    relative = html.relative_to(site).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


# ---- static --------------------------------------------------------------------------------------

_REF = re.compile(r"""<(?:link|script|img|source)\b[^>]*?\b(?:href|src)=["']([^"'#?]+)""", re.IGNORECASE)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')#?]+)""")


def _static_weight(site: Path, html: Path) -> PageWeight:
    text = html.read_text(encoding="utf-8", errors="replace")
    page_url = "/" + page_url_path(site, html)
    # <link rel=preconnect/alternate/canonical/sitemap> cost nothing on first load; keep assets only.
    skipped = {
        m.group(0)
        for m in _LINK_TAG.finditer(text)
        if not re.search(r"""rel=["']?(stylesheet|icon|preload|modulepreload)""", m.group(0), re.IGNORECASE)
    }
    files: dict[Path, bytes] = {html: html.read_bytes()}
    for match in _REF.finditer(text):
        tag_start = text.rfind("<", 0, match.start(1))
        tag = text[tag_start : text.find(">", match.end(1)) + 1]
        if tag in skipped:
            continue
        target = _local_file(site, urljoin(page_url, match.group(1)))
        if target is not None and target not in files:
            files[target] = target.read_bytes()
            if target.suffix == ".css":
                css_url = "/" + target.relative_to(site).as_posix()
                for font in _CSS_URL.findall(files[target].decode(errors="replace")):
                    font_file = _local_file(site, urljoin(css_url, font))
                    if font_file is not None and font_file.suffix in (".woff2", ".woff", ".ttf", ".otf"):
                        files.setdefault(font_file, font_file.read_bytes())
    total = sum(len(data) for data in files.values())
    gz = sum(_gzip_size(data) for data in files.values())
    resources = _largest((f.relative_to(site).as_posix(), len(data)) for f, data in files.items())
    return PageWeight(page_url_path(site, html), total, gz, len(files), resources)


def _largest(resources: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(resources, key=lambda item: item[1], reverse=True))


def _local_file(site: Path, url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # an external asset would be a separate finding; the site is built to have none
    path = site / unquote(parts.path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


# ---- browser -------------------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        # Serve the site under its site_url path (e.g. /lua-notes/), as the host does: 404.html links there.
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


def site_prefix(site: Path) -> str:
    """The path part of site_url, read from 404.html's absolute asset links ("/" when there are none)."""
    not_found = site / "404.html"
    text = not_found.read_text(encoding="utf-8", errors="replace") if not_found.exists() else ""
    match = re.search(r"""href=["'](/[^"']*?)assets/stylesheets/""", text)
    return match.group(1) if match else "/"


@contextlib.contextmanager
def _serve(site: Path) -> Iterator[str]:
    prefix = site_prefix(site)
    handler_class = type("_SiteHandler", (_QuietHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def browser_available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return Path(chromium_path()).exists()


def _browser_weights(site: Path, pages: list[Path]) -> list[PageWeight]:
    from playwright.sync_api import sync_playwright

    results: list[PageWeight] = []
    with _serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            for html in pages:
                path = page_url_path(site, html)
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                bodies: list[tuple[str, bytes]] = []
                page.on("requestfinished", lambda request, sink=bodies: _collect(request, sink))
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(200)  # late fetches such as the search worker's index
                context.close()
                total = sum(len(body) for _, body in bodies)
                gz = sum(_gzip_size(body) for _, body in bodies)
                resources = _largest((url.removeprefix(base) or "index.html", len(body)) for url, body in bodies)
                results.append(PageWeight(path, total, gz, len(bodies), resources))
        finally:
            browser.close()
    return results


def _collect(request: object, sink: list[tuple[str, bytes]]) -> None:
    response = request.response()  # type: ignore[attr-defined]
    if response is None:
        return
    with contextlib.suppress(Exception):  # a body that is already gone (redirect, aborted) counts as 0
        sink.append((request.url, response.body()))  # type: ignore[attr-defined]


def measure(site: Path, method: str = "auto") -> tuple[str, list[PageWeight]]:
    """Return the method actually used and every page's weight, heaviest first."""
    pages = html_pages(site)
    if method == "auto":
        method = "browser" if browser_available() else "static"
    weights = _browser_weights(site, pages) if method == "browser" else [_static_weight(site, p) for p in pages]
    return method, sorted(weights, key=lambda w: w.bytes, reverse=True)
