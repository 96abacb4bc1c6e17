"""What each page yielded last time (links, ids, quoted notes, findings), reused while nothing it depends on changed.

A rendered page depends on more than its own file: the config, the hooks, snippet and example files,
which other files exist (MkDocs rewrites `x.md` only when x.md is there). So the whole cache is valid
only under one fingerprint: the validator's code, the MkDocs/Markdown versions, the config file and the
environment variables it reads, every Python file it names (hooks), the list of files in docs_dir and
the bytes of every file there that is not a page. Within it, a page's entry is used while the page's
own bytes (a BLAKE2 digest) are unchanged. The site's layout (site_url path, the built site's files)
is kept too, so a run where nothing changed does not load MkDocs at all.

Entries are typed: every field is checked on reading. An unreadable file or a wrong-typed entry is set
aside with a warning and rebuilt, never a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

import markdown
import mkdocs

from .model import Finding, Link, Page, Position, QuoteNote
from .render import SiteLayout

FORMAT = 2
ENV_NAME = re.compile(r"!ENV\s*\[?\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)")
PY_FILE = re.compile(r"[\w./-]+\.py\b")


class BadEntry(ValueError):
    """A cache value of the wrong type or shape."""


def _expect(value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise BadEntry(f"{what}: expected {getattr(kind, '__name__', kind)}, got {type(value).__name__}")
    return value


def _strings(value: Any, what: str) -> list[str]:
    return [_expect(item, str, what) for item in _expect(value, list, what)]


def _version(name: str) -> str:
    module = sys.modules.get(name)
    return str(getattr(module, "__version__", "")) if module else ""


def fingerprint(config_file: Path | None, docs_dir: Path) -> str:
    here = Path(__file__).parent
    parts: list[Any] = [FORMAT, os.getcwd(), str(config_file), str(docs_dir)]
    parts.append([(p.name, p.stat().st_mtime_ns) for p in sorted(here.glob("*.py"))])
    parts.append([mkdocs.__version__, markdown.__version__, _version("pymdownx")])
    digest = hashlib.blake2b(digest_size=16)
    if config_file is not None:
        try:
            text = config_file.read_bytes()
        except OSError:
            text = b""
        digest.update(text)
        decoded = text.decode("utf-8", "replace")
        parts.append(sorted((name, os.environ.get(name)) for name in set(ENV_NAME.findall(decoded))))
        for name in sorted(set(PY_FILE.findall(decoded))):
            with contextlib.suppress(OSError):
                digest.update(name.encode() + b"\0" + (config_file.parent / name).read_bytes())
    for root, dirs, files in os.walk(docs_dir):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            digest.update(str(path.relative_to(docs_dir)).encode() + b"\0")
            if not name.endswith((".md", ".markdown")):
                with contextlib.suppress(OSError):
                    digest.update(path.read_bytes())
    parts.append(digest.hexdigest())
    return json.dumps(parts)


# --- typed conversion ------------------------------------------------------------------------------
def _link_data(link: Link) -> list[Any]:
    return [link.url, link.position.line, link.position.column, link.kind, link.text, link.href]


def page_data(page: Page) -> dict[str, Any]:
    return {
        "display": page.display,
        "url": page.url,
        "links": [_link_data(link) for link in page.links],
        "anchors": sorted(page.anchors),
        "quotes": [
            [q.position.line, q.position.column, q.paragraphs, q.source_url, q.source_title, q.problem]
            for q in page.quotes
        ],
        "findings": [
            [f.position.file, f.position.line, f.position.column, f.severity, f.check, f.message, f.url, f.suggestion]
            for f in page.findings
        ],
        "external": page.external,
    }


def _link(item: Any, display: str) -> Link:
    url, line, column, kind, text, href = _expect(item, list, "link") if len(item) == 6 else _bad("link")
    return Link(
        _expect(url, str, "link url"),
        Position(display, _expect(line, int, "line"), _expect(column, int, "column")),
        _expect(kind, str, "link kind"),
        _expect(text, str, "link text"),
        _expect(href, str, "link href"),
    )


def _bad(what: str) -> Any:
    raise BadEntry(f"{what}: wrong shape")


def page_from(path: Path, data: Any) -> Page:
    data = _expect(data, dict, "page")
    display = _expect(data.get("display"), str, "display")
    quotes = []
    for item in _expect(data.get("quotes"), list, "quotes"):
        if not isinstance(item, list) or len(item) != 6:
            _bad("quote")
        line, column, paragraphs, url, title, problem = item
        quotes.append(
            QuoteNote(
                Position(display, _expect(line, int, "line"), _expect(column, int, "column")),
                _strings(paragraphs, "paragraphs"),
                _expect(url, str, "source url"),
                _expect(title, str, "source title"),
                _expect(problem, str, "problem"),
            )
        )
    findings = []
    for item in _expect(data.get("findings"), list, "findings"):
        if not isinstance(item, list) or len(item) != 8:
            _bad("finding")
        file, line, column, *rest = item
        findings.append(
            Finding(
                Position(_expect(file, str, "file"), _expect(line, int, "line"), _expect(column, int, "column")),
                *[_expect(value, str, "finding") for value in rest],
            )
        )
    external = data.get("external")
    targets = None
    if external is not None:
        targets = []
        for item in _expect(external, list, "external"):
            if not isinstance(item, list) or len(item) != 5:
                _bad("external")
            targets.append((_expect(item[0], int, "index"), *[_expect(v, str, "external") for v in item[1:]]))
    links = [_link(item, display) for item in _expect(data.get("links"), list, "links")]
    if targets is not None and any(index >= len(links) for index, *_ in targets):
        _bad("external index")
    return Page(
        path=path,
        display=display,
        url=_expect(data.get("url"), str, "url"),
        links=links,
        anchors=set(_strings(data.get("anchors"), "anchors")),
        quotes=quotes,
        findings=findings,
        external=targets,  # type: ignore[arg-type]
    )


def layout_data(layout: SiteLayout) -> dict[str, Any]:
    return {
        "base_path": layout.base_path,
        "use_directory_urls": layout.use_directory_urls,
        "docs_dir": str(layout.docs_dir),
        "destinations": layout.destinations,
        "pages": layout.pages,
        "snippet_dirs": [str(p) for p in layout.snippet_dirs],
        "auto_append": layout.auto_append,
        "quoted_notes": layout.quoted_notes,
    }


def layout_from(data: Any) -> SiteLayout:
    data = _expect(data, dict, "layout")

    def mapping(value: Any, what: str) -> dict[str, str]:
        value = _expect(value, dict, what)
        return {_expect(k, str, what): _expect(v, str, what) for k, v in value.items()}

    return SiteLayout(
        base_path=_expect(data.get("base_path"), str, "base_path"),
        use_directory_urls=_expect(data.get("use_directory_urls"), bool, "use_directory_urls"),
        docs_dir=Path(_expect(data.get("docs_dir"), str, "docs_dir")),
        destinations=mapping(data.get("destinations"), "destinations"),
        pages=mapping(data.get("pages"), "pages"),
        snippet_dirs=[Path(p) for p in _strings(data.get("snippet_dirs"), "snippet_dirs")],
        auto_append=_strings(data.get("auto_append"), "auto_append"),
        quoted_notes=_expect(data.get("quoted_notes"), bool, "quoted_notes"),
    )


class PageCache:
    def __init__(self, directory: Path, config_file: Path | None, docs_dir: Path) -> None:
        self.file = directory / "pages.json"
        self.fingerprint = fingerprint(config_file, docs_dir)
        self.entries: dict[str, Any] = {}
        self.layout: SiteLayout | None = None
        self.plugin_warnings: list[str] = []
        self.warnings: list[str] = []
        self.dirty = False
        try:
            raw = self.file.read_text(encoding="utf-8")
        except OSError:
            return  # no cache yet
        try:
            data = _expect(json.loads(raw), dict, "cache")
            if data.get("format") != FORMAT or data.get("fingerprint") != self.fingerprint:
                return  # another version or another state of the site: every page is rendered
            self.entries = _expect(data.get("pages"), dict, "pages")
            self.layout = layout_from(data.get("layout"))
            self.plugin_warnings = _strings(data.get("plugin_warnings"), "plugin_warnings")
        except (ValueError, BadEntry) as exc:
            self._set_aside(f"page cache {self.file} is unreadable ({exc}); it was set aside and is rebuilt")

    def _set_aside(self, message: str) -> None:
        self.entries, self.layout, self.plugin_warnings = {}, None, []
        with contextlib.suppress(OSError):
            self.file.replace(self.file.with_name(f"pages.json.corrupt-{int(time.time())}"))
        self.warnings.append(message)
        self.dirty = True

    @staticmethod
    def digest(data: bytes) -> str:
        return hashlib.blake2b(data, digest_size=16).hexdigest()

    def get(self, path: Path, digest: str) -> Page | None:
        entry = self.entries.get(str(path))
        if entry is None:
            return None
        try:
            stored, data = _expect(entry, list, "entry") if len(entry) == 2 else _bad("entry")
            if _expect(stored, str, "digest") != digest:
                return None
            return page_from(path, data)
        except (BadEntry, TypeError, ValueError) as exc:
            del self.entries[str(path)]
            self.warnings.append(f"page cache entry for {path} is malformed ({exc}); the page is rendered again")
            self.dirty = True
            return None

    def put(self, path: Path, digest: str, page: Page) -> None:
        self.entries[str(path)] = [digest, page_data(page)]
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or self.layout is None:
            return
        data = {
            "format": FORMAT,
            "fingerprint": self.fingerprint,
            "layout": layout_data(self.layout),
            "plugin_warnings": self.plugin_warnings,
            "pages": self.entries,
        }
        with contextlib.suppress(OSError):  # a read-only cache folder costs speed, not correctness
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, self.file)
        self.dirty = False
