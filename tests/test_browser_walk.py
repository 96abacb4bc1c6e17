"""A reader's walk through the site by its 下一页 links, in both editions, and what every page must do there.

The offline zip is read from file://, the hosted build over HTTP on 127.0.0.1. Opening a page is most of
what a browser test costs, so the checks that need a page open are made on the walk, on every page:
- it shows a heading; nothing left the edition (offline: not one request outside file://; hosted: only
  GitHub's API for the repository facts); no page logged an error;
- every Lua example with a 运行 button runs in the page to its exact NAME.out, and the VM is fetched only
  by the first press (tests/page_checks.py);
- hosted: axe-core finds no serious or critical violation in the light scheme, nor in the colour rules once
  the system turns dark (tests/page_checks.py says why that is every check both schemes need).

The walk is cut at the nav's sections into legs, one test each, so the workers share them: a leg opens
its first page, follows 下一页 through its pages, and its last page's 下一页 must lead to the next leg's
first page (the last page has none). With every leg passing and the legs holding every built page,
下一页 from the home page visits every page of the site, in nav order, once.
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import Edition, Leg, assert_stayed_home, goto, nav_legs, page_path
from page_checks import axe_problems, eligible_examples, examples_by_page, run_problems

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="PyPI package `playwright`")

LEGS = nav_legs()


def test_legs_hold_every_built_page_once(edition: Edition) -> None:
    walked = [page_path(edition, src) for leg in LEGS for src in leg.pages]
    assert len(walked) == len(set(walked)), "a page is twice in the nav"
    on_disk = sorted(h.relative_to(edition.root).as_posix() for h in edition.page_files())
    assert len(on_disk) >= 2, f"{edition.root}: the built site has no pages"
    assert sorted(walked) == on_disk, "the nav should hold every built page"


def test_every_example_is_on_a_walked_page() -> None:
    walked = {src for leg in LEGS for src in leg.pages}
    shown = {example for src, examples in examples_by_page().items() if src in walked for example in examples}
    assert len(shown) >= 20, "too few browser-runnable examples found: is the discovery broken?"
    assert set(eligible_examples()) == shown, "an eligible example is not shown on any page of the nav"


@pytest.mark.parametrize("leg", LEGS, ids=[leg.name for leg in LEGS])
def test_walk_by_next_links(edition: Edition, open_reader: Any, leg: Leg) -> None:
    reader = open_reader(edition, color_scheme="light")
    requested: list[str] = []
    reader.context.on("request", lambda request: requested.append(request.url))
    page = reader.new_page()
    goto(page, edition.url_of(edition.root / page_path(edition, leg.pages[0])))
    problems: list[str] = []
    for number, src in enumerate(leg.pages):
        shown = edition.page_of(page.url)
        assert shown == page_path(edition, src), f"下一页 led to {shown}, the nav has {src} there"
        heading = page.locator("article.md-content__inner h1").first
        assert heading.inner_text().strip(), f"{page.url}: no visible heading"
        problems += run_problems(page, src, requested)
        if not edition.offline:
            problems += axe_problems(page, with_code=False)
        next_link = page.locator("a.md-footer__link--next")
        if number < len(leg.pages) - 1:
            requested.clear()
            with page.expect_navigation(wait_until="load"):
                next_link.click()
            continue
        # The leg's last page: its 下一页 leads on to the next leg (not followed: that leg walks it).
        after = LEGS.index(leg) + 1
        if after == len(LEGS):
            assert next_link.count() == 0, f"{page.url}: the last page has a 下一页 link"
        else:
            href = next_link.evaluate("a => a.href")
            assert edition.page_of(href) == page_path(edition, LEGS[after].pages[0]), f"{page.url}: 下一页 is {href}"
    assert problems == [], "\n".join(problems)
    assert_stayed_home(reader)
