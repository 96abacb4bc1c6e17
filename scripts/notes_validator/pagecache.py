"""What each page yielded last time (links, anchors, quoted notes, findings), reused while the file is unchanged.

Parsing is most of a rerun's work, and most pages have not changed since the last run. An entry is
used only when the file's bytes (a BLAKE2 digest: an mtime can miss an edit made in the same tick),
the path as reported, the site's slug settings and the validator's own parsing code are all the same
as when it was written. Stored as JSON next to the link cache; an unreadable file is simply rebuilt
(it only saves time).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .config import SiteConfig
from .model import Finding, Link, Page, Position, QuoteNote

FORMAT = 1
PARSER_FILES = ("collect.py", "config.py", "model.py", "urls.py", "pagecache.py")


def _fingerprint(config: SiteConfig) -> str:
    """Changes whenever the parsing code or the settings that shape anchors change."""
    here = Path(__file__).parent
    code = [(name, os.stat(here / name).st_mtime_ns) for name in PARSER_FILES]
    return json.dumps([FORMAT, code, config.slug_id, config.separator, config.attr_list, os.getcwd()])


def _to_data(page: Page) -> list[Any]:
    def link(item: Link) -> list[Any]:
        return [item.url, item.position.line, item.position.column, item.kind, item.text]

    return [
        page.display,
        [link(item) for item in page.links],
        sorted(page.anchors),
        [
            [q.position.line, q.position.column, q.paragraphs, q.source_url, q.source_title, q.problem]
            for q in page.quotes
        ],
        [
            [f.position.file, f.position.line, f.position.column, f.severity, f.check, f.message, f.url, f.suggestion]
            for f in page.findings
        ],
        [link(item) for item in page.example_markers],
        page.external,
    ]


def _from_data(path: Path, data: list[Any]) -> Page:
    display, links, anchors, quotes, findings, markers, external = data

    def link(item: list[Any]) -> Link:
        return Link(item[0], Position(display, item[1], item[2]), item[3], item[4])

    return Page(
        path=path,
        display=display,
        links=[link(item) for item in links],
        anchors=set(anchors),
        quotes=[QuoteNote(Position(display, q[0], q[1]), q[2], q[3], q[4], q[5]) for q in quotes],
        findings=[Finding(Position(f[0], f[1], f[2]), *f[3:]) for f in findings],
        example_markers=[link(item) for item in markers],
        external=[tuple(target) for target in external] if external is not None else None,  # type: ignore[misc]
    )


class PageCache:
    def __init__(self, directory: Path, config: SiteConfig) -> None:
        self.file = directory / "pages.json"
        self.fingerprint = _fingerprint(config)
        self.entries: dict[str, list[Any]] = {}
        self.dirty = False
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("fingerprint") == self.fingerprint and isinstance(data.get("pages"), dict):
                self.entries = data["pages"]
        except (OSError, ValueError, AttributeError):
            pass  # no cache yet, or not ours: every page is parsed

    @staticmethod
    def digest(data: bytes) -> str:
        return hashlib.blake2b(data, digest_size=16).hexdigest()

    def get(self, path: Path, digest: str) -> Page | None:
        entry = self.entries.get(str(path))
        if entry is None or entry[0] != digest:
            return None
        try:
            return _from_data(path, entry[1])
        except (ValueError, TypeError, IndexError):
            return None

    def put(self, path: Path, digest: str, page: Page) -> None:
        self.entries[str(path)] = [digest, _to_data(page)]
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        from .online.cache import write_atomically

        with contextlib.suppress(OSError):  # a read-only cache folder costs speed, not correctness
            write_atomically(self.file, {"fingerprint": self.fingerprint, "pages": self.entries})
        self.dirty = False
