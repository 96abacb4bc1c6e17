"""Reading the site in Chromium, in both editions: the offline zip from file:// and the hosted build over HTTP.

The offline edition must not send a single request outside file://; every request that tries is
aborted and recorded, and each test checks the record. The hosted edition may ask GitHub's API for
the repository's star count (Material's repo facts), and nothing else outside 127.0.0.1.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from browser_support import Edition, assert_stayed_home, goto, text_tokens

pytestmark = pytest.mark.browser
PlaywrightTimeout = pytest.importorskip("playwright.sync_api", reason="PyPI package `playwright`").TimeoutError


def home_url(edition: Edition) -> str:
    return edition.base_url + ("index.html" if edition.offline else "")


def test_sidebar_links_open_their_pages(edition: Edition, open_reader: Any) -> None:
    """The sidebar links every built page, and its links open the pages they name when clicked.

    The 下一页 walk (tests/test_browser_walk.py) already loads every page, so here every sidebar link's
    target is checked against the pages on disk, and a reader's clicks are made on a spread of them: the
    first, the last and one in every five, each from the page the previous click opened.
    """
    reader = open_reader(edition)
    page = reader.new_page()
    goto(page, home_url(edition))
    targets = list(
        dict.fromkeys(
            page.evaluate(
                """() => [...document.querySelectorAll("nav.md-nav--primary a.md-nav__link[href]")]
                      .filter(a => a.offsetParent !== null && !a.getAttribute("href").startsWith("#"))
                      .map(a => a.href)"""
            )
        )
    )
    assert len(targets) >= 5, "the sidebar shows too few links"
    on_disk = {h.relative_to(edition.root).as_posix() for h in edition.page_files()}
    linked = {edition.page_of(t) for t in targets}
    assert linked <= on_disk, f"sidebar links to pages that were not built: {sorted(linked - on_disk)}"
    assert on_disk - linked <= {"index.html"}, f"pages the sidebar does not link: {sorted(on_disk - linked)}"
    for target in [t for i, t in enumerate(targets) if i % 5 == 0 or i == len(targets) - 1]:
        # Links are relative, so find the one pointing at target on whatever page we are on now.
        found = page.evaluate(
            """t => { const a = [...document.querySelectorAll("nav.md-nav--primary a.md-nav__link[href]")]
                          .find(a => a.href === t && a.offsetParent !== null);
                      if (a) a.setAttribute("data-test-next", ""); return !!a; }""",
            target,
        )
        assert found, f"{page.url}: the sidebar has no visible link to {target}"
        with page.expect_navigation(wait_until="load"):
            page.locator("[data-test-next]").click()
        assert edition.page_of(page.url) == edition.page_of(target), f"the link to {target} opened {page.url}"
        assert page.locator("article.md-content__inner h1").first.inner_text().strip()
    assert_stayed_home(reader)


def _pages_with_word(edition: Edition, word: str) -> set[str]:
    """Pages whose search-index text holds a token starting with word (what lunr's prefix query matches)."""
    index = json.loads((edition.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    wanted = word.lower()
    pages = set()
    for doc in index["docs"]:
        tokens = text_tokens(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))
        if any(t.startswith(wanted) for t in tokens):
            pages.add(edition.page_of(edition.base_url + doc["location"]))
    return pages


def search(page: Any, query: str) -> list[str]:
    """Type a query like a reader and return the result links, best first."""
    box = page.locator("input.md-search__input")
    try:
        box.click(timeout=10_000)
    except PlaywrightTimeout:
        # Material hides the search box when its search worker cannot start (e.g. no iframe-worker shim).
        raise AssertionError(f"{page.url}: the search box never became usable") from None
    box.fill(query)
    # Material reacts to keyboard events; fill() alone may not start a search for CJK text.
    box.press("End")
    results = page.locator("li.md-search-result__item > a.md-search-result__link")
    try:
        results.first.wait_for(state="attached", timeout=10_000)
    except PlaywrightTimeout:
        meta = page.locator(".md-search-result__meta").inner_text()
        raise AssertionError(f"searching {query!r} showed no results; the search box says {meta!r}") from None
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


@pytest.mark.parametrize("word", ["轻量级", "OpenResty"])
def test_search_finds_the_right_pages(edition: Edition, open_reader: Any, word: str) -> None:
    expected = _pages_with_word(edition, word)
    assert expected, f"no page of the site uses the word {word!r}; the search test needs one"
    reader = open_reader(edition)
    page = reader.new_page()
    goto(page, home_url(edition))
    hrefs = search(page, word)
    found = {edition.page_of(page.evaluate("h => new URL(h, location.href).href", h)) for h in hrefs}
    assert found, f"searching {word!r} showed no results"
    # Material renders the first ten pages and loads more on scroll.
    assert expected <= found if len(expected) <= 10 else len(found) >= 10, f"missed: {sorted(expected - found)}"
    if re.fullmatch(r"[A-Za-z0-9_]+", word):
        assert found <= expected, f"searching {word!r} showed pages without it: {sorted(found - expected)}"
    else:
        # Material 9.8 cuts a Han query into pieces found in the index, and (its loop stops one character
        # short) never keeps the whole query as one piece: 轻量级 is searched as 轻量* 级*. A page that
        # shares the first piece (更轻量) is a fair hit; anything else is not.
        related = _pages_with_word(edition, word[:2])
        assert found <= related, f"searching {word!r} showed unrelated pages: {sorted(found - related)}"
    assert_stayed_home(reader)


def _page_with_code(edition: Edition) -> str:
    for html in edition.page_files():
        if re.search(r'<div class="(?:[^"]* )?highlight"', html.read_text(encoding="utf-8")):
            return edition.url_of(html)
    raise AssertionError("no page has a highlighted code block to copy")


def test_copy_button_copies_the_code(edition: Edition, open_reader: Any) -> None:
    reader = open_reader(edition, permissions=["clipboard-read", "clipboard-write"])
    page = reader.new_page()
    goto(page, _page_with_code(edition))
    block = page.locator(".md-content .highlight").first
    block.scroll_into_view_if_needed()
    block.hover()
    code = block.locator("pre > code").text_content() or ""
    page.evaluate("navigator.clipboard.writeText('(clipboard before the click)')")
    block.locator("button[data-md-type='copy']").click()
    page.locator(".md-dialog--active").wait_for(timeout=5_000)  # Material's 「已复制到剪贴板」
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == code.strip()
    assert_stayed_home(reader)


def test_color_toggle_switches_and_is_remembered(edition: Edition, open_reader: Any) -> None:
    reader = open_reader(edition, color_scheme="light")
    page = reader.new_page()
    pages = edition.page_files()
    goto(page, edition.url_of(pages[0]))

    def scheme() -> str:
        return page.evaluate("document.body.getAttribute('data-md-color-scheme')")

    assert scheme() == "default", "with a light system setting the site should start light"
    seen = []
    for _ in range(3):  # auto -> light -> dark -> auto: the cycle of three toggles in mkdocs.yml
        page.locator("form[data-md-component='palette'] label.md-header__button:visible").click()
        seen.append(scheme())
        if seen[-1] == "slate":
            break
    assert seen[-1] == "slate", f"the toggle never switched to the dark scheme: {seen}"
    goto(page, edition.url_of(pages[-1]))
    assert scheme() == "slate", "the dark scheme was forgotten on the next page"
    assert_stayed_home(reader)
