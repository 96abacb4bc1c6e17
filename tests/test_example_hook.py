"""The hook that turns example markers into code, output and the 适用于 line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from examples import ExampleError, describe_runtimes, expand_examples, parse_runs_on


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
