"""Checks that need no network: internal links resolved the way the built site resolves them.

A link's rendered URL (MkDocs has already turned `x.md` into `x/`, or left it alone when there is no
such page) is resolved against the page's own URL under site_url's path, exactly as a browser would:
`../y/`, `/abs` (against the host root, so `/img/logo.png` under `https://h/proj/` leaves the site),
`?q=x` (the page itself), raw HTML `href`/`src` (against the page URL, not the Markdown file). The
target must be a file the build writes (a page, a static file, a theme asset), a folder with an
index.html; a fragment must be an id of the target's rendered HTML.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .htmltext import HtmlPage
from .model import ERROR, WARNING, Finding, Link, Page
from .render import SiteLayout
from .urls import external_problem, kind_of

HOST = "http://site.invalid"


class PageStore:
    """Pages by src_uri, rendering a link target on first use when it was not among the inputs."""

    def __init__(self, layout: SiteLayout, pages: list[Page], load: Callable[[str], Page | None]) -> None:
        self.layout = layout
        self.load = load
        self.by_uri: dict[str, Page | None] = {}
        for page in pages:
            uri = _src_uri(page.path, layout.docs_dir)
            if uri is not None:
                self.by_uri[uri] = page
        self.static_ids: dict[str, set[str]] = {}

    def page(self, src_uri: str) -> Page | None:
        if src_uri not in self.by_uri:
            self.by_uri[src_uri] = self.load(src_uri)
        return self.by_uri[src_uri]

    def html_ids(self, src_uri: str) -> set[str]:
        """Ids of a static HTML file copied from docs_dir."""
        if src_uri not in self.static_ids:
            try:
                html = (self.layout.docs_dir / src_uri).read_text(encoding="utf-8", errors="replace")
                self.static_ids[src_uri] = HtmlPage(html).anchors()
            except OSError:
                self.static_ids[src_uri] = set()
        return self.static_ids[src_uri]


def _src_uri(path: Path, docs_dir: Path) -> str | None:
    try:
        return path.resolve().relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        return None


def _closest(name: str, options: set[str]) -> str:
    match = difflib.get_close_matches(name, sorted(options), n=1, cutoff=0.6)
    return match[0] if match else ""


def _anchor_finding(link: Link, fragment: str, anchors: set[str], where: str) -> Finding | None:
    anchor = unquote(fragment)
    if not anchor or anchor in anchors or fragment in anchors:
        return None
    closest = _closest(anchor, anchors)
    return Finding(
        link.position,
        ERROR,
        "anchor",
        f"anchor '#{anchor}' not found {where}",
        url=link.url,
        suggestion=f"#{closest}" if closest else "",
    )


def resolve(layout: SiteLayout, page_url: str, href: str) -> tuple[str | None, str]:
    """(dest_uri on the built site or None when nothing is there, fragment); dest '' means outside the site."""
    absolute = urljoin(HOST + layout.base_path + page_url, href)
    parts = urlsplit(absolute)
    path = unquote(parts.path)
    if not path.startswith(layout.base_path) and path + "/" != layout.base_path:
        return "", parts.fragment
    rel = path[len(layout.base_path) :]
    destinations = layout.destinations
    if rel == "" or rel.endswith("/"):
        candidate = rel + "index.html"
        return (candidate if candidate in destinations else None), parts.fragment
    if rel in destinations:
        return rel, parts.fragment
    if rel + "/index.html" in destinations:  # a folder: web servers redirect to the slash
        return rel + "/index.html", parts.fragment
    return None, parts.fragment


def _definition_href(page: Page, layout: SiteLayout, url: str) -> str:
    """The href MkDocs would give an unused reference definition's URL if a link used it."""
    parts = urlsplit(url)
    uri = _src_uri(page.path, layout.docs_dir)
    if uri is None or parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return url
    target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), unquote(parts.path)))
    for candidate in (target, posixpath.join(target, "index.md"), posixpath.join(target, "README.md")):
        if candidate in layout.pages:
            here = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)
            rel = posixpath.relpath(layout.pages[candidate] or ".", here or ".")
            rel += "/" if layout.pages[candidate].endswith("/") and not rel.endswith("/") else ""
            return rel + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    if target in layout.destinations:  # a static file keeps its path
        here = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)
        return posixpath.relpath(target, here or ".") + (f"#{parts.fragment}" if parts.fragment else "")
    return url


def check_internal(page: Page, link: Link, store: PageStore) -> Finding | None:
    layout = store.layout
    href = link.href or link.url
    if link.kind == "reference-definition":  # used by no link: resolved as MkDocs would rewrite it
        href = _definition_href(page, layout, link.url)
    dest, fragment = resolve(layout, page.url, href)
    shown = urlsplit(link.url).path or link.url
    if dest == "":
        return Finding(
            link.position,
            ERROR,
            "link",
            f"'{link.url}' points outside the site (it resolves above {layout.base_path})",
            url=link.url,
        )
    if dest is None:
        message = f"'{shown}' not found"
        suggestion = ""
        if link.kind == "html" and not urlsplit(href).scheme:
            source_side = _src_target(page, layout, urlsplit(href).path)
            if source_side is not None:
                message += " on the built site (raw HTML is resolved against the page's URL, not its Markdown file)"
                target = layout.pages.get(source_side, source_side)
                here = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)
                suggestion = posixpath.relpath(target or ".", here or ".") + ("/" if target.endswith("/") else "")
        elif _outside_docs(page, layout, urlsplit(link.url).path):
            message = f"'{link.url}' points outside docs_dir"
        return Finding(link.position, ERROR, "link", message, url=link.url, suggestion=suggestion)
    if not fragment:
        return None
    src = layout.destinations[dest]
    if src in layout.pages:
        target = store.page(src)
        if target is None:
            return None
        where = "on this page" if target is page else f"in {target.display}"
        return _anchor_finding(link, fragment, target.anchors, where)
    if dest.endswith((".html", ".htm")):
        return _anchor_finding(link, fragment, store.html_ids(src), f"in {src}")
    return None


def _src_target(page: Page, layout: SiteLayout, path: str) -> str | None:
    """The src_uri a path names relative to the page's Markdown file, when that is a file of docs_dir."""
    uri = _src_uri(page.path, layout.docs_dir)
    if uri is None or not path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), unquote(path)))
    return target if (layout.docs_dir / target).exists() else None


def _outside_docs(page: Page, layout: SiteLayout, path: str) -> bool:
    uri = _src_uri(page.path, layout.docs_dir)
    if uri is None or not path or path.startswith("/"):
        return False
    return posixpath.normpath(posixpath.join(posixpath.dirname(uri), unquote(path))).startswith("../")


def check_page(page: Page, store: PageStore) -> list[Finding]:
    """Offline findings for one page (including those the collector already made)."""
    findings = list(page.findings)
    for link in page.links:
        if not link.url.strip():  # the browser opens this page again: a slip, not a broken link
            findings.append(Finding(link.position, WARNING, "link", "empty link target", url=link.url))
            continue
        kind = kind_of(link.href or link.url)
        problem: Finding | None = None
        if kind == "same-page":
            problem = _anchor_finding(link, (link.href or link.url)[1:], page.anchors, "on this page")
        elif kind == "internal":
            problem = check_internal(page, link, store)
        elif kind == "external":
            message = external_problem(link.url)
            problem = Finding(link.position, ERROR, "url", message, url=link.url) if message else None
        if problem:
            if link.kind == "reference-definition":  # no reader can click it: worth fixing, not a broken link
                problem.severity = WARNING
                problem.message = f"unused reference definition [{link.text}]: {problem.message}"
            findings.append(problem)
    for quote in page.quotes:
        if quote.problem:
            findings.append(Finding(quote.position, ERROR, "quote", quote.problem, url=quote.source_url))
    return findings


def check_offline(pages: list[Page], store: PageStore) -> list[Finding]:
    findings: list[Finding] = []
    for page in pages:
        findings.extend(check_page(page, store))
    return findings
