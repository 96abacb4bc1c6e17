"""axe-core on every page of the site, in the light and the dark scheme: no serious or critical violations.

axe-core ships inside the PyPI package axe-playwright-python, so this runs without network.
Violations are fixed through theme config, overrides/ or CSS, never by turning rules off.

Each page is opened once, with a light system setting, and checked with every rule axe runs by default.
Then the reader's system turns dark (as an OS does at dusk): Material follows it to the slate scheme,
and the rules that look at colours (axe's `cat.color` category: contrast, links told apart from text)
run again. Only colours differ between the schemes, so the other rules would only repeat themselves.

Highlighted code blocks are most of a long page's elements (one span per token and per line) and take
half of axe's time there, yet their colours come from one stylesheet per language. So on every page
they are taken out before axe runs, and they are checked in full on one page per highlighted language
(every `language-*` class the site uses), in both schemes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from browser_support import Edition, goto

from conftest import DOCS

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
CODE_BLOCKS = ".highlight"
COLOUR_CATEGORY = "cat.color"
RESULT_KINDS = ("violations", "passes", "incomplete", "inapplicable")


@pytest.fixture(scope="module")
def axe() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.skip("the PyPI package `axe-playwright-python` is not installed (pip install -r requirements-dev.txt)")
    return Axe()


def blocking(page: Any, results: Any, scheme: str) -> list[str]:
    """One line per serious or critical violation: rule, impact, scheme and where."""
    lines = []
    for violation in results.response["violations"]:
        if violation.get("impact") not in BLOCKING:
            continue
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        lines.append(
            f"{page.url} ({scheme}): {violation['id']} ({violation['impact']}): {violation['help']} at {targets}"
        )
    return lines


def scheme_is(page: Any, expected: str) -> None:
    page.wait_for_function(f"document.body.dataset.mdColorScheme === {expected!r}", timeout=5_000)


def check_in_both_schemes(axe: Any, page: Any, *, with_code: bool) -> list[str]:
    """The page as loaded (light): every default rule; then the system turns dark: the colour rules."""
    scheme_is(page, "default")
    if not with_code:
        page.evaluate(f"document.querySelectorAll({CODE_BLOCKS!r}).forEach(el => el.remove())")
    light = axe.run(page)
    colour_rules = sorted(
        {rule["id"] for kind in RESULT_KINDS for rule in light.response[kind] if COLOUR_CATEGORY in rule["tags"]}
    )
    assert "color-contrast" in colour_rules, f"{page.url}: axe ran no contrast rule: {colour_rules}"
    page.emulate_media(color_scheme="dark")
    scheme_is(page, "slate")
    dark = axe.run(page, options={"runOnly": {"type": "rule", "values": colour_rules}, "resultTypes": ["violations"]})
    page.emulate_media(color_scheme="light")
    return blocking(page, light, "light") + blocking(page, dark, "dark")


def check_pages(open_reader: Any, axe: Any, edition: Edition, pages: list[Path], *, with_code: bool) -> None:
    assert pages, "no pages to check"
    reader = open_reader(edition, color_scheme="light")
    page = reader.new_page()
    problems: list[str] = []
    for html in pages:
        goto(page, edition.url_of(html))
        problems += check_in_both_schemes(axe, page, with_code=with_code)
    assert problems == [], "accessibility violations:\n" + "\n".join(problems)


def one_page_per_code_language(pages: list[Path]) -> list[Path]:
    """For each highlighted language on the site, the first page (in path order) that shows it."""
    chosen: dict[str, Path] = {}
    for html in pages:
        for language in set(LANGUAGE_CLASS.findall(html.read_text(encoding="utf-8"))):
            chosen.setdefault(language, html)
    return sorted(set(chosen.values()))


LANGUAGE_CLASS = re.compile(r'class="language-([\w+-]+) highlight"')

# The site's sections (each folder of docs/ with pages, and the pages at its top), one test each so the
# workers share them.
SECTIONS = sorted({md.relative_to(DOCS).parts[0] if md.parent != DOCS else "" for md in DOCS.rglob("*.md")})


def section_pages(edition: Edition, section: str) -> list[Path]:
    """The built pages of one section; a page at the top of docs/ is built as NAME/index.html."""

    def section_of(html: Path) -> str:
        first = html.relative_to(edition.root).parts[0]
        return first if first in SECTIONS and html.parent != edition.root else ""

    return [html for html in edition.page_files() if section_of(html) == section]


def test_sections_cover_every_page(hosted_edition: Edition) -> None:
    covered = sorted(html for section in SECTIONS for html in section_pages(hosted_edition, section))
    assert covered == hosted_edition.page_files(), "a page of the site belongs to no section checked by axe"


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s or "top")
def test_every_hosted_page_passes_axe(hosted_edition: Edition, open_reader: Any, axe: Any, section: str) -> None:
    check_pages(open_reader, axe, hosted_edition, section_pages(hosted_edition, section), with_code=False)


def test_code_of_every_language_passes_axe(hosted_edition: Edition, open_reader: Any, axe: Any) -> None:
    pages = one_page_per_code_language(hosted_edition.page_files())
    assert len(pages) >= 3, f"expected Lua, nginx and C code on the site, found code on {pages}"
    check_pages(open_reader, axe, hosted_edition, pages, with_code=True)


def test_offline_home_page_passes_axe(offline_edition: Edition, open_reader: Any, axe: Any) -> None:
    # Only the announcement bar differs between the editions; the home page shows it.
    check_pages(open_reader, axe, offline_edition, [offline_edition.root / "index.html"], with_code=True)


def test_run_button_editor_and_output_pass_axe(hosted_edition: Edition, open_reader: Any, axe: Any) -> None:
    """The 运行 area with the editor open, an output and an error shown (what axe cannot see on page load)."""
    reader = open_reader(hosted_edition, color_scheme="light")
    page = reader.new_page()
    goto(page, hosted_edition.base_url + "coroutine/")
    block = page.locator("div.lua-run").first
    block.get_by_role("button", name="编辑代码").click()
    block.get_by_role("textbox").fill('print("输出", 1)\nerror("出错")')
    block.get_by_role("button", name=re.compile("运行")).click()
    block.locator('.lua-run__output[data-state="done"]').wait_for(timeout=30_000)
    assert block.locator(".lua-run__error").is_visible()
    problems = check_in_both_schemes(axe, page, with_code=True)
    assert problems == [], "accessibility violations:\n" + "\n".join(problems)
