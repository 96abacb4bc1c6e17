"""axe-core on every page of the site, in the light and the dark scheme: no serious or critical violations.

axe-core ships inside the PyPI package axe-playwright-python, so this runs without network.
Violations are fixed through theme config, overrides/ or CSS, never by turning rules off.

Highlighted code blocks are most of a long page's elements (one span per token and per line) and take
half of axe's time there, yet their colours come from one stylesheet per language. So every page is
checked without its code blocks, and code blocks in full on one page per highlighted language (every
`language-*` class the site uses), in both schemes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from browser_support import Edition, goto

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.skip("the PyPI package `axe-playwright-python` is not installed (pip install -r requirements-dev.txt)")
    return Axe()


CODE_BLOCKS = ".highlight"


def blocking_violations(axe: Any, page: Any, *, skip_code: bool = False) -> list[str]:
    """One line per serious or critical violation: rule, impact, and where."""
    results = axe.run(page, context={"exclude": [[CODE_BLOCKS]]}) if skip_code else axe.run(page)
    lines = []
    for violation in results.response["violations"]:
        if violation.get("impact") not in BLOCKING:
            continue
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        lines.append(f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines


def check_pages(
    open_reader: Any, axe: Any, edition: Edition, scheme: str, pages: list, *, skip_code: bool = False
) -> None:
    reader = open_reader(edition, color_scheme=scheme)
    page = reader.new_page()
    problems: list[str] = []
    for html in pages:
        goto(page, edition.url_of(html))
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        problems += blocking_violations(axe, page, skip_code=skip_code)
    assert problems == [], "accessibility violations:\n" + "\n".join(problems)


def one_page_per_code_language(pages: list[Path]) -> list[Path]:
    """For each highlighted language on the site, the first page (in path order) that shows it."""
    chosen: dict[str, Path] = {}
    for html in pages:
        for language in set(LANGUAGE_CLASS.findall(html.read_text(encoding="utf-8"))):
            chosen.setdefault(language, html)
    return sorted(set(chosen.values()))


LANGUAGE_CLASS = re.compile(r'class="language-([\w+-]+) highlight"')


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_hosted_page_passes_axe(hosted_edition: Edition, open_reader: Any, axe: Any, scheme: str) -> None:
    check_pages(open_reader, axe, hosted_edition, scheme, hosted_edition.page_files(), skip_code=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_code_of_every_language_passes_axe(hosted_edition: Edition, open_reader: Any, axe: Any, scheme: str) -> None:
    pages = one_page_per_code_language(hosted_edition.page_files())
    assert len(pages) >= 3, f"expected Lua, nginx and C code on the site, found code on {pages}"
    check_pages(open_reader, axe, hosted_edition, scheme, pages)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_offline_home_page_passes_axe(offline_edition: Edition, open_reader: Any, axe: Any, scheme: str) -> None:
    # Only the announcement bar differs between the editions; the home page shows it.
    check_pages(open_reader, axe, offline_edition, scheme, [offline_edition.root / "index.html"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_run_button_editor_and_output_pass_axe(
    hosted_edition: Edition, open_reader: Any, axe: Any, scheme: str
) -> None:
    """The 运行 area with the editor open, an output and an error shown (what axe cannot see on page load)."""
    reader = open_reader(hosted_edition, color_scheme=scheme)
    page = reader.new_page()
    goto(page, hosted_edition.base_url + "coroutine/")
    block = page.locator("div.lua-run").first
    block.get_by_role("button", name="编辑代码").click()
    block.get_by_role("textbox").fill('print("输出", 1)\nerror("出错")')
    block.get_by_role("button", name=re.compile("运行")).click()
    block.locator('.lua-run__output[data-state="done"]').wait_for(timeout=30_000)
    assert block.locator(".lua-run__error").is_visible()
    problems = blocking_violations(axe, page)
    assert problems == [], "accessibility violations:\n" + "\n".join(problems)
