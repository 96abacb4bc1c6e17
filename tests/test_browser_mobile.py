"""On a 375 px wide phone: no page scrolls sideways, and every diagram fits and reads in both schemes.

Wide code blocks and tables scroll inside themselves. Diagrams (inline SVG coloured by the theme) lie
inside the viewport and each <text> has a contrast of at least 4.5:1 against what it is drawn on, in the
light scheme and after the system turns dark (tests/page_checks.py). Every page of the nav is opened once
on the phone, one test per leg of the nav so the workers share them.
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import Edition, Leg, goto, nav_legs, page_path
from page_checks import contrast, diagram_problems, diagrams_on, wait_for_scheme

pytestmark = pytest.mark.browser
LEGS = nav_legs()

PHONE = {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}

# Elements in the article whose right edge passes the viewport without a scrolling (or clipping)
# ancestor that stays inside it: these are what would make a reader scroll the whole page sideways.
_STICKING_OUT = """() => {
  const limit = document.documentElement.clientWidth + 1;
  const contained = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible" && a.getBoundingClientRect().right <= limit) return true;
    }
    return false;
  };
  return [...document.querySelectorAll(".md-content *")]
    .filter(el => el.getBoundingClientRect().right > limit && !contained(el))
    .slice(0, 5)
    .map(el => `<${el.tagName.toLowerCase()} class="${el.className}"> ${(el.textContent || "").trim().slice(0, 60)}`);
}"""

# Code blocks and tables that are wider than their box must scroll inside it.
_NOT_SCROLLING = """() => {
  const scrolls = el => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const bad = [];
  for (const code of document.querySelectorAll(".md-typeset pre > code")) {
    if (!scrolls(code)) bad.push("code block: " + code.textContent.trim().slice(0, 40));
  }
  for (const table of document.querySelectorAll(".md-typeset table:not([class])")) {
    const wrap = table.closest(".md-typeset__scrollwrap");
    if (!wrap || !scrolls(wrap)) bad.push("table: " + table.textContent.trim().slice(0, 40));
  }
  return bad;
}"""


def test_contrast_of_known_colours() -> None:
    assert round(contrast([0, 0, 0, 1], [[255, 255, 255, 1]]), 1) == 21.0
    assert contrast([119, 119, 119, 1], [[255, 255, 255, 1]]) < 4.5  # #777 on white fails AA


def test_the_site_shows_diagrams() -> None:
    assert sum(diagrams_on(src) for leg in LEGS for src in leg.pages) >= 10, "the site shows too few diagrams"


@pytest.mark.parametrize("leg", LEGS, ids=[leg.name for leg in LEGS])
def test_pages_and_diagrams_fit_a_phone(hosted_edition: Edition, open_reader: Any, leg: Leg) -> None:
    reader = open_reader(hosted_edition, color_scheme="light", **PHONE)
    page = reader.new_page()
    problems = []
    for src in leg.pages:
        goto(page, hosted_edition.url_of(hosted_edition.root / page_path(hosted_edition, src)))
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width[0] > width[1]:
            problems.append(f"{page.url}: the page is {width[0]} px wide on a {width[1]} px screen")
        problems += [f"{page.url}: sticks out: {what}" for what in page.evaluate(_STICKING_OUT)]
        problems += [f"{page.url}: does not scroll inside itself: {what}" for what in page.evaluate(_NOT_SCROLLING)]
        expected = diagrams_on(src)
        if not expected:
            continue
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            wait_for_scheme(page, "slate" if scheme == "dark" else "default")
            figures, found = diagram_problems(page, src, scheme)
            problems += found
            if figures != expected:
                problems.append(f"{src}: {figures} diagrams on the page in {scheme}, {expected} in its Markdown")
        page.emulate_media(color_scheme="light")
    assert problems == [], "\n".join(problems)
    assert reader.errors == []
