"""Checks made on a page that is open in Chromium: accessibility (axe), the 运行 buttons, the diagrams.

Opening a page is most of what a browser test costs (Material's bundle alone takes about 0.25 s a page
here), so the walks through the site (tests/test_browser_walk.py, tests/test_browser_mobile.py) make
these checks on the page they have open, and a few tests make them on pages of their own.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from lua_notes_markdown import BROWSER_LUA, find_markers, runs_in_browser

from conftest import DOCS

# ---- axe-core -----------------------------------------------------------------------------------
#
# The page is checked as loaded (light) with every rule axe runs by default. Then the reader's system
# turns dark (as an OS does at dusk): Material follows it to the slate scheme, and the rules that look
# at colours (axe's `cat.color` category: contrast, links told apart from text) run again. Only colours
# differ between the schemes, so the other rules would only repeat themselves.
#
# Highlighted code blocks are most of a long page's elements (one span per token and per line) and
# take half of axe's time there, yet their colours come from one stylesheet per language. So on most
# pages they are taken out before axe runs (with_code=False), and they are checked in full on one page
# per highlighted language (tests/test_browser_accessibility.py). Violations are fixed through theme
# config, overrides/ or CSS, never by turning rules off.

BLOCKING = {"serious", "critical"}
CODE_BLOCKS = ".highlight"
COLOUR_CATEGORY = "cat.color"
RESULT_KINDS = ("violations", "passes", "incomplete", "inapplicable")


@functools.cache
def _axe() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.skip("the PyPI package `axe-playwright-python` is not installed (pip install -r requirements-dev.txt)")
    return Axe()  # axe-core ships inside the wheel: no network


def _blocking(page: Any, results: Any, scheme: str) -> list[str]:
    """One line per serious or critical violation: rule, impact, scheme and where."""
    lines = []
    for violation in results.response["violations"]:
        if violation.get("impact") not in BLOCKING:
            continue
        where = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        rule = f"{violation['id']} ({violation['impact']}): {violation['help']}"
        lines.append(f"{page.url} ({scheme}): {rule} at {where}")
    return lines


def wait_for_scheme(page: Any, scheme: str) -> None:
    """Material's data-md-color-scheme on <body>: 'default' (light) or 'slate' (dark)."""
    page.wait_for_function(f"document.body.dataset.mdColorScheme === {scheme!r}", timeout=5_000)


def axe_problems(page: Any, *, with_code: bool) -> list[str]:
    """axe on a page opened with a light system setting, then with the system turned dark; the page is
    left light again. Without code, the highlighted blocks are removed from the page first."""
    axe = _axe()
    wait_for_scheme(page, "default")
    if not with_code:
        page.evaluate(f"document.querySelectorAll({CODE_BLOCKS!r}).forEach(el => el.remove())")
    light = axe.run(page)
    colour_rules = sorted(
        {rule["id"] for kind in RESULT_KINDS for rule in light.response[kind] if COLOUR_CATEGORY in rule["tags"]}
    )
    assert "color-contrast" in colour_rules, f"{page.url}: axe ran no contrast rule: {colour_rules}"
    page.emulate_media(color_scheme="dark")
    wait_for_scheme(page, "slate")
    dark = axe.run(page, options={"runOnly": {"type": "rule", "values": colour_rules}, "resultTypes": ["violations"]})
    page.emulate_media(color_scheme="light")
    wait_for_scheme(page, "default")
    return _blocking(page, light, "light") + _blocking(page, dark, "dark")


# ---- the 运行 buttons ----------------------------------------------------------------------------
#
# Examples are discovered, not listed: every docs/<topic>/examples/*.lua whose `-- runs-on:` line
# includes Lua 5.4 (the wasmoon VM vendored in docs/javascripts/vendor/wasmoon/) and whose second line
# does not opt out with `-- browser: no`.

VM_FILES = ("vendor/wasmoon/wasmoon.js", "vendor/wasmoon/glue-wasm.js")


def eligible_examples() -> list[Path]:
    return sorted(p for p in DOCS.glob("*/examples/*.lua") if runs_in_browser(p.read_text(encoding="utf-8")))


@functools.cache
def examples_by_page() -> dict[str, list[Path]]:
    """docs/-relative page ('coroutine/index.md') -> the eligible examples it shows, in page order."""
    shown: dict[str, list[Path]] = defaultdict(list)
    eligible = set(eligible_examples())
    for page in sorted(DOCS.rglob("*.md")):
        for kind, rel in find_markers(page.read_text(encoding="utf-8")):
            target = (page.parent / rel).resolve()
            src = page.relative_to(DOCS).as_posix()
            if kind == "example" and target in eligible and target not in shown[src]:
                shown[src].append(target)
    return dict(shown)


# Presses the 运行 button of each named example on the page, one after another, as a reader would (the
# exercise answers opened first); one round trip per page instead of five per example keeps it fast.
RUN_ALL = """async (names) => {
  const results = [];
  for (const name of names) {
    const meta = document.querySelector(`p.example-meta[data-example="${CSS.escape(name)}"]`);
    const box = meta && meta.nextElementSibling;
    if (!box || !box.classList.contains("lua-run")) { results.push({ name, missing: true }); continue; }
    for (let d = box.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
    const button = box.querySelector("button.lua-run__run");
    const output = box.querySelector(".lua-run__output");
    button.click();
    const start = Date.now();
    while (output.getAttribute("data-state") !== "done" && Date.now() - start < 30000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const error = box.querySelector(".lua-run__error");
    results.push({
      name, label: button.textContent, done: output.getAttribute("data-state") === "done",
      live: output.getAttribute("aria-live"), stdout: box.querySelector(".lua-run__stdout").textContent,
      error: error.hidden ? null : error.textContent,
    });
  }
  return results;
}"""


def run_problems(page: Any, src: str, requested: list[str]) -> list[str]:
    """Press every 运行 button of the page docs/SRC and compare each output with its NAME.out.

    `requested` holds the URLs the page has requested since it was opened: the VM must not be among them
    before the first press, and must be fetched once by the presses.
    """
    examples = examples_by_page().get(src, [])
    if not examples:
        return []
    if [u for u in requested if u.endswith(VM_FILES)]:
        return [f"{src}: the VM loaded before anyone pressed 运行"]
    before = len(requested)
    problems = []
    for example, result in zip(examples, page.evaluate(RUN_ALL, [e.name for e in examples]), strict=True):
        where = f"{example.relative_to(DOCS)} on {src}"
        if result.get("missing"):
            problems.append(f"{where}: no 运行 button")
            continue
        if "运行" not in result["label"] or f"Lua {BROWSER_LUA}" not in result["label"]:
            problems.append(f"{where}: the button is labelled {result['label']!r}, not 运行 with its Lua")
        if result["live"] != "polite":
            problems.append(f"{where}: the output is not an aria-live region")
        want = example.with_suffix(".out").read_text(encoding="utf-8")
        if not result["done"] or result["stdout"] != want or result["error"]:
            problems.append(f"{where}: printed {result['stdout']!r} {result['error'] or ''}")
    loads = sum(u.endswith(VM_FILES[0]) for u in requested[before:])
    if loads != 1:
        problems.append(f"{src}: the VM was fetched {loads} times by the presses, not once")
    return problems


# ---- diagrams -----------------------------------------------------------------------------------
#
# The SVGs are inlined and coloured only by the theme (docs/stylesheets/extra.css), so the check is made
# on the rendered page: the SVG's box lies inside the viewport, and each <text> has a contrast of at
# least 4.5:1 (WCAG AA) against what it is drawn on: the last shape before it in the SVG whose box holds
# the text's centre (composited over the page), else the page.

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


def diagrams_on(src: str) -> int:
    """How many diagrams the page docs/SRC shows (its diagram markers)."""
    return sum(kind == "diagram" for kind, _ in find_markers((DOCS / src).read_text(encoding="utf-8")))


def diagram_problems(page: Any, src: str, scheme: str) -> tuple[int, list[str]]:
    """(figures measured, problems) for the diagrams of the open page in its current scheme."""
    problems = []
    figures = page.evaluate(MEASURE)
    for svg in figures:
        name = f"{src} «{svg['title']}»"
        if svg["left"] < -0.5 or svg["right"] > svg["width"] + 0.5:
            problems.append(f"{name}: spans {svg['left']:.0f}–{svg['right']:.0f} px of {svg['width']} px")
        for text in svg["texts"]:
            ratio = contrast(text["fill"], text["under"])
            if ratio < 4.5:
                problems.append(f"{name}: text {text['text']!r} has contrast {ratio:.2f} in {scheme}")
    return len(figures), problems
