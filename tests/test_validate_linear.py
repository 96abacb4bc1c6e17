"""Linear time in page size and link count, checked by counting work, not by timing (timings: scripts/bench.py).

Python-Markdown's inline parser rescans a paragraph's text after each inline element it replaces, so one
huge paragraph costs time quadratic in its elements (`mkdocs build` never finishes a 6 MB paragraph).
The validator hands blocks longer than LONG_BLOCK characters to it in pieces (render.split_long_block);
these tests check that the pieces render to the same links and ids, and that the characters scanned
(by Python-Markdown's inline parser and by the validator's source locator) grow linearly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
import pytest
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from notes_validator import locate, render  # noqa: E402
from notes_validator.site import collect_page  # noqa: E402

UNITS = [
    "Prose around a [link](other.md#part) and `code [not](a.md) link` and *emphasis*. ",
    "Math $a[i](j)$ stays whole, <span title='x y'>raw html</span> and ![image](img/x.png). ",
    "A [reference][ref] and an escaped \\[bracket\\] and ``double `tick` code``; ",
    "中文的句子里也有[链接](guide.md)和 `代码`，然后继续。",
]


def links_and_ids(html: str) -> tuple[list[str], list[str], list[str]]:
    tree = LexborHTMLParser(html)
    return (
        [n.attributes.get("href") or "" for n in tree.css("a[href]")],
        [n.attributes.get("src") or "" for n in tree.css("img[src]")],
        [n.attributes.get("id") or "" for n in tree.css("[id]")],
    )


def converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["attr_list", "md_in_html", "toc", "pymdownx.arithmatex"])


@pytest.mark.parametrize("prefix", ["", "> ", "- ", "1. "], ids=["paragraph", "blockquote", "list", "ordered-list"])
def test_pieces_render_to_the_same_links_and_ids(prefix: str) -> None:
    body = "".join(UNITS[i % len(UNITS)] for i in range(700))
    text = "# Title\n\n" + prefix + body + "\n\n[ref]: target.md\n"
    pieces = render.split_long_block(prefix + body)
    cut_at = "\n" + prefix.rstrip(" -1.") + "\n"  # a blank line (inside a blockquote: '>')
    assert pieces.count(cut_at) >= len(body) // render.PIECE - 1
    assert max(len(p) for p in pieces.split(cut_at)) < 2 * render.PIECE
    whole = links_and_ids(converter().convert(text))
    cut = links_and_ids(converter().convert("# Title\n\n" + pieces + "\n\n[ref]: target.md\n"))
    assert cut == whole
    assert len(whole[0]) > 500


def test_headings_and_tables_are_never_cut() -> None:
    long = "word " * 10_000
    assert render.split_long_block("# " + long) == "# " + long
    assert render.split_long_block("| a | b |\n|---|---|\n| " + long + " | x |").count("\n\n") == 0


def scanned(tmp_path: Path, count: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, int]:
    """(characters Python-Markdown's inline parser searched, characters the locator searched, source size)."""
    page = tmp_path / f"big{count}.md"
    source = "# Big\n\n" + "".join(f"word [l{i}](#big) and `c{i}` *e* " for i in range(count)) + "\n"
    page.write_text(source, encoding="utf-8")
    inline: list[int] = [0]
    apply = markdown.treeprocessors.InlineProcessor._InlineProcessor__applyPattern  # type: ignore[attr-defined]

    def counting(self, pattern, data, index, start=0):  # type: ignore[no-untyped-def]
        inline[0] += len(data) - start
        return apply(self, pattern, data, index, start)

    monkeypatch.setattr(markdown.treeprocessors.InlineProcessor, "_InlineProcessor__applyPattern", counting)
    locators: list[locate.Locator] = []
    real = locate.Locator.__init__

    def remember(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        real(self, *args, **kwargs)
        locators.append(self)

    monkeypatch.setattr(locate.Locator, "__init__", remember)
    result = collect_page(page)
    assert len(result.links) == count
    return inline[0], sum(locator.scanned for locator in locators), len(source)


def test_work_grows_linearly_with_links_in_one_paragraph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small = scanned(tmp_path, 2_000, monkeypatch)
    large = scanned(tmp_path, 8_000, monkeypatch)
    size_ratio = large[2] / small[2]
    assert large[0] / small[0] < 1.3 * size_ratio, (small, large)  # quadratic would be ~16x for 4x the size
    assert large[1] / small[1] < 1.3 * size_ratio, (small, large)
    assert large[1] <= 2 * large[2]  # the locator reads the page about once
