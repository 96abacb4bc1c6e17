"""Every Lua example runs on every runtime, and its `-- runs-on:` line is exactly the truth.

On a declared runtime the example must print exactly NAME.out; on any other runtime it must
fail or print something else. Each run is a subprocess with a time limit, so an example that
loops forever fails its own test instead of hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "extensions"))
sys.path.insert(0, str(ROOT / "scripts"))

from lua_notes_markdown import parse_runs_on
from run_lua import RUNTIMES

TIME_LIMIT = 10  # seconds; the examples are tiny, so this only trips on a real hang
EXAMPLES = sorted(DOCS.glob("*/examples/*.lua"))


def run_example(path: Path, runtime: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "run_lua.py"), str(path), "--runtime", runtime],
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{path.relative_to(ROOT)} on {runtime}: still running after {TIME_LIMIT} s")


def declared(path: Path) -> list[str]:
    return parse_runs_on(path.read_text(encoding="utf-8").split("\n", 1)[0], str(path))


def test_there_are_enough_examples() -> None:
    assert len(EXAMPLES) >= 20


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
@pytest.mark.parametrize("runtime", sorted(RUNTIMES))
def test_example_matches_declaration(path: Path, runtime: str) -> None:
    expected = path.with_suffix(".out").read_text(encoding="utf-8")
    result = run_example(path, runtime)
    if runtime in declared(path):
        assert result.returncode == 0, f"fails on {runtime}:\n{result.stderr}"
        assert result.stdout == expected, f"output on {runtime} differs from {path.with_suffix('.out').name}"
    else:
        assert result.returncode != 0 or result.stdout != expected, (
            f"works on {runtime} too: add it to the runs-on line of {path.name}"
        )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_example_is_shown_on_a_page(path: Path) -> None:
    marker = f"<!-- example: examples/{path.name} -->"
    pages = [p for p in path.parent.parent.glob("*.md") if marker in p.read_text(encoding="utf-8")]
    assert pages, f"no page in docs/{path.parent.parent.name}/ includes {marker}"


def test_run_lua_reports_errors_and_hangs(tmp_path: Path) -> None:
    failing = tmp_path / "boom.lua"
    failing.write_text('print("before")\nerror("boom")\n', encoding="utf-8")
    result = run_example(failing, "5.4")
    assert (result.returncode, result.stdout) == (1, "before\n")
    assert "boom.lua:2: boom" in result.stderr
    looping = tmp_path / "loop.lua"
    looping.write_text("while true do end\n", encoding="utf-8")
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "run_lua.py"), str(looping)], capture_output=True, timeout=2
        )
