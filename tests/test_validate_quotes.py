"""Quote fidelity pieces: page decoding, readable text, normalisation, ellipses, closest passage."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from notes_validator.htmltext import HtmlPage, decode, detect_charset  # noqa: E402
from notes_validator.quotes import normalize, quote_parts, verify  # noqa: E402
from notes_validator.site import collect_page  # noqa: E402

SEED = (ROOT / "tests" / "data" / "seed-notes.txt").read_text(encoding="utf-8").splitlines()


def seed_line(start: str) -> str:
    return next(line.removeprefix("> ") for line in SEED if line.removeprefix("> ").startswith(start))


def as_html_paragraph(text: str) -> str:
    """The seed's sentence as a guide page would serve it: entities, tags, hard line breaks."""
    html = text.replace("'", "&#39;").replace("\\(", "(").replace("\\)", ")")
    html = html.replace("http_rewrite_module", "<code>http_rewrite_module</code>")
    words = html.split(" ")
    return "<p>" + "\n\t".join(" ".join(words[i : i + 7]) for i in range(0, len(words), 7)) + " </p>"


def note_text(tmp_path: Path, markdown: str) -> list[str]:
    page = tmp_path / "note.md"
    page.write_text(markdown + "\n>\n> — [src](https://example.com/)\n", encoding="utf-8")
    (note,) = collect_page(page).quotes
    return note.paragraphs


def test_seed_quotes_match_pages_built_from_them(tmp_path: Path) -> None:
    """Tags stripped to nothing, entities decoded on both sides, Markdown escapes removed from the note."""
    rewrite = seed_line("The important thing to keep in mind")
    events = seed_line("Events coming")
    arrows = seed_line("An event happens")
    lightweight = seed_line("Concurrency in lua")
    html = "<html><body>" + "".join(as_html_paragraph(t) for t in (events, arrows, lightweight, rewrite))
    html += "<script>var x = 1;</script></body></html>"
    source = HtmlPage(html).text()
    assert "http_rewrite_module." in source  # not "http_rewrite_module ."
    markdown = "\n>\n".join(f"> {t}" for t in (events, arrows, lightweight))
    paragraphs = note_text(tmp_path, markdown)
    assert "lightweight(green)" in paragraphs[2] and "---->" in paragraphs[1]
    assert verify(paragraphs, source).found
    assert verify([rewrite], source).found


def test_normalize_unifies_width_quotes_dashes_and_spaces() -> None:
    assert normalize("“ＡＢＣ” —  it’s\n\tfine") == '"ABC" - it\'s fine'
    assert normalize("协程 是\n一种 用户态的 thread") == "协程是一种用户态的thread"


@pytest.mark.parametrize("ellipsis", ["…", "...", "[...]", "……", "[…]"])
def test_ellipsis_splits_into_ordered_parts(ellipsis: str) -> None:
    parts = quote_parts([f"The first part is here {ellipsis} and the last part is there."])
    assert parts == ["The first part is here", "and the last part is there."]
    source = "The first part is here, then much more text, and the last part is there."
    assert verify([f"The first part is here {ellipsis} and the last part is there."], source).found
    assert not verify([f"and the last part is there. {ellipsis} The first part is here"], source).found


def test_altered_quote_reports_closest_passage_and_score() -> None:
    source = "Intro text. A coroutine is a lightweight thread spawned from the execution environment. Outro."
    result = verify(["A coroutine is a heavyweight thread spawned from the execution environment."], source)
    assert not result.found
    assert result.closest.startswith("A coroutine is a lightweight thread")
    assert 80 <= result.score < 100
    assert result.describe() == f"quote not found in its source; the closest passage is {result.score:.0f}% similar"


def test_readable_text_skips_scripts_and_separates_blocks() -> None:
    page = HtmlPage(
        "<html><head><title>T</title><style>p{}</style></head><body><p>one<b>two</b></p><p>three</p>"
        "<script>hidden()</script><ul><li>four</li><li>five</li></ul></body></html>"
    )
    text = normalize(page.text())
    assert text == "onetwo three four five"


def test_anchors_include_ids_and_names() -> None:
    page = HtmlPage('<h2 id="a">A</h2><a name="b"></a><div id="c"></div>')
    assert page.anchors() == {"a", "b", "c"}


def test_charset_order() -> None:
    gbk = "<html><body><p>协程是一种用户态的轻量级线程，调度完全由用户控制。</p></body></html>"
    body = gbk.encode("gbk")
    assert detect_charset(body, "text/html; charset=GBK") == "gb18030"
    meta = b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' + body
    assert detect_charset(meta, "text/html") == "gb18030"
    assert detect_charset(b'<meta charset="utf-8">' + body, "text/html; charset=gbk") == "gb18030"  # header wins
    assert "协程" in decode(body * 20, "text/html")  # no declaration at all: detection
    assert detect_charset(b"\xef\xbb\xbf<p>x</p>", "text/html; charset=latin1") == "utf-8"  # BOM first
