"""Diagrams on a phone and in both colour schemes: every figure.diagram fits 375 px and its text is readable.

The SVGs are inlined and coloured only by the theme (docs/stylesheets/extra.css), so the check is made
on the rendered page: the SVG's box lies inside the viewport, the page does not scroll sideways, and
each <text> has a contrast of at least 4.5:1 (WCAG AA) against what it is drawn on: the last shape
before it in the SVG whose box holds the text's centre (composited over the page), else the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import Edition, goto
from lua_notes_markdown import find_markers

from conftest import DOCS

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="PyPI package `playwright`")

PHONE = {"width": 375, "height": 812}

# For every <text> of every diagram: its fill and the colours beneath it, as [r, g, b, a] lists.
MEASURE = """() => {
  const rgba = (css) => {
    const m = css.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const pageBackground = () => {
    for (let el = document.querySelector("figure.diagram"); el; el = el.parentElement) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c && c[3] > 0) return c;
    }
    return rgba(getComputedStyle(document.body).backgroundColor) || [255, 255, 255, 1];
  };
  const page = pageBackground();
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("figure.diagram > svg")].map((svg) => {
    const box = svg.getBoundingClientRect();
    const shapes = [...svg.querySelectorAll("rect, circle, ellipse, polygon, path")];
    const texts = [...svg.querySelectorAll("text")].map((text) => {
      const t = text.getBBox();
      const cx = t.x + t.width / 2, cy = t.y + t.height / 2;
      const under = [page];
      for (const shape of shapes) {
        if (!(shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
        const fill = rgba(getComputedStyle(shape).fill);
        if (!fill || fill[3] === 0) continue;
        const s = shape.getBBox();
        if (cx >= s.x && cx <= s.x + s.width && cy >= s.y && cy <= s.y + s.height) under.push(fill);
      }
      const style = getComputedStyle(text);
      const fill = rgba(style.fill);
      if (fill) fill[3] *= Number(style.fillOpacity) * Number(style.opacity);
      return { text: text.textContent.trim(), fill, under };
    });
    return {
      title: (svg.querySelector("title") || {}).textContent,
      left: box.left, right: box.right, width, texts,
    };
  });
}"""


def _luminance(rgb: list[float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _over(top: list[float], bottom: list[float]) -> list[float]:
    a = top[3]
    return [top[i] * a + bottom[i] * (1 - a) for i in range(3)] + [1]


def contrast(fill: list[float], layers: list[list[float]]) -> float:
    background = layers[0]
    for layer in layers[1:]:
        background = _over(layer, background)
    text = _over(fill, background)
    lighter, darker = sorted((_luminance(text), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def pages_with_diagrams() -> list[Path]:
    return [
        page
        for page in sorted(DOCS.rglob("*.md"))
        if any(kind == "diagram" for kind, _ in find_markers(page.read_text(encoding="utf-8")))
    ]


def _url(edition: Edition, page: Path) -> str:
    rel = page.relative_to(DOCS).with_suffix("").as_posix()
    return edition.base_url + ("" if rel == "index" else rel.removesuffix("/index") + "/")


def test_contrast_of_known_colours() -> None:
    assert round(contrast([0, 0, 0, 1], [[255, 255, 255, 1]]), 1) == 21.0
    assert contrast([119, 119, 119, 1], [[255, 255, 255, 1]]) < 4.5  # #777 on white fails AA


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_fit_a_phone_and_their_text_is_readable(
    hosted_edition: Edition, open_reader: Any, scheme: str
) -> None:
    pages = pages_with_diagrams()
    assert pages, "no page shows a diagram"
    reader = open_reader(hosted_edition, viewport=PHONE, color_scheme=scheme, is_mobile=True, has_touch=True)
    problems: list[str] = []
    figures = 0
    for md in pages:
        page = reader.new_page()
        goto(page, _url(hosted_edition, md))
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        scroll = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll[0] > scroll[1]:
            problems.append(f"{md.relative_to(DOCS)}: the page scrolls sideways ({scroll[0]} > {scroll[1]} px)")
        for svg in page.evaluate(MEASURE):
            figures += 1
            name = f"{md.relative_to(DOCS)} «{svg['title']}»"
            if svg["left"] < -0.5 or svg["right"] > svg["width"] + 0.5:
                problems.append(f"{name}: spans {svg['left']:.0f}–{svg['right']:.0f} px of {svg['width']} px")
            for text in svg["texts"]:
                ratio = contrast(text["fill"], text["under"])
                if ratio < 4.5:
                    problems.append(f"{name}: text {text['text']!r} has contrast {ratio:.2f} in {scheme}")
        page.close()
    assert figures >= len(pages)
    assert problems == []
    assert reader.errors == []
