"""Plain data shared by every stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError as UsageError  # re-exported: it belongs with the other shared types

ERROR = "error"
WARNING = "warning"
INFO = "info"


@dataclass(frozen=True)
class Position:
    file: str
    line: int
    column: int


@dataclass
class Finding:
    """One thing to tell the contributor, tied to a place in a Markdown file."""

    position: Position
    severity: str
    check: str
    message: str
    url: str = ""
    suggestion: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.position.file,
            "line": self.position.line,
            "column": self.position.column,
            "severity": self.severity,
            "check": self.check,
            "url": self.url,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass
class Link:
    """A link or image source found in a page."""

    url: str
    position: Position
    kind: str  # "link", "image", "autolink", "html", "reference-definition"
    text: str = ""  # the reference label a link used, if any
    href: str = ""  # the URL in the rendered page (MkDocs rewrites `x.md` to `x/`); '' when not rendered


@dataclass
class QuoteNote:
    """A blockquote following the site's convention: quoted paragraphs, then `— [title](url)`."""

    position: Position
    paragraphs: list[str]
    source_url: str = ""
    source_title: str = ""
    problem: str = ""  # set when the blockquote breaks the convention


@dataclass
class Page:
    """Everything the checks need from one Markdown file, as collected from its rendered HTML."""

    path: Path
    display: str
    url: str = ""  # the page's URL relative to the site root ('' for the home page)
    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    quotes: list[QuoteNote] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    example_markers: list[Link] = field(default_factory=list)
    # (index in links, URL without fragment, fragment, cache key, host) of each well-formed external link;
    # filled where the page is parsed, so the process that fetches does no URL parsing of its own.
    external: list[tuple[int, str, str, str, str]] | None = None
