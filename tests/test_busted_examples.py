"""The busted specs shown on docs/openresty/testing.md pass, and print exactly the TAP output the page shows.

Each folder docs/openresty/examples/NAME/ with a spec/ subfolder is a pure-Lua module (lua/) plus its
busted specs (spec/*_spec.lua) and the expected TAP report (spec/busted.out). busted is Debian's
lua-busted, which runs on the system `lua` (Lua 5.4 on Debian 12); where `luajit` is installed too
(Debian's luajit2), the specs also run on it, the interpreter nginx's Lua module uses.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DOCS

EXAMPLES_DIR = DOCS / "openresty" / "examples"
SPEC_DIRS = sorted(p.parent.parent for p in EXAMPLES_DIR.glob("*/spec/busted.out"))
TIME_LIMIT = 60  # seconds; the specs take milliseconds


def busted(folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("busted")
    if binary is None:
        pytest.skip("busted not found: apt-get install lua-busted")
    return subprocess.run(
        [binary, *extra, "-o", "TAP", "-m", "lua/?.lua", "spec"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
    )


def test_there_is_a_busted_example() -> None:
    assert [p.name for p in SPEC_DIRS] == ["exercise_testing_1", "test-router"]


@pytest.mark.parametrize("folder", SPEC_DIRS, ids=lambda p: p.name)
def test_specs_pass_with_the_shown_output(folder: Path) -> None:
    result = busted(folder)
    assert result.returncode == 0, f"busted failed in {folder.name}:\n{result.stdout}\n{result.stderr}"
    assert result.stdout == (folder / "spec" / "busted.out").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", SPEC_DIRS, ids=lambda p: p.name)
def test_specs_pass_on_luajit_too(folder: Path) -> None:
    luajit = shutil.which("luajit")
    if luajit is None:
        pytest.skip("luajit not found: apt-get install luajit2 (not Debian's luajit, which removes the nginx module)")
    result = busted(folder, f"--lua={luajit}")
    assert result.returncode == 0, f"busted on LuaJIT failed in {folder.name}:\n{result.stdout}\n{result.stderr}"
    assert result.stdout == (folder / "spec" / "busted.out").read_text(encoding="utf-8")


def test_a_broken_module_makes_busted_fail(tmp_path: Path) -> None:
    """The check above could fail: with a bug in the module, busted exits non-zero and says which test."""
    folder = tmp_path / "test-router"
    shutil.copytree(EXAMPLES_DIR / "test-router", folder)
    module = folder / "lua" / "router.lua"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace('"method not allowed"', '"nope"'), encoding="utf-8")
    result = busted(folder)
    assert result.returncode != 0
    assert "not ok 3 - router 路径对了、方法不对" in result.stdout
