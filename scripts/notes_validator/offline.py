"""Checks that need no network: internal files and anchors, URL syntax, quoted-note structure."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .config import SiteConfig
from .model import ERROR, WARNING, Finding, Link, Page
from .urls import external_problem, kind_of

INDEX_NAMES = ("index.md", "README.md")


class PageStore:
    """Pages by path, parsing a link target on first use when it was not among the inputs."""

    def __init__(self, config: SiteConfig, pages: list[Page]) -> None:
        self.config = config
        self.pages: dict[Path, Page | None] = {page.path.resolve(): page for page in pages}

    def get(self, path: Path) -> Page | None:
        key = path.resolve()
        if key not in self.pages:
            from .collect import collect_page  # a rerun with every page cached never needs the parser

            try:
                self.pages[key] = collect_page(path, self.config)
            except (OSError, UnicodeDecodeError):
                self.pages[key] = None
        return self.pages[key]


def _closest(name: str, options: set[str]) -> str:
    import difflib  # only a broken anchor needs it

    match = difflib.get_close_matches(name, sorted(options), n=1, cutoff=0.6)
    return match[0] if match else ""


def _anchor_finding(link: Link, fragment: str, target: Page, same_page: bool) -> Finding | None:
    anchor = unquote(fragment)
    if not anchor or anchor in target.anchors or fragment in target.anchors:
        return None
    where = "on this page" if same_page else f"in {target.display}"
    closest = _closest(anchor, target.anchors)
    return Finding(
        link.position,
        ERROR,
        "anchor",
        f"anchor '#{anchor}' not found {where}",
        url=link.url,
        suggestion=f"#{closest}" if closest else "",
    )


def _resolve_internal(page: Page, path_part: str, docs_dir: Path | None) -> Path:
    path_part = unquote(path_part)
    if path_part.startswith("/"):
        base = docs_dir or page.path.parent
        return base / path_part.lstrip("/")
    return Path(posixpath.normpath(str(page.path.parent / path_part)))


def check_internal(page: Page, link: Link, store: PageStore) -> Finding | None:
    parts = urlsplit(link.url)
    fragment = parts.fragment
    target_path = _resolve_internal(page, parts.path, store.config.docs_dir)
    docs_dir = store.config.docs_dir
    if docs_dir and page.path.resolve().is_relative_to(docs_dir) and not target_path.resolve().is_relative_to(docs_dir):
        return Finding(link.position, ERROR, "link", f"'{link.url}' points outside docs_dir", url=link.url)
    if target_path.is_dir():
        index = next((target_path / n for n in INDEX_NAMES if (target_path / n).is_file()), None)
        if index is None:
            return Finding(link.position, ERROR, "link", f"folder '{parts.path}' has no index.md", url=link.url)
        target_path = index
    elif not target_path.is_file():
        suggestion = ""
        if target_path.with_suffix(".md").is_file():
            suggestion = parts.path.rstrip("/") + ".md"
        return Finding(link.position, ERROR, "link", f"'{parts.path}' not found", url=link.url, suggestion=suggestion)
    if fragment and target_path.suffix == ".md":
        target = store.get(target_path)
        if target is not None:
            return _anchor_finding(link, fragment, target, same_page=False)
    return None


def check_page(page: Page, store: PageStore) -> list[Finding]:
    """Offline findings for one page (including those the collector already made)."""
    findings = list(page.findings)
    for link in page.links:
        if not link.url.strip():
            findings.append(Finding(link.position, ERROR, "link", "empty link target", url=link.url))
            continue
        kind = kind_of(link.url)
        if kind == "same-page":
            problem = _anchor_finding(link, link.url[1:], page, same_page=True)
        elif kind == "internal":
            problem = check_internal(page, link, store)
        elif kind == "external":
            message = external_problem(link.url)
            problem = Finding(link.position, ERROR, "url", message, url=link.url) if message else None
        else:
            problem = None
        if problem:
            findings.append(problem)
    for marker in page.example_markers:
        target = page.path.parent / marker.url
        if not target.is_file():
            findings.append(
                Finding(marker.position, ERROR, "example", f"example file '{marker.url}' not found", url=marker.url)
            )
    for quote in page.quotes:
        if quote.problem:
            findings.append(Finding(quote.position, ERROR, "quote", quote.problem, url=quote.source_url))
    return findings


def check_offline(pages: list[Page], config: SiteConfig) -> list[Finding]:
    store = PageStore(config, pages)
    findings: list[Finding] = []
    for page in pages:
        findings.extend(check_page(page, store))
    return findings


__all__ = ["WARNING", "PageStore", "check_offline", "check_page"]
