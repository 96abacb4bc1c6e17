"""The floating-point control state leaks through a switch that does not save it, and not through one that does.

docs/libco/examples/fenv_leak.c runs one experiment twice: a coroutine sets round-toward-zero and
flush-to-zero, then yields to main. With naive_switch.S (general registers only, like libco's
coctx_swap) main must see the coroutine's settings; with ctxswitch.S (MXCSR and x87 control word
saved, as the x86-64 psABI requires) main must keep its own. test_c_examples.py already compares the
whole output with fenv_leak.out; this test states the claim itself, so a regenerated .out cannot
quietly turn it around.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
from pathlib import Path

import pytest
from test_c_examples import compile_example

from conftest import DOCS

SOURCE = DOCS / "libco" / "examples" / "fenv_leak.c"


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    if platform.machine() != "x86_64":
        pytest.skip(f"fenv_leak.c is x86-64 assembly; this machine is {platform.machine()}")
    cc = shutil.which("cc")
    if cc is None:
        pytest.skip("no C compiler: install the Debian packages gcc and libc6-dev")
    binary = compile_example(cc, SOURCE, Path(tmp_path_factory.mktemp("fenv")))
    lines = subprocess.run([str(binary)], capture_output=True, text=True, timeout=10, check=True).stdout.splitlines()
    sections: dict[str, list[str]] = {}
    for line in lines:
        if line.startswith("== "):
            current = sections.setdefault(line.split("：")[0].strip("= "), [])
        else:
            current.append(line)
    return sections


def line(section: list[str], who: str) -> str:
    return next(text for text in section if text.strip().startswith(who))


def test_the_coroutine_really_changed_the_state(output: dict[str, list[str]]) -> None:
    for name in ("naive_switch", "ctx_switch"):
        changed = line(output[name], "协程改完之后")
        assert "MXCSR：舍入=向零 FTZ=开" in changed and "x87：舍入=向零" in changed, changed
        assert "DBL_MIN/4 == 0" in changed, "flush-to-zero must actually flush"


def test_naive_switch_leaks_into_main(output: dict[str, list[str]]) -> None:
    for who in ("main 在 yield 后", "main 在结束后"):
        seen = line(output["naive_switch"], who)
        assert "MXCSR：舍入=向零 FTZ=开" in seen and "x87：舍入=向零" in seen, seen


def test_complete_switch_keeps_each_side_its_own(output: dict[str, list[str]]) -> None:
    for who in ("main 在 yield 后", "main 在结束后"):
        seen = line(output["ctx_switch"], who)
        assert "MXCSR：舍入=就近 FTZ=关" in seen and "x87：舍入=就近" in seen and "DBL_MIN/4 != 0" in seen, seen
    resumed = line(output["ctx_switch"], "协程被恢复后")
    assert "MXCSR：舍入=向零 FTZ=开" in resumed, "the coroutine must get its own settings back"
