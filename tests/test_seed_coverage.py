"""Everything in the user's original notes (tests/data/seed-notes.txt) is on the site.

A seed link counts when its address appears in the Markdown (as a link, or written out as
the 原链接 of a replacement); http/https, a trailing slash and the fragment don't matter.
A seed quote counts when its words appear after escapes, entities, emphasis and quote
markers are dropped and whitespace is collapsed.
"""

from __future__ import annotations

import html
import re

import pytest

from conftest import DOCS, ROOT

SEED = (ROOT / "tests" / "data" / "seed-notes.txt").read_text(encoding="utf-8")
SITE = "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md")))


def url_key(url: str) -> str:
    url = html.unescape(url).split("#")[0]
    return re.sub(r"^https?://", "", url).rstrip("/").lower()


def text_key(text: str) -> str:
    text = html.unescape(text)
    text = re.sub(r"(?m)^\s*>\s?", "", text)
    text = re.sub(r"\\([\\()\[\]*_`#>-])", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def seed_urls() -> list[str]:
    return sorted({url_key(u) for u in re.findall(r"https?://[^\s)<>\]]+", SEED)})


def seed_quotes() -> list[str]:
    quotes = []
    for block in re.findall(r"(?m)(?:^>.*\n?)+", SEED):
        quotes += [p for p in re.split(r"\n>\s*\n", block) if p.strip(" >\n")]
    # The note kept in a ``` block of the seed is a quote too.
    quotes += re.findall(r"```\n(The important thing[^`]*)```", SEED)
    return quotes


def test_seed_counts() -> None:
    assert len(seed_urls()) == 25
    assert len(seed_quotes()) == 7


@pytest.mark.parametrize("url", seed_urls())
def test_seed_link_is_on_the_site(url: str) -> None:
    site_urls = {url_key(u) for u in re.findall(r"https?://[^\s)<>\]\"']+", SITE)}
    assert url in site_urls


@pytest.mark.parametrize("quote", seed_quotes(), ids=lambda q: text_key(q)[:40])
def test_seed_quote_is_on_the_site(quote: str) -> None:
    assert text_key(quote) in text_key(SITE)
