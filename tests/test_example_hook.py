"""The Markdown extension (extensions/lua_notes_markdown.py) that turns example markers into code, output and 适用于."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from lua_notes_markdown import (
    ExampleError,
    describe_runtimes,
    expand_examples,
    find_markers,
    parse_runs_on,
    runs_in_browser,
)


@pytest.mark.parametrize(
    ("runtimes", "text"),
    [
        (["5.1", "5.2", "5.3", "5.4", "luajit"], "Lua 5.1–5.4、LuaJIT"),
        (["5.1", "5.2", "5.3", "5.4", "5.5", "luajit"], "Lua 5.1–5.5、LuaJIT"),
        (["5.4", "5.5"], "Lua 5.4–5.5"),
        (["5.1", "luajit"], "Lua 5.1、LuaJIT"),
        (["5.1", "5.3", "5.4"], "Lua 5.1、Lua 5.3–5.4"),
        (["luajit"], "LuaJIT"),
    ],
)
def test_describe_runtimes(runtimes: list[str], text: str) -> None:
    assert describe_runtimes(runtimes) == text


def test_parse_runs_on_rejects_bad_lines() -> None:
    assert parse_runs_on("-- runs-on: 5.3 luajit", "x.lua") == ["5.3", "luajit"]
    with pytest.raises(ExampleError, match=r"x\.lua:1"):
        parse_runs_on("print(1)", "x.lua")
    with pytest.raises(ExampleError, match="unknown runtime"):
        parse_runs_on("-- runs-on: 5.0", "x.lua")


def test_expand_marker(tmp_path: Path) -> None:
    (tmp_path / "topic" / "examples").mkdir(parents=True)
    (tmp_path / "topic" / "examples" / "hi.lua").write_text('-- runs-on: 5.4 5.5\nprint("hi")\n')
    page = "前文\n<!-- example: examples/hi.lua -->\n后文\n"
    out = expand_examples(page, "topic/page.md", tmp_path)
    assert '--8<-- "topic/examples/hi.lua"' in out
    assert '--8<-- "topic/examples/hi.out"' in out
    assert "适用于：Lua 5.4–5.5" in out
    assert "[下载 hi.lua](examples/hi.lua)" in out
    with pytest.raises(ExampleError, match="not found"):
        expand_examples("<!-- example: examples/nope.lua -->", "topic/page.md", tmp_path)


def test_indented_marker_stays_in_its_block_and_fenced_markers_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "topic" / "examples").mkdir(parents=True)
    (tmp_path / "topic" / "examples" / "hi.lua").write_text('-- runs-on: 5.4\nprint("hi")\n')
    page = (
        '1. 练习\n\n    ??? success "参考答案"\n\n        <!-- example: examples/hi.lua -->\n\n'
        "```markdown\n<!-- example: examples/missing.lua -->\n```\n"
    )
    out = expand_examples(page, "topic/page.md", tmp_path)
    lines = [line for line in out.split("\n") if line.strip()]
    expanded = lines[lines.index('    ??? success "参考答案"') + 1 :]
    assert expanded[0] == '        ```lua title="hi.lua"'
    assert all(line.startswith("        ") for line in expanded[: expanded.index("```markdown")])
    assert "<!-- example: examples/missing.lua -->" in out  # shown as syntax, not expanded


def test_diagram_marker_inlines_the_svg_with_its_title_as_caption(tmp_path: Path) -> None:
    (tmp_path / "topic" / "diagrams").mkdir(parents=True)
    svg = '<?xml version="1.0"?>\n<svg viewBox="0 0 10 10" role="img">\n\n<title>状态图</title>\n</svg>\n'
    (tmp_path / "topic" / "diagrams" / "s.svg").write_text(svg)
    out = expand_examples("<!-- diagram: diagrams/s.svg -->", "topic/page.md", tmp_path)
    assert out.startswith('<figure class="diagram">\n<svg viewBox')
    assert "\n\n" not in out and "<?xml" not in out
    assert out.endswith("<figcaption>状态图</figcaption>\n</figure>")
    (tmp_path / "topic" / "diagrams" / "bad.svg").write_text("<svg><text>x</text></svg>")
    with pytest.raises(ExampleError, match="role"):
        expand_examples("<!-- diagram: diagrams/bad.svg -->", "topic/page.md", tmp_path)


def test_find_markers_skips_fenced_code() -> None:
    page = (
        "<!-- example: examples/a.lua -->\n````markdown\n<!-- example: examples/shown.lua -->\n````\n"
        "    <!-- diagram: diagrams/d.svg -->\n"
    )
    assert find_markers(page) == [("example", "examples/a.lua"), ("diagram", "diagrams/d.svg")]


def test_extension_runs_before_snippets_in_plain_python_markdown(tmp_path: Path) -> None:
    """Outside MkDocs and Zensical the page is named in the config; snippets then reads the files."""
    (tmp_path / "topic" / "examples").mkdir(parents=True)
    (tmp_path / "topic" / "examples" / "hi.lua").write_text('-- runs-on: 5.4\nprint("hi")\n')
    (tmp_path / "topic" / "examples" / "hi.out").write_text("hi\n")
    md = markdown.Markdown(
        extensions=["lua_notes_markdown", "attr_list", "pymdownx.superfences", "pymdownx.snippets"],
        extension_configs={
            "lua_notes_markdown": {"docs_dir": str(tmp_path), "page": "topic/page.md"},
            "pymdownx.snippets": {"base_path": [str(tmp_path)], "check_paths": True},
        },
    )
    html = md.convert("<!-- example: examples/hi.lua -->\n")
    assert "print" in html and "hi\n" in html
    assert '<p class="example-meta" data-example="hi.lua" data-lua-run="5.4">适用于：Lua 5.4' in html


def test_extension_without_a_page_refuses_markers() -> None:
    md = markdown.Markdown(extensions=["lua_notes_markdown"])
    assert "<p>text</p>" in md.convert("text")
    with pytest.raises(ExampleError, match="which page"):
        md.convert("<!-- example: examples/hi.lua -->")


def test_runs_in_browser_needs_the_vm_lua_and_no_opt_out() -> None:
    assert runs_in_browser("-- runs-on: 5.3 5.4\nprint(1)\n")
    assert not runs_in_browser("-- runs-on: 5.1 luajit\nprint(1)\n")
    assert not runs_in_browser("-- runs-on: 5.4\n-- browser: no（要写文件）\nio.open('x', 'w')\n")
