"""On a 375 px wide phone no page scrolls sideways: wide code blocks and tables scroll inside themselves."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import Edition, goto

pytestmark = pytest.mark.browser

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


def test_no_page_scrolls_sideways_on_a_phone(hosted_edition: Edition, open_reader: Any) -> None:
    reader = open_reader(hosted_edition, **PHONE)
    page = reader.new_page()
    problems = []
    for html in hosted_edition.page_files():
        goto(page, hosted_edition.url_of(html))
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width[0] > width[1]:
            problems.append(f"{page.url}: the page is {width[0]} px wide on a {width[1]} px screen")
        problems += [f"{page.url}: sticks out: {what}" for what in page.evaluate(_STICKING_OUT)]
        problems += [f"{page.url}: does not scroll inside itself: {what}" for what in page.evaluate(_NOT_SCROLLING)]
    assert problems == [], "\n".join(problems)
