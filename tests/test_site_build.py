"""The site builds strictly, every page is in the nav, and Chinese search works at build time."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from conftest import DOCS, ROOT


def _nav_pages(nav: list) -> set[str]:
    pages: set[str] = set()
    for item in nav:
        if isinstance(item, str):
            pages.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                pages |= _nav_pages(value) if isinstance(value, list) else {value}
    return pages


def _load_config() -> dict:
    # mkdocs.yml uses !ENV and !relative tags; a permissive loader is enough to read the nav.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def test_strict_build_writes_every_page(built_site: Path) -> None:
    for md in DOCS.rglob("*.md"):
        rel = md.relative_to(DOCS).with_suffix("")
        html = built_site / (rel.parent if rel.name == "index" else rel) / "index.html"
        assert html.is_file(), f"{md} was not rendered to {html}"


def test_every_page_is_in_the_nav() -> None:
    in_nav = _nav_pages(_load_config()["nav"])
    on_disk = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert on_disk - in_nav == set(), "pages missing from nav in mkdocs.yml"
    assert in_nav - on_disk == set(), "nav entries without a page"


def test_no_bare_url_as_link_text() -> None:
    md = MarkdownIt("commonmark")
    offenders = []
    for page in DOCS.rglob("*.md"):
        tokens = md.parse(page.read_text(encoding="utf-8"))
        for block in tokens:
            children = block.children or []
            for i, token in enumerate(children):
                if token.type != "link_open" or i + 2 >= len(children):
                    continue
                text, close = children[i + 1], children[i + 2]
                if close.type == "link_close" and re.match(r"^\s*(https?://|www\.)", text.content):
                    offenders.append(f"{page.relative_to(ROOT)}: [{text.content}]")
    assert offenders == [], "give these links a real title instead of the address"


def test_search_index_has_segmented_chinese(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    # jieba joins the words of a Chinese run with U+200B; a mid-sentence word becomes its own token.
    assert "\u200b" in text, "search index is not segmented: is jieba installed?"
    tokens = set(re.split(r"[\s\u200b\u3000\-、。，．？！；]+", text))
    for word in ("轻量级", "协程", "调度"):
        assert word in tokens, f"{word!r} is not a search token"
    # The site's glossary (overrides/jieba-user-dict.txt) keeps its terms whole: every
    # occurrence of 元表 in the text is one token, never 元 + 表.
    for term in ("元表", "元方法", "闭包"):
        assert text.count(term) == sum(1 for t in re.split(r"[\s\u200b]+", text) if term in t and len(t) == len(term))
    assert index["config"]["lang"] == ["zh"]


def test_quote_source_line_is_styled(built_site: Path) -> None:
    css = (built_site / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert "blockquote > p:last-child" in css
