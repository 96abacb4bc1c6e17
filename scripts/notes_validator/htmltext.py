"""Turn a fetched HTML page into readable text and its set of anchors, decoding the charset right."""

from __future__ import annotations

import codecs
import re

import charset_normalizer
from selectolax.lexbor import LexborHTMLParser

HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([-\w.:]+)", re.IGNORECASE)
META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([-\w.:]+)", re.IGNORECASE)
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Labels browsers treat as supersets (WHATWG Encoding): decoding with the superset never loses text.
SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "euc-kr": "cp949",
}
DROP = "script, style, noscript, template, head, svg, iframe, object"
BLOCKS = (
    "address, article, aside, blockquote, br, dd, details, div, dl, dt, fieldset, figcaption, figure, footer, "
    "form, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, summary, table, td, th, tr, "
    "ul, caption, option, title"
)


def _usable(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def detect_charset(body: bytes, content_type: str = "") -> str:
    """BOM, then the HTTP header, then <meta charset>/http-equiv, then UTF-8 if valid, then detection."""
    for bom, name in BOMS:
        if body.startswith(bom):
            return name
    match = HEADER_CHARSET.search(content_type or "")
    if match and (name := _usable(match.group(1))):
        return name
    match = META_CHARSET.search(body[:4096])
    if match and (name := _usable(match.group(1).decode("ascii", "ignore"))):
        return name
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    return _usable(best.encoding if best else None) or "utf-8"


def decode(body: bytes, content_type: str = "") -> str:
    charset = detect_charset(body, content_type)
    text = body.decode(charset, errors="replace")
    return text.lstrip("\ufeff")


def is_html(body: bytes, content_type: str) -> bool:
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype:
        return ctype in ("text/html", "application/xhtml+xml")
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


class HtmlPage:
    """One parsed page: its anchors and its readable text."""

    def __init__(self, html: str) -> None:
        self.tree = LexborHTMLParser(html)

    def anchors(self) -> set[str]:
        found: set[str] = set()
        for node in self.tree.css("[id]"):
            value = node.attributes.get("id")
            if value:
                found.add(value)
        for node in self.tree.css("a[name]"):
            value = node.attributes.get("name")
            if value:
                found.add(value)
        return found

    def text(self) -> str:
        """Readable text: no script/style; inline tags vanish, block boundaries become line breaks."""
        for node in self.tree.css(DROP):
            node.decompose()
        for node in self.tree.css(BLOCKS):
            node.insert_before("\n")
            node.insert_after("\n")
        root = self.tree.body or self.tree.root
        return root.text(deep=True, separator="") if root is not None else ""
