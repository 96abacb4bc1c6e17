"""The 运行 button beyond the walk: a reader edits an example, runs it again, resets it; the first load stays light.

That every eligible Lua example runs to its exact NAME.out, in both editions, is checked on the 下一页 walk
(tests/test_browser_walk.py, with tests/page_checks.py).
"""

from __future__ import annotations

import contextlib
import gzip
import re
from pathlib import Path
from typing import Any

import pytest
from browser_support import Edition, assert_stayed_home, goto, page_path
from page_checks import VM_FILES, examples_by_page

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api", reason="PyPI package `playwright`")

RUN_BUTTON = re.compile("运行")


def block_of(page: Any, example: Path) -> Any:
    """The 运行 area of one example (the div the script adds after its 适用于 line)."""
    meta = page.locator(f'p.example-meta[data-example="{example.name}"]').first
    return meta.locator("xpath=following-sibling::div[contains(@class, 'lua-run')][1]")


def open_collapsed(page: Any, block: Any) -> None:
    """An exercise's answer sits in a closed <details>; a reader opens it before pressing 运行."""
    block.evaluate(
        "el => { for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true }"
    )


def run(block: Any) -> tuple[str, str | None]:
    block.get_by_role("button", name=RUN_BUTTON).click()
    output = block.locator(".lua-run__output")
    output.and_(block.locator('[data-state="done"]')).wait_for(timeout=30_000)
    stdout = output.locator(".lua-run__stdout").evaluate("el => el.textContent")
    error = output.locator(".lua-run__error")
    return stdout, (error.inner_text() if error.is_visible() else None)


def test_reader_edits_runs_again_and_resets(edition: Edition, open_reader: Any) -> None:
    md, examples = next(iter(examples_by_page().items()))
    reader = open_reader(edition)
    reader.context.add_init_script("window.LUA_RUN_TIME_LIMIT = 1")  # the endless loop below stops sooner
    page = reader.new_page()
    goto(page, edition.url_of(edition.root / page_path(edition, md)))
    block = block_of(page, examples[0])
    open_collapsed(page, block)
    edit = block.get_by_role("button", name="编辑代码")
    edit.click()
    editor = block.get_by_role("textbox")
    original = editor.input_value()
    assert original.startswith("-- runs-on:"), "the editor starts from the example's code"
    editor.fill('print("你好", 1/2, 3//2, math.type(2^53))\nio.write(0.1, " ", 10, "\\n")\nerror("停")')
    stdout, error = run(block)
    assert stdout == "你好\t0.5\t1\tfloat\n0.1 10\n"
    assert error is not None and "停" in error
    assert block.locator("[aria-live]").count() == 1, "the output region announces itself"
    block.get_by_role("button", name="恢复原样").click()
    assert editor.input_value() == original
    stdout, error = run(block)
    assert stdout == examples[0].with_suffix(".out").read_text(encoding="utf-8") and error is None
    editor.fill("while true do end")
    stdout, error = run(block)
    assert error is not None and "已停止" in error, "an endless loop is stopped, the page stays usable"
    assert_stayed_home(reader)


def test_first_load_stays_under_300_kb(hosted_edition: Edition, open_reader: Any) -> None:
    """Everything a fresh visit transfers (HTML, CSS, JS, fonts, images), gzip-compressed, < 300 KB.

    Neither the Lua VM nor the search index is part of it: the VM loads on the first press of 运行, the index
    (overrides/main.html) when the reader first focuses the search box, which is checked here too. Every
    page shares the theme's files, so the pages that weigh most are those whose own HTML weighs most (the
    diagrams are inline SVG): the five with the largest gzip-compressed HTML are loaded in Chromium.
    """
    by_html = sorted(hosted_edition.page_files(), key=lambda f: len(gzip.compress(f.read_bytes(), 6)), reverse=True)
    reader = open_reader(hosted_edition)
    compressed: dict[str, int] = {}  # the theme's files are the same on every page: compress each once
    heaviest: list[tuple[int, str]] = []
    for html in by_html[:5]:
        page = reader.new_page()
        bodies: dict[str, bytes] = {}

        def collect(request: Any, sink: dict[str, bytes] = bodies) -> None:
            response = request.response()
            if response is not None:
                with contextlib.suppress(Exception):  # a body that is already gone counts as nothing
                    sink[request.url] = response.body()

        page.on("requestfinished", collect)
        page.goto(hosted_edition.url_of(html), wait_until="networkidle")
        assert not any(url.endswith(VM_FILES) for url in bodies), f"{html}: the VM loads before 运行 is pressed"
        assert not any("search_index" in url for url in bodies), f"{html}: the search index loads before a search"
        for url, body in bodies.items():
            if url not in compressed or url.endswith((".html", "/")):
                compressed[url] = len(gzip.compress(body, 6))
        heaviest.append((sum(compressed[url] for url in bodies), html.relative_to(hosted_edition.root).as_posix()))
        with page.expect_request_finished(lambda request: "search/search_index.json" in request.url):
            page.locator("input.md-search__input").click()
        page.close()
    heaviest.sort(reverse=True)
    assert len(heaviest) == 5 and heaviest[-1][0] > 50_000, f"implausibly light pages: {heaviest[-3:]}"
    assert heaviest[0][0] < 300_000, f"first load too heavy (gzip bytes, page): {heaviest[:3]}"
