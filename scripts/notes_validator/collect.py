"""Collect links, ids and quoted notes from the HTML MkDocs renders for a page, with source positions.

The HTML is read with selectolax (lexbor): `a[href]`, `img[src]`, every `[id]` and `a[name]`, and the
outermost blockquotes. A link the Markdown made carries the URL the author wrote (the tracer in
render.py recorded it before MkDocs rewrote it); a link without that mark is raw HTML (or was added by
a hook after rendering) and stays as the browser will resolve it. Positions come from locate.py.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .locate import Locator
from .model import ERROR, WARNING, Finding, Link, Page, Position, QuoteNote
from .render import ORIGINAL, REFERENCE, SOURCE, RenderedPage, SiteLayout

EM_DASH = "\u2014"
DEFINITION = re.compile(r"^[ \t>]*\[([^\]\n]+)\]:[ \t]*<?([^\s>]*)", re.MULTILINE)
FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})", re.MULTILINE)
QUOTE_LINE = re.compile(r"^[ \t]*>[ \t>]*(.*)$", re.MULTILINE)
WORD = re.compile(r"[\W_]+")


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _squash(text: str) -> str:
    """Letters and digits only: markup, spaces and punctuation differ between source and HTML."""
    return WORD.sub("", text)


def _label(value: str) -> str:
    return " ".join(value.lower().split())


class _Collector:
    def __init__(self, rendered: RenderedPage, source: str, layout: SiteLayout, page: Page) -> None:
        self.rendered = rendered
        self.source = source
        self.layout = layout
        self.page = page
        self.locator = Locator(source, layout.snippet_dirs, layout.auto_append)

    def pos(self, where: tuple[int, int]) -> Position:
        return Position(self.page.display, where[0], where[1])

    def finding(self, where: tuple[int, int], severity: str, check: str, message: str, url: str = "") -> None:
        self.page.findings.append(Finding(self.pos(where), severity, check, message, url))

    def run(self) -> None:
        tree = LexborHTMLParser(self.rendered.html)
        root = tree.body or tree.root
        if root is None:
            return
        for node in root.css("[id]"):
            if value := node.attributes.get("id"):
                self.page.anchors.add(value)
        for node in root.css("a[name]"):
            if value := node.attributes.get("name"):
                self.page.anchors.add(value)
        # Links inside code blocks without the tracer's mark were made by the highlighter (line numbers).
        in_code = {node.mem_id for node in root.css("pre a[href], code a[href]") if ORIGINAL not in node.attributes}
        for node in root.css("a[href], img[src]"):
            if node.mem_id not in in_code:
                self.link(node)
        self.references()
        self.text_findings()
        self.quotes(root)

    def link(self, node: LexborNode) -> None:
        attrs = node.attributes
        key = "href" if node.tag == "a" else "src"
        href = attrs.get(key) or attrs.get(f"xlink:{key}") or ""  # SVG links use xlink:href
        original = attrs.get(ORIGINAL)
        source = attrs.get(SOURCE)
        label = attrs.get(REFERENCE)
        if original is None:  # raw HTML: the browser resolves it as written
            kind, url = "html", href
            needles = [f'{key}="{href}"', f"{key}='{href}'", href]
            then = href
        else:
            url = original
            kind = "image" if node.tag == "img" else "link"
            if label:
                needles, then = [source or f"[{label}", *_tail(source)], ""
            elif source:
                needles, then = [source, url], url
                if source.startswith("<"):
                    kind = "autolink"
            elif url.startswith("#"):
                return  # made by an extension together with its target (permalinks, footnotes, line numbers)
            else:  # made by an extension (magiclink, md_in_html tags)
                needles, then = [url], url
        where = self.locator.locate([n for n in needles if n], then)
        self.page.links.append(Link(url, self.pos(where), kind, label or "", href))

    def references(self) -> None:
        trace = self.rendered.trace
        definitions: dict[str, list[tuple[int, int, str]]] = {}
        fences = _fenced_ranges(self.source)
        for match in DEFINITION.finditer(self.source):
            if _inside(match.start(), fences):
                continue
            key = _label(match.group(1))
            if key in trace.references:
                definitions.setdefault(key, []).append((match.start(1) - 1, match.start(2), match.group(2)))
        locator = self.locator
        # Only definitions written in this file: those a hook, a snippet or auto_append adds are shared.
        for key in sorted(definitions.keys() - trace.used):
            start, url_at, url = definitions[key][-1]
            self.finding(locator.position(start), WARNING, "reference", f"unused reference definition [{key}]")
            self.page.links.append(Link(url, self.pos(locator.position(url_at)), "reference-definition", key, url))
        for key in sorted(trace.references.defined_twice):
            for start, _url_at, _url in definitions.get(key, [])[:-1]:
                self.finding(
                    locator.position(start),
                    WARNING,
                    "reference",
                    f"reference [{key}] is defined again later; the last definition wins",
                )

    def text_findings(self) -> None:
        trace = self.rendered.trace
        for label, attempt in trace.undefined:
            where = self.locator.locate([attempt, *_tail(attempt)])
            self.finding(where, ERROR, "reference", f"undefined reference [{label}]")
        for url in trace.unparsed:
            self.finding(
                self.locator.locate([url]),
                ERROR,
                "url",
                "text looks like a link that did not parse (unbalanced parentheses or a space in the URL?)",
                url,
            )

    # --- quoted notes --------------------------------------------------------------------------------
    def quotes(self, root: LexborNode) -> None:
        starts = _quote_starts(self.source)
        used = 0
        for node in root.css("blockquote"):
            if _has_blockquote_ancestor(node):
                continue
            blocks = [child for child in node.iter(include_text=False)]
            # Without the opt-in, only a blockquote that ends with a well-formed source line is a quoted note.
            if not self.layout.quoted_notes and not (blocks and isinstance(_source_line(blocks[-1]), tuple)):
                continue
            line, used = _quote_line(node, starts, used, self.source)
            note = QuoteNote(self.pos((line, 1)), paragraphs=[])
            self.page.quotes.append(note)
            if not blocks:
                note.problem = "empty quote"
                continue
            source = _source_line(blocks[-1])
            if source is None:
                note.problem = f"quoted note has no source line: its last paragraph must be '{EM_DASH} [title](url)'"
            elif isinstance(source, str):
                note.problem = source
            else:
                note.source_title, note.source_url = source
                blocks = blocks[:-1]
            for block in blocks:
                text = block.text(deep=True)
                if text.strip():
                    note.paragraphs.append(text.strip("\n"))
            if not note.problem and not note.paragraphs:
                note.problem = "empty quote: nothing is quoted above the source line"


def _tail(source: str | None) -> list[str]:
    """`][label]` of a reference whose text held other markup (its source then has placeholders)."""
    return [source[source.rfind("][") :]] if source and "][" in source else []


def _has_blockquote_ancestor(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "blockquote":
            return True
        parent = parent.parent
    return False


def _source_line(block: LexborNode) -> tuple[str, str] | str | None:
    """(title, url) if the block is '— [title](url)'; a problem string if it tries and fails; None otherwise."""
    if block.tag != "p" or not block.text(deep=True).startswith(EM_DASH):
        return None
    shape = "the source line must be an em dash, a space and exactly one Markdown link"
    children = list(block.iter(include_text=True))
    while children and children[-1].tag == "-text" and not (children[-1].text_content or "").strip():
        children.pop()
    if len(children) != 2 or children[0].tag != "-text" or children[1].tag != "a":
        return shape
    if (children[0].text_content or "") != EM_DASH + " ":
        return shape
    link = children[1]
    url = link.attributes.get(ORIGINAL) or link.attributes.get("href") or ""
    title = link.text(deep=True).strip()
    if not url.lower().startswith(("http://", "https://")):
        return f"the quote's source must be an http(s) URL, not '{url}'"
    if not title:
        return "the source link needs a title"
    return title, url


def _fenced_ranges(source: str) -> list[tuple[int, int]]:
    ranges = []
    opening: re.Match[str] | None = None
    for match in FENCE.finditer(source):
        if opening is None:
            opening = match
        elif match.group(1)[0] == opening.group(1)[0] and len(match.group(1)) >= len(opening.group(1)):
            ranges.append((opening.start(), match.end()))
            opening = None
    return ranges


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _quote_starts(source: str) -> list[tuple[int, str]]:
    """(line, squashed text) of every line that starts a blockquote, outside fenced code."""
    starts: list[tuple[int, str]] = []
    fences = _fenced_ranges(source)
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
    previous_end = -2
    for match in QUOTE_LINE.finditer(source):
        if _inside(match.start(), fences):
            continue
        if match.start() != previous_end + 1:
            starts.append((bisect.bisect_right(line_starts, match.start()), _squash(match.group(1))))
        previous_end = match.end()
    return starts


def _quote_line(node: LexborNode, starts: list[tuple[int, str]], used: int, source: str) -> tuple[int, int]:
    """The source line a blockquote starts on: the next blockquote start whose text matches its own."""
    head = _squash(node.text(deep=True))[:8]
    for index in range(used, len(starts)):
        if head and starts[index][1].startswith(head[: max(1, min(len(head), len(starts[index][1])))]):
            return starts[index][0], index + 1
    if used < len(starts):
        return starts[used][0], used + 1
    return 1, used


def page_from_render(rendered: RenderedPage, layout: SiteLayout, source: str | None = None) -> Page:
    """The page model of one rendered page. Raises OSError/UnicodeDecodeError for unreadable files."""
    if source is None:
        source = rendered.src_path.read_text(encoding="utf-8-sig")
    page = Page(path=rendered.src_path, display=display_path(rendered.src_path), url=rendered.url)
    if rendered.error:
        locator = Locator(source)
        quoted = re.findall(r"'([^']+)'", rendered.error)
        where = next((locator.position(i) for q in quoted if (i := source.find(q)) >= 0), (1, 1))
        page.findings.append(
            Finding(Position(page.display, *where), ERROR, "render", f"page could not be rendered: {rendered.error}")
        )
        return page
    _Collector(rendered, source, layout, page).run()
    return page


def collect_page(path: Path, config: object = None) -> Page:
    """One Markdown file's page, rendered with its site's config (see site.collect_page)."""
    from .site import collect_page as render_and_collect  # site.py imports this module

    return render_and_collect(path, config)  # type: ignore[arg-type]
