"""Build the PDF and EPUB editions of the site from the same sources, in one command.

    python scripts/build_books.py                  # -> dist/lua-notes.pdf and dist/lua-notes.epub
    python scripts/build_books.py --copy-into site # also put both beside the hosted pages

Both are made from the offline build of the site (`OFFLINE=true mkdocs build --strict`, as
scripts/build_offline.py makes it), so they hold exactly what a reader sees: every page in the order of
`nav:` in mkdocs.yml, the code of every example, its real output, and the diagrams (inline SVG).

- PDF: the pages are joined into one HTML book (title page, table of contents, one chapter per page, the
  collapsed exercise answers opened) and printed by Chromium (Playwright, the system Chromium of
  scripts/chromium.py): A4, page numbers in the footer, PDF bookmarks, the Noto CJK fonts embedded.
  It is printed twice: the second time the table of contents carries the page on which each chapter
  starts, read from the first print's named destinations.
- EPUB 3: one XHTML file per page, a navigation document (nav.xhtml) nested like the site's nav, the
  package document and the OCF container; `mimetype` is the first entry of the zip and stored uncompressed.
  No fonts are embedded in the EPUB (a reading system brings its own CJK fonts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import importlib.util
import io
import posixpath
import re
import shutil
import sys
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
PDF_NAME = "lua-notes.pdf"
EPUB_NAME = "lua-notes.epub"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements (by tag and class) that belong to the web page, not to the book.
DROP_CLASSES = {"headerlink", "md-content__button", "md-source-file", "lua-run", "page-comments"}
DROP_TAGS = {"script", "button", "input", "style"}


class BookError(Exception):
    """A problem the reader of this script can act on, already phrased as one line."""


@dataclass
class Chapter:
    src: str  # the page's path inside docs/, e.g. "coroutine/index.md"
    title: str
    part: str  # the nav section it belongs to ("" for pages at the top of the nav)
    number: int = 0
    body: str = ""  # the page's article, rewritten for the book
    page: int = 0  # where it starts in the PDF

    @property
    def html_path(self) -> str:  # where the offline build wrote it
        return posixpath.splitext(self.src)[0] + ".html"

    @property
    def anchor(self) -> str:
        return f"c{self.number}"

    @property
    def xhtml(self) -> str:
        return f"c{self.number}.xhtml"


@dataclass
class Book:
    title: str
    description: str
    site_url: str
    chapters: list[Chapter] = field(default_factory=list)
    built: dt.date = field(default_factory=lambda: dt.datetime.now(dt.UTC).date())

    @property
    def parts(self) -> list[tuple[str, list[Chapter]]]:
        grouped: list[tuple[str, list[Chapter]]] = []
        for chapter in self.chapters:
            if grouped and grouped[-1][0] == chapter.part and chapter.part:
                grouped[-1][1].append(chapter)
            else:
                grouped.append((chapter.part, [chapter]))
        return grouped


# ---- reading the site ----------------------------------------------------------------------------


def _load_config() -> dict[str, Any]:
    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value]
        return values[-1] if len(values) > 1 else None

    Loader.add_constructor("!ENV", env)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def nav_chapters(nav: list[Any], part: str = "") -> list[Chapter]:
    """Every page of `nav:` in order, with its nav title (None for a section's index page) and section."""
    chapters: list[Chapter] = []
    for item in nav:
        if isinstance(item, str):
            chapters.append(Chapter(item, "", part))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    chapters += nav_chapters(value, title)
                else:
                    chapters.append(Chapter(value, title, part))
    return chapters


def _build_offline_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_offline", ROOT / "scripts" / "build_offline.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(?P<body>.*)</article>', re.S)
_H1 = re.compile(r"<h1[^>]*>(?P<title>.*?)</h1>", re.S)


def read_book(site: Path) -> Book:
    config = _load_config()
    book = Book(config["site_name"], config.get("site_description", ""), config.get("site_url") or "")
    book.chapters = nav_chapters(config["nav"])
    for number, chapter in enumerate(book.chapters, 1):
        chapter.number = number
        page = site / chapter.html_path
        if not page.is_file():
            raise BookError(f"mkdocs.yml: nav page {chapter.src} was not built to {chapter.html_path}")
        match = _ARTICLE.search(page.read_text(encoding="utf-8"))
        if not match:
            raise BookError(f"{chapter.html_path}: no <article> (has the theme changed?)")
        chapter.body = match.group("body")
        h1 = _H1.search(chapter.body)
        heading = re.sub(r"<[^>]+>", "", h1.group("title")) if h1 else ""
        chapter.title = html.unescape(heading).replace("¶", "").strip() or chapter.title or chapter.src
    by_path = {c.html_path: c for c in book.chapters}
    for chapter in book.chapters:
        chapter.body = rewrite(chapter, by_path, book.site_url)
    return book


# ---- one page's article, made part of a book -----------------------------------------------------


class _Rewriter(HTMLParser):
    """Re-serialises an article as well-formed XHTML: ids made unique in the book, links pointing into it."""

    def __init__(self, chapter: Chapter, by_path: dict[str, Chapter], site_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.chapter, self.by_path, self.site_url = chapter, by_path, site_url
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag as written, dropped?)
        self.dropping = 0
        self.svg = 0

    # Links: "epub" targets are rewritten by write_epub from the "#c3-x" form produced here.
    def _href(self, href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("mailto:"):
            return href
        if not parts.path:
            return f"#{self.chapter.anchor}-{unquote(parts.fragment)}" if parts.fragment else None
        here = posixpath.dirname(self.chapter.html_path)
        target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
        if target.endswith("/") or not posixpath.splitext(target)[1]:
            target = posixpath.join(target, "index.html")
        if target in self.by_path:
            other = self.by_path[target]
            return f"#{other.anchor}-{unquote(parts.fragment)}" if parts.fragment else f"#{other.anchor}"
        # A file of the site that is not a page (an example to download): the hosted copy.
        return self.site_url.rstrip("/") + "/" + target if self.site_url else None

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        out = []
        for name, value in attrs:
            value = "" if value is None else value
            if name == "id":
                if value.startswith(("__codelineno", "__span")):
                    continue
                value = f"{self.chapter.anchor}-{value}"
            elif name == "href" and tag == "a":
                rewritten = self._href(value)
                if rewritten is None:
                    continue
                value = rewritten
            elif name in ("name", "download", "tabindex", "title") or name.startswith("data-"):
                continue
            out.append(f' {name}="{html.escape(value, quote=True)}"')
        if tag == "details" and not any(name == "open" for name, _ in attrs):
            out.append(' open="open"')  # collapsed answers are printed open
        return "".join(out)

    def _dropped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        classes = set((dict(attrs).get("class") or "").split())
        if tag in DROP_TAGS or classes & DROP_CLASSES:
            return True
        return tag == "a" and (dict(attrs).get("id") or "").startswith("__codelineno")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=tag in VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        raw = self.get_starttag_text() or ""
        written = re.match(r"<([A-Za-z][\w:.-]*)", raw).group(1) if raw else tag  # SVG keeps its case
        drop = self.dropping > 0 or self._dropped(tag, attrs)
        if not drop:
            if self.svg or tag == "svg":
                # Hand-written SVG is XML already: keep its attributes as written (viewBox, markerWidth, ...),
                # but give the root's ids no prefix: a diagram's ids are prefixed by its own name.
                text = raw if not closed or raw.endswith("/>") else raw[:-1] + "/>"
                self.out.append(text)
            else:
                self.out.append(f"<{tag}{self._attrs(tag, attrs)}{' /' if closed else ''}>")
        if not closed:
            self.stack.append((written, drop))
            if drop:
                self.dropping += 1
            if tag == "svg":
                self.svg += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        # Close what the HTML left open (e.g. an implicit </li>) until the matching start tag.
        if not any(written.lower() == tag for written, _ in self.stack):
            return  # a stray end tag
        while self.stack:
            written, drop = self.stack.pop()
            if drop:
                self.dropping -= 1
            elif self.dropping == 0:
                self.out.append(f"</{written}>")
            if written.lower() == "svg":
                self.svg -= 1
            if written.lower() == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.dropping == 0:
            self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        while self.stack:
            self.handle_endtag(self.stack[-1][0].lower())
        return "".join(self.out)


def rewrite(chapter: Chapter, by_path: dict[str, Chapter], site_url: str) -> str:
    parser = _Rewriter(chapter, by_path, site_url)
    parser.feed(chapter.body)
    parser.close()
    return parser.result()


# ---- the book's look -----------------------------------------------------------------------------


def book_css(*, for_print: bool) -> str:
    from pygments.formatters import HtmlFormatter

    code_colours = HtmlFormatter(style="friendly").get_style_defs(".highlight")
    page_rules = (
        """
@page { size: A4; margin: 20mm 18mm 20mm 18mm; }
section.chapter { break-before: page; }
.toc { break-after: page; }
.title-page { break-after: page; height: 240mm; display: flex; flex-direction: column; justify-content: center; }
pre, figure, table, blockquote, .admonition, details { break-inside: avoid; }
h1, h2, h3 { break-after: avoid; }
"""
        if for_print
        else ""
    )
    return f"""
:root {{
  --md-default-fg-color: #1f2328; --md-default-fg-color--light: #57606a; --md-default-fg-color--lighter: #8c959f;
  --md-code-bg-color: #f6f8fa; --md-code-fg-color: #1f2328; --md-typeset-a-color: #3f51b5;
  --md-accent-fg-color--transparent: rgba(83, 109, 254, 0.1); --md-text-font-family: "Noto Sans CJK SC";
  --md-code-font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace;
}}
body {{ font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; line-height: 1.7;
  color: #1f2328; }}
h1, h2, h3, h4, .toc, figcaption, .meta {{ font-family: "Noto Sans CJK SC", sans-serif; }}
h1 {{ font-size: 20pt; margin: 0 0 0.6em; }}
h2 {{ font-size: 14pt; margin-top: 1.4em; }}
h3 {{ font-size: 12pt; }}
a {{ color: #3f51b5; text-decoration: none; }}
code, pre {{ font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: 8.8pt; }}
:not(pre) > code {{ background: #f6f8fa; padding: 0 0.2em; border-radius: 2px; }}
pre {{ background: #f6f8fa; padding: 0.6em 0.8em; white-space: pre-wrap; word-break: break-all;
  border-left: 3px solid #d0d7de; line-height: 1.45; }}
.highlight .filename {{ display: block; font: bold 8.5pt "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace;
  color: #57606a; margin-top: 0.8em; }}
.example-meta {{ font-size: 8.5pt; color: #57606a; margin-top: -0.3em; }}
blockquote {{ margin: 1em 0; padding: 0 1em; border-left: 3px solid #8c959f; color: #424a53; }}
table {{ border-collapse: collapse; font-size: 9pt; }}
th, td {{ border: 1px solid #d0d7de; padding: 0.25em 0.5em; }}
.admonition, details {{ border: 1px solid #d0d7de; border-left: 4px solid #3f51b5; padding: 0.2em 0.8em;
  margin: 1em 0; }}
.admonition-title, summary {{ font-weight: bold; font-family: "Noto Sans CJK SC", sans-serif; }}
.tabbed-set > label {{ display: none; }}
.tabbed-content > .tabbed-block {{ display: block !important; }}
figure.diagram {{ margin: 1.2em auto; text-align: center; }}
figure.diagram > svg {{ display: block; width: 100%; max-width: 15cm; height: auto; margin: 0 auto; }}
figure.diagram text {{ fill: #1f2328; font-family: "Noto Sans CJK SC", sans-serif; font-size: 14px; }}
figure.diagram text.dg-label {{ text-anchor: middle; dominant-baseline: middle; }}
figure.diagram text.dg-note {{ text-anchor: middle; font-size: 12px; fill: #57606a; }}
figure.diagram text.dg-code {{ font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: 13px; }}
figure.diagram text.dg-start {{ text-anchor: start; }}
figure.diagram .dg-box {{ fill: #f6f8fa; stroke: #57606a; stroke-width: 1.5; }}
figure.diagram .dg-hl {{ fill: rgba(83, 109, 254, 0.1); stroke: #3f51b5; stroke-width: 2; }}
figure.diagram .dg-line {{ fill: none; stroke: #57606a; stroke-width: 1.5; }}
figure.diagram .dg-accent {{ fill: none; stroke: #3f51b5; stroke-width: 2; }}
figure.diagram .dg-dashed {{ stroke-dasharray: 5 4; }}
figure.diagram .dg-arrowhead {{ fill: #57606a; }}
figcaption {{ font-size: 9pt; color: #57606a; }}
.title-page h1 {{ font-size: 30pt; }}
.title-page p {{ font-family: "Noto Sans CJK SC", sans-serif; color: #57606a; }}
.toc ol {{ list-style: none; padding-left: 0; }}
.toc ol ol {{ padding-left: 1.5em; }}
.toc li {{ margin: 0.25em 0; }}
.toc .part {{ font-weight: bold; margin-top: 0.8em; }}
.toc a {{ color: inherit; display: flex; }}
.toc a .dots {{ flex: 1; border-bottom: 1px dotted #8c959f; margin: 0 0.4em 0.35em; }}
{page_rules}
{code_colours}
"""


def _toc_entry(chapter: Chapter, href: str, with_pages: bool) -> str:
    title = html.escape(chapter.title)
    if with_pages:
        page = str(chapter.page) if chapter.page else ""
        return f'<a href="{href}"><span>{title}</span><span class="dots"></span><span>{page}</span></a>'
    return f'<a href="{href}">{title}</a>'


def toc_html(book: Book, *, href: Any, with_pages: bool) -> str:
    items = []
    for part, chapters in book.parts:
        if part:
            inner = "".join(f"<li>{_toc_entry(c, href(c), with_pages)}</li>" for c in chapters)
            items.append(f'<li><div class="part">{html.escape(part)}</div><ol>{inner}</ol></li>')
        else:
            items += [f"<li>{_toc_entry(c, href(c), with_pages)}</li>" for c in chapters]
    return "<ol>" + "".join(items) + "</ol>"


def book_html(book: Book) -> str:
    chapters = "\n".join(f'<section class="chapter" id="{c.anchor}">\n{c.body}\n</section>' for c in book.chapters)
    toc = toc_html(book, href=lambda c: f"#{c.anchor}", with_pages=True)
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(book.title)}</title>
<style>{book_css(for_print=True)}</style></head>
<body>
<section class="title-page"><h1>{html.escape(book.title)}</h1><p>{html.escape(book.description)}</p>
<p>{book.built.isoformat()} 构建 · 在线版：{html.escape(book.site_url)}</p></section>
<nav class="toc"><h1>目录</h1>{toc}</nav>
{chapters}
</body></html>
"""


# ---- PDF -----------------------------------------------------------------------------------------

FOOTER = """<div style="width: 100%; font-size: 8pt; color: #57606a; text-align: center;
  font-family: 'Noto Sans CJK SC', sans-serif;">{title} · 第 <span class="pageNumber"></span> 页，共
  <span class="totalPages"></span> 页</div>"""


def _print(page: Any, book: Book, work: Path, *, final: bool = True) -> bytes:
    source = work / "book.html"
    source.write_text(book_html(book), encoding="utf-8")
    page.goto(source.as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready")
    return page.pdf(
        format="A4",
        print_background=True,
        display_header_footer=True,
        header_template="<div></div>",
        footer_template=FOOTER.format(title=html.escape(book.title)),
        margin={"top": "18mm", "bottom": "20mm", "left": "18mm", "right": "18mm"},
        # Tagged, which is also what makes Chromium write the bookmarks (outline) from the headings. The
        # first printing only measures where chapters start: the same layout, untagged, in half the time.
        outline=final,
        tagged=final,
    )


def chapter_pages(pdf: bytes, book: Book) -> dict[str, int]:
    """The 1-based page on which each chapter's anchor lands, from the PDF's named destinations."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    wanted = {c.anchor for c in book.chapters}
    pages: dict[str, int] = {}
    for name, destination in reader.named_destinations.items():
        if name.lstrip("/") in wanted:
            pages[name.lstrip("/")] = reader.get_destination_page_number(destination) + 1
    return pages


CJK_FONTS = [
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
]
_UNIFIED = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2FFFF), (0xF900, 0xFAFF))


def radical_equivalents() -> dict[int, int]:
    """Radical code points (U+2E80–U+2FDF) -> the unified ideograph the Noto CJK SC fonts draw with the same glyph.

    Chromium writes each glyph's Unicode value into the PDF's ToUnicode maps from the font's cmap, and when a
    glyph is shared it picks the lowest code point: 页 becomes ⻚ (U+2EDA) and 目 becomes ⽬ (U+2F6C), so
    copied or searched text would not match. The fonts themselves say which ideograph a radical stands for.
    """
    from fontTools.ttLib.ttCollection import TTCollection

    equivalents: dict[int, int] = {}
    for path in CJK_FONTS:
        if not path.is_file():
            continue
        for font in TTCollection(str(path), lazy=True).fonts:
            if not font["name"].getDebugName(1).endswith(" SC"):
                continue
            cmap = font.getBestCmap()
            unified: dict[str, int] = {}
            for low, high in _UNIFIED:  # prefer the basic block, then extension A, B..., then compatibility
                for cp in range(low, high + 1):
                    if cp in cmap:
                        unified.setdefault(cmap[cp], cp)
            for cp, glyph in cmap.items():
                if 0x2E80 <= cp <= 0x2FDF and glyph in unified:
                    equivalents.setdefault(cp, unified[glyph])
    return equivalents


_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>|\[([^\]]*)\]")


def _utf16(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be", errors="replace")


def _to_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def parse_to_unicode(cmap: bytes) -> tuple[int, dict[int, str]]:
    """A ToUnicode CMap as (code width in bytes, code -> text)."""
    mapping: dict[int, str] = {}
    width = 1
    for block in _BFCHAR.findall(cmap):
        tokens = re.findall(rb"<([0-9A-Fa-f]*)>", block)
        for src, dst in zip(tokens[::2], tokens[1::2], strict=False):
            width = max(width, len(src) // 2)
            mapping[int(src, 16)] = _utf16(dst)
    for block in _BFRANGE.findall(cmap):
        tokens = list(_HEX.finditer(block))
        for low, high, dst in zip(tokens[::3], tokens[1::3], tokens[2::3], strict=False):
            codes = range(int(low.group(1), 16), int(high.group(1), 16) + 1)
            width = max(width, len(low.group(1)) // 2)
            if dst.group(1) is not None:  # <low> <high> <first>: consecutive values
                first = _utf16(dst.group(1))
                for offset, code in enumerate(codes):
                    mapping[code] = first[:-1] + chr(ord(first[-1]) + offset)
            else:  # <low> <high> [<v1> <v2> ...]
                values = re.findall(rb"<([0-9A-Fa-f]*)>", dst.group(2))
                for code, value in zip(codes, values, strict=False):
                    mapping[code] = _utf16(value)
    return width, mapping


def write_to_unicode(width: int, mapping: dict[int, str]) -> bytes:
    entries = [f"<{code:0{width * 2}X}> <{_to_hex(text)}>" for code, text in sorted(mapping.items())]
    chunks = [entries[i : i + 100] for i in range(0, len(entries), 100)]
    body = "".join(f"{len(c)} beginbfchar\n" + "\n".join(c) + "\nendbfchar\n" for c in chunks)
    low, high = "0" * (width * 2), "F" * (width * 2)
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        f"1 begincodespacerange\n<{low}> <{high}>\nendcodespacerange\n{body}"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode()


def fix_text_layer(pdf: bytes) -> bytes:
    """Rewrite the ToUnicode maps so that radicals Chromium chose read as the ideographs on the page."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    equivalents = radical_equivalents()
    if not equivalents:
        return pdf
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    done: set[int] = set()
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            stream_ref = font.get(NameObject("/ToUnicode"))
            if stream_ref is None or id(stream_ref.get_object()) in done:
                continue
            stream = stream_ref.get_object()
            done.add(id(stream))
            width, mapping = parse_to_unicode(stream.get_data())
            fixed = {
                code: "".join(chr(equivalents.get(ord(ch), ord(ch))) for ch in text) for code, text in mapping.items()
            }
            if fixed != mapping:
                stream.set_data(write_to_unicode(width, fixed))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_pdf(book: Book, output: Path, work: Path) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from chromium import CHROMIUM_ARGS, chromium_path
    from playwright.sync_api import sync_playwright

    if not Path(chromium_path()).is_file():
        raise BookError(f"no Chromium at {chromium_path()}: install the Debian package `chromium` or set CHROMIUM_PATH")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            # Offline: the book loads nothing but itself.
            page.route(
                "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
            )
            starts = chapter_pages(_print(page, book, work, final=False), book)  # parse the first printing once
            for chapter in book.chapters:
                chapter.page = starts.get(chapter.anchor, 0)
            pdf = _print(page, book, work)  # the same pages, now with numbers in the table of contents
        finally:
            browser.close()
    pdf = fix_text_layer(pdf)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf)
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


# ---- EPUB ----------------------------------------------------------------------------------------


def _epub_links(body: str, book: Book) -> str:
    """'#c3-x' -> 'c3.xhtml#c3-x' (chapters are separate files in the EPUB)."""

    def file_of(match: re.Match[str]) -> str:
        anchor, rest = match.group(1), match.group(2) or ""
        return f'href="c{anchor}.xhtml#c{anchor}{rest}"'

    return re.sub(r'href="#c(\d+)(-[^"]*)?"', file_of, body)


def _xhtml(title: str, body: str, *, epub_type: str = "") -> str:
    nav_ns = ' xmlns:epub="http://www.idpf.org/2007/ops"'
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"{nav_ns} xml:lang="zh-CN" lang="zh-CN">
<head><meta charset="utf-8" /><title>{html.escape(title)}</title>
<link rel="stylesheet" type="text/css" href="book.css" /></head>
<body{f' epub:type="{epub_type}"' if epub_type else ""}>
{body}
</body></html>
"""


def write_epub(book: Book, output: Path) -> None:
    identifier = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, book.site_url or book.title)}"
    modified = dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    files: dict[str, str] = {"book.css": book_css(for_print=False)}
    manifest = ['<item id="css" href="book.css" media-type="text/css"/>']
    spine = []
    for chapter in book.chapters:
        body = f'<section id="{chapter.anchor}" epub:type="chapter">\n{_epub_links(chapter.body, book)}\n</section>'
        files[chapter.xhtml] = _xhtml(chapter.title, body)
        svg = ' properties="svg"' if "<svg" in chapter.body else ""
        manifest.append(f'<item id="{chapter.anchor}" href="{chapter.xhtml}" media-type="application/xhtml+xml"{svg}/>')
        spine.append(f'<itemref idref="{chapter.anchor}"/>')
    toc = toc_html(book, href=lambda c: f"{c.xhtml}#{c.anchor}", with_pages=False)
    nav_body = f'<nav epub:type="toc" id="toc"><h1>目录</h1>{toc}</nav>'
    files["nav.xhtml"] = _xhtml("目录", nav_body)
    manifest.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
    files["content.opf"] = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="zh-CN">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">{identifier}</dc:identifier>
    <dc:title>{html.escape(book.title)}</dc:title>
    <dc:language>zh-CN</dc:language>
    <dc:description>{html.escape(book.description)}</dc:description>
    <dc:source>{html.escape(book.site_url)}</dc:source>
    <meta property="dcterms:modified">{modified}</meta>
  </metadata>
  <manifest>
    {chr(10).join("    " + m for m in manifest).strip()}
  </manifest>
  <spine>
    {chr(10).join("    " + s for s in spine).strip()}
  </spine>
</package>
"""
    container = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_suffix(".epub.part")
    with zipfile.ZipFile(partial, "w") as archive:
        # OCF: "mimetype" first, stored (not compressed), no extra field.
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", container, compress_type=zipfile.ZIP_DEFLATED)
        for name, text in files.items():
            archive.writestr(f"OEBPS/{name}", text, compress_type=zipfile.ZIP_DEFLATED)
    partial.replace(output)


# ---- command -------------------------------------------------------------------------------------


def build_books(pdf: Path, epub: Path, *, strict: bool = True, site: Path | None = None) -> tuple[Book, int]:
    """Build both books; `site` may name an offline edition already built (e.g. the unpacked offline zip)."""
    offline = _build_offline_module()
    with tempfile.TemporaryDirectory(prefix="lua-notes-books-") as tmp:
        if site is None:
            site = Path(tmp) / "site"
            try:
                offline.build_site(site, strict=strict)
            except offline.OfflineBuildError as error:
                raise BookError(str(error)) from None
        elif not (site / "search" / "search_index.js").is_file():
            raise BookError(f"{site}: not an offline build (OFFLINE=true mkdocs build, or the unpacked offline zip)")
        book = read_book(site)
        write_epub(book, epub)
        pages = write_pdf(book, pdf, Path(tmp))
    return book, pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", type=Path, default=DIST / PDF_NAME, help="PDF to write (default: %(default)s)")
    parser.add_argument("--epub", type=Path, default=DIST / EPUB_NAME, help="EPUB to write (default: %(default)s)")
    parser.add_argument("--no-strict", action="store_true", help="do not fail on mkdocs warnings")
    parser.add_argument("--copy-into", type=Path, help="also copy both into this (hosted) site directory")
    parser.add_argument("--site", type=Path, help="use this offline build instead of building one")
    args = parser.parse_args(argv)
    if args.copy_into and not args.copy_into.is_dir():
        print(f"error: {args.copy_into}: not a directory (build the hosted site first)", file=sys.stderr)
        return 1
    try:
        book, pages = build_books(args.pdf.resolve(), args.epub.resolve(), strict=not args.no_strict, site=args.site)
    except BookError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.copy_into:
        shutil.copy2(args.pdf, args.copy_into / PDF_NAME)
        shutil.copy2(args.epub, args.copy_into / EPUB_NAME)
    for path, what in ((args.pdf, f"{pages} pages"), (args.epub, f"{len(book.chapters)} chapters")):
        shown = path.resolve().relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path
        print(f"{shown} ({what}, {path.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
