"""Read Markdown pages with a real parser and collect links, anchors and quoted notes with positions.

markdown-it-py (CommonMark) with the plugins that match the Python-Markdown extensions MkDocs sites
use most: tables, footnotes, definition lists and admonitions (`!!!`, `???`; content tabs `===` are
read the same way). Anything inside code blocks or inline code is never a link.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from .config import SiteConfig, unique
from .model import ERROR, WARNING, Finding, Link, Page, Position, QuoteNote

EXAMPLE_MARKER = re.compile(r"<!--\s*example:\s*(?P<path>\S+)\s*-->")
# Python-Markdown attr_list on a heading: at least one space, then {#id .class key=value} at the end.
HEADING_ATTRS = re.compile(r"[ ]+\{:?[ ]*([^}\n ][^\n]*)\}[ ]*$")
ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
BROKEN_LINK = re.compile(r"\]\((?:<)?(https?://[^\s)>]*)")
UNDEFINED_REFERENCE = re.compile(r"\[([^\[\]]+)\]\[([^\[\]]*)\]")
TABS = re.compile(r"^(\s*)===(\+?)(?=\s)", re.MULTILINE)
EM_DASH = "\u2014"


class _References(dict):
    """markdown-it's reference table, remembering which labels links looked up successfully."""

    def __init__(self) -> None:
        super().__init__()
        self.used: set[str] = set()

    def get(self, key, default=None):  # type: ignore[override]
        if key in self:
            self.used.add(key)
        return super().get(key, default)


class _HtmlScan(HTMLParser):
    """Links and ids in raw HTML (blocks and inline tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, int]] = []  # (url, attribute, line offset)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0] - 1
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.urls.append((value.strip(), name, line))
            elif name == "id" or (name == "name" and tag == "a"):
                self.ids.append(value)

    handle_startendtag = handle_starttag


def make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"inline_definitions": True})
    md.enable("table")
    md.use(footnote_plugin).use(deflist_plugin).use(admon_plugin)
    # Keep link targets as written (only entities and escapes decoded): reports show the author's URL.
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    return md


def plain_text(children: list[Token] | None, *, for_heading: bool = False) -> str:
    """The text a reader sees, as Python-Markdown's toc sees it: tags dropped, code kept, no markup."""
    parts: list[str] = []
    for token in children or []:
        if token.type == "image":
            if not for_heading:
                parts.append(plain_text(token.children))
            continue
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


class _Locator:
    """Finds where a link's text sits in the source lines, moving forward through a block."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.line = 0
        self.col = 0

    def start_block(self, line: int) -> None:
        if line != self.line:
            self.line, self.col = line, 0

    def find(self, needle: str, end_line: int) -> tuple[int, int] | None:
        if not needle:
            return None
        for index in range(self.line, min(end_line, len(self.lines))):
            start = self.col if index == self.line else 0
            found = self.lines[index].find(needle, start)
            if found >= 0:
                self.line, self.col = index, found + len(needle)
                return index + 1, found + 1
        return None


class _PageCollector:
    def __init__(self, page: Page, source: str, config: SiteConfig) -> None:
        self.page = page
        self.config = config
        self.lines = source.splitlines()
        self.locator = _Locator(self.lines)
        self.heading_ids: list[tuple[str | None, str, int]] = []  # (explicit id, text, line)
        self.explicit_ids: set[str] = set()
        self.raw_ids: set[str] = set()

    def pos(self, line: int, column: int = 1) -> Position:
        return Position(self.page.display, line, column)

    def finding(self, line: int, column: int, severity: str, check: str, message: str, url: str = "") -> None:
        self.page.findings.append(Finding(self.pos(line, column), severity, check, message, url))

    # --- tokens -------------------------------------------------------------------------------------
    def run(self, tokens: list[Token], references: _References) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "heading_open":
                self.heading(token, tokens[index + 1])
            elif token.type == "inline":
                self.inline(token)
            elif token.type == "html_block":
                self.html_block(token)
            elif token.type == "definition":
                self.definition(token, references)
            elif token.type == "blockquote_open":
                end = _closing(tokens, index)
                self.quote(tokens, index, end)
            index += 1
        self.finish_anchors()

    def heading(self, token: Token, inline: Token) -> None:
        text = " ".join(plain_text(inline.children, for_heading=True).split())
        explicit = None
        if self.config.attr_list:
            match = HEADING_ATTRS.search(text)
            if match:
                text = text[: match.start()].strip()
                id_match = ATTR_ID.search(match.group(1))
                if id_match:
                    explicit = id_match.group(1)
                    self.explicit_ids.add(explicit)
        line = (token.map or [0])[0] + 1
        self.heading_ids.append((explicit, text, line))

    def inline(self, token: Token) -> None:
        start, end = token.map or (0, len(self.lines))
        self.locator.start_block(start)
        for child in _walk(token.children or []):
            if child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                kind = "autolink" if child.markup == "autolink" else "link"
                self.add_link(href, kind, start, end, _link_text(token.children or [], child))
            elif child.type == "image":
                self.add_link(str(child.attrs.get("src", "")), "image", start, end)
            elif child.type == "html_inline":
                self.html(child.content, start, end, inline=True)
            elif child.type == "text":
                for match in BROKEN_LINK.finditer(child.content):
                    where = self.locator.find(match.group(1), end) or (start + 1, 1)
                    self.finding(
                        *where,
                        ERROR,
                        "url",
                        "text looks like a link that did not parse (unbalanced parentheses or a space in the URL?)",
                        match.group(1),
                    )
                for match in UNDEFINED_REFERENCE.finditer(child.content):
                    label = match.group(2) or match.group(1)
                    where = self.locator.find(match.group(0), end) or (start + 1, 1)
                    self.finding(*where, ERROR, "reference", f"undefined reference [{label}]")

    def add_link(self, url: str, kind: str, start: int, end: int, text: str = "") -> None:
        where = self.locator.find(url, end)
        if where is None and text:  # a reference link: its URL is elsewhere, its text is here
            where = self.locator.find("[" + text, end)
        where = where or (start + 1, 1)
        self.page.links.append(Link(url, self.pos(*where), kind))

    def html_block(self, token: Token) -> None:
        start = (token.map or [0])[0]
        for match in EXAMPLE_MARKER.finditer(token.content):
            line = start + token.content.count("\n", 0, match.start()) + 1
            column = match.start("path") - (token.content.rfind("\n", 0, match.start()) + 1) + 1
            self.page.example_markers.append(Link(match.group("path"), self.pos(line, column), "example"))
        self.html(token.content, start, (token.map or [0, start + 1])[1], inline=False)

    def html(self, content: str, start: int, end: int, *, inline: bool) -> None:
        scan = _HtmlScan()
        try:
            scan.feed(content)
            scan.close()
        except Exception:  # malformed HTML is the page author's business; links in it are still tried
            pass
        self.raw_ids.update(scan.ids)
        for url, _attr, offset in scan.urls:
            self.locator.start_block(start + (0 if inline else offset))
            where = self.locator.find(url, end) or (start + offset + 1, 1)
            self.page.links.append(Link(url, self.pos(*where), "html"))

    def definition(self, token: Token, references: _References) -> None:
        meta = token.meta or {}
        line = (token.map or [0])[0] + 1
        self.locator.start_block(line - 1)
        where = self.locator.find(str(meta.get("url", "")), line + 2) or (line, 1)
        self.page.links.append(
            Link(str(meta.get("url", "")), self.pos(*where), "reference-definition", str(meta.get("id", "")))
        )
        self._definitions.append((str(meta.get("id", "")), str(meta.get("label", "")), line))

    _definitions: list[tuple[str, str, int]]

    def quote(self, tokens: list[Token], start: int, end: int) -> None:
        if tokens[start].level != 0:
            return  # only outermost blockquotes are quoted notes
        line = (tokens[start].map or [0])[0] + 1
        blocks = _child_blocks(tokens, start, end)
        note = QuoteNote(self.pos(line), paragraphs=[])
        self.page.quotes.append(note)
        if not blocks:
            note.problem = "empty quote"
            return
        last_start, last_end = blocks[-1]
        source = _source_line(tokens, last_start, last_end)
        if source is None:
            note.problem = f"quoted note has no source line: its last paragraph must be '{EM_DASH} [title](url)'"
        elif isinstance(source, str):
            note.problem = source
        else:
            note.source_title, note.source_url = source
            blocks = blocks[:-1]
        for block_start, block_end in blocks:
            texts = [plain_text(t.children) for t in tokens[block_start:block_end] if t.type == "inline" and t.children]
            text = "\n".join(t for t in texts if t.strip())
            if text.strip():
                note.paragraphs.append(text)
        if not note.problem and not note.paragraphs:
            note.problem = "empty quote: nothing is quoted above the source line"

    def finish_anchors(self) -> None:
        used = set(self.explicit_ids)
        counters: dict[str, int] = {}
        for explicit, text, _line in self.heading_ids:
            if explicit is not None:
                self.page.anchors.add(explicit)
                continue
            self.page.anchors.add(unique(self.config.slug(text), used, counters))
        self.page.anchors.update(self.raw_ids)


def _link_text(children: list[Token], link_open: Token) -> str:
    """The first plain words of a link, to find a reference link in the source."""
    index = next(i for i, child in enumerate(children) if child is link_open)  # tokens compare equal by value
    following = children[index + 1 : index + 2]
    return following[0].content[:30] if following and following[0].type == "text" else ""


def _walk(children: list[Token]):
    for child in children:
        yield child
        if child.type == "image":
            continue  # an image's alt text holds no links


def _closing(tokens: list[Token], start: int) -> int:
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _child_blocks(tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """Direct children of the container tokens[start]..tokens[end], as (first, last) index pairs."""
    blocks = []
    index = start + 1
    while index < end:
        close = _closing(tokens, index) if tokens[index].nesting == 1 else index
        blocks.append((index, close))
        index = close + 1
    return blocks


def _source_line(tokens: list[Token], start: int, end: int) -> tuple[str, str] | str | None:
    """(title, url) if the block is '— [title](url)'; a problem string if it tries and fails; None otherwise."""
    if tokens[start].type != "paragraph_open" or start + 1 >= len(tokens) or tokens[start + 1].type != "inline":
        return None
    children = tokens[start + 1].children or []
    if not children or children[0].type != "text" or not children[0].content.startswith(EM_DASH):
        return None
    shape = "the source line must be an em dash, a space and exactly one Markdown link"
    if children[0].content != EM_DASH + " ":
        return shape
    links = [c for c in children if c.type == "link_open"]
    if len(links) != 1 or children[1].type != "link_open" or children[-1].type != "link_close":
        return shape
    url = str(links[0].attrs.get("href", ""))
    title = plain_text(children[2:-1]).strip()
    if not url.lower().startswith(("http://", "https://")):
        return f"the quote's source must be an http(s) URL, not '{url}'"
    if not title:
        return "the source link needs a title"
    return title, url


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def collect_page(path: Path, config: SiteConfig, parser: MarkdownIt | None = None, source: str | None = None) -> Page:
    """Parse one Markdown file (or `source`, its text). Raises OSError/UnicodeDecodeError for unreadable files."""
    if source is None:
        source = path.read_text(encoding="utf-8-sig")
    page = Page(path=path, display=display_path(path))
    parser = parser or make_parser()
    references = _References()
    env = {"references": references}
    tokens = parser.parse(TABS.sub(lambda m: f"{m.group(1)}!!!{m.group(2)}", source), env)
    collector = _PageCollector(page, source, config)
    collector._definitions = []
    collector.run(tokens, references)
    # A used definition is checked where it is used; only unused ones are checked where they stand.
    page.links = [
        link for link in page.links if link.kind != "reference-definition" or link.text not in references.used
    ]
    for key, label, line in collector._definitions:
        if key not in references.used:
            page.findings.append(
                Finding(Position(page.display, line, 1), WARNING, "reference", f"unused reference definition [{label}]")
            )
    for duplicate in env.get("duplicate_refs", []):
        line = duplicate["map"][0] + 1
        page.findings.append(
            Finding(
                Position(page.display, line, 1),
                WARNING,
                "reference",
                f"duplicate reference definition [{duplicate['label']}] (the first one wins)",
            )
        )
    return page
