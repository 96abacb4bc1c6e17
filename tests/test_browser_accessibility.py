"""axe-core where the walk does not look: code blocks in full, the offline home page, the 运行 area in use.

Every page of the hosted edition is checked with axe on the 下一页 walk (tests/test_browser_walk.py), in the
light scheme and, after the system turns dark, with the colour rules (tests/page_checks.py says why), its
highlighted code blocks taken out: they are most of a long page's elements, and their colours come from one
stylesheet per language. So here code blocks are checked in full on one page per highlighted language
(every `language-*` class the site uses, on the smallest page that shows it). No serious or critical
violation; fixes go into theme config, overrides/ or CSS, never into turning rules off.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from browser_support import Edition, goto
from page_checks import axe_problems

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="PyPI package `playwright`")

LANGUAGE_CLASS = re.compile(r'class="language-([\w+-]+) highlight"')


def one_page_per_code_language(pages: list[Path]) -> list[Path]:
    """For each highlighted language on the site, the smallest page that shows it (its colours are the same
    on every page; a small page has fewer other code blocks to check)."""
    chosen: dict[str, tuple[int, Path]] = {}
    for html in pages:
        text = html.read_text(encoding="utf-8")
        for language in set(LANGUAGE_CLASS.findall(text)):
            chosen[language] = min(chosen.get(language, (len(text), html)), (len(text), html))
    return sorted({html for _, html in chosen.values()})


def check_pages(open_reader: Any, edition: Edition, pages: list[Path]) -> None:
    reader = open_reader(edition, color_scheme="light")
    page = reader.new_page()
    problems: list[str] = []
    for html in pages:
        goto(page, edition.url_of(html))
        problems += axe_problems(page, with_code=True)
    assert problems == [], "accessibility violations:\n" + "\n".join(problems)


def test_code_of_every_language_passes_axe(hosted_edition: Edition, open_reader: Any) -> None:
    pages = one_page_per_code_language(hosted_edition.page_files())
    assert len(pages) >= 3, f"expected Lua, nginx and C code on the site, found code on {pages}"
    check_pages(open_reader, hosted_edition, pages)


def test_offline_home_page_passes_axe(offline_edition: Edition, open_reader: Any) -> None:
    # Only the announcement bar differs between the editions; the home page shows it.
    check_pages(open_reader, offline_edition, [offline_edition.root / "index.html"])


def test_run_button_editor_and_output_pass_axe(hosted_edition: Edition, open_reader: Any) -> None:
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
    problems = axe_problems(page, with_code=True)
    assert problems == [], "accessibility violations:\n" + "\n".join(problems)
