"""Every C example compiles warning-free with the system cc, and prints exactly its NAME.out.

An example that needs more than libc says so in a comment within its first five lines, e.g.
`// build-flags: -I/usr/include/lua5.4 -llua5.4`; those flags follow the source file on the
command line (libraries must come after the objects that use them).

Each example is built into a temporary directory and run with a time limit, so an example
that hangs (a context switch gone wrong easily loops forever) fails its own test.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DOCS, ROOT

TIME_LIMIT = 10  # seconds; the examples finish instantly, so this only trips on a real hang
CFLAGS = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-O1"]
EXAMPLES = sorted(DOCS.glob("*/examples/*.c"))
BUILD_FLAGS = re.compile(r"^\s*(?://|/\*)\s*build-flags:(?P<flags>.*?)(?:\*/)?\s*$")
example_ids = [f"{p.parent.parent.name}/{p.name}" for p in EXAMPLES]


def test_there_is_a_c_example() -> None:
    assert EXAMPLES, "no docs/*/examples/*.c found"


@pytest.fixture(scope="module")
def cc() -> str:
    compiler = shutil.which("cc")
    if compiler is None:
        pytest.skip("no C compiler: install the Debian packages gcc and libc6-dev")
    return compiler


def shown(path: Path) -> str:
    """The path as a reader of the report wants it: relative to the project when it is inside."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def build_flags(source: Path) -> list[str]:
    """Extra flags the example declares in a `build-flags:` comment near its top."""
    for line in source.read_text(encoding="utf-8").splitlines()[:5]:
        if match := BUILD_FLAGS.match(line):
            return shlex.split(match.group("flags"))
    return []


def compile_example(compiler: str, source: Path, out_dir: Path) -> Path:
    binary = out_dir / source.stem
    result = subprocess.run(
        [compiler, *CFLAGS, "-o", str(binary), str(source), *build_flags(source)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, f"{shown(source)} does not compile cleanly:\n{result.stderr}"
    return binary


@pytest.mark.parametrize("source", EXAMPLES, ids=example_ids)
def test_c_example_prints_its_out_file(cc: str, source: Path, tmp_path: Path) -> None:
    expected = source.with_suffix(".out").read_text(encoding="utf-8")
    binary = compile_example(cc, source, tmp_path)
    try:
        result = subprocess.run([str(binary)], capture_output=True, text=True, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{shown(source)}: still running after {TIME_LIMIT} s")
    assert result.returncode == 0, f"{source.name} exited with {result.returncode}:\n{result.stderr}"
    assert result.stdout == expected, f"output of {source.name} differs from {source.with_suffix('.out').name}"


@pytest.mark.parametrize("source", EXAMPLES, ids=example_ids)
def test_c_example_is_shown_on_a_page(source: Path) -> None:
    marker = f"<!-- example: examples/{source.name} -->"
    topic = source.parent.parent
    pages = [p for p in topic.glob("*.md") if marker in p.read_text(encoding="utf-8")]
    assert pages, f"no page in docs/{topic.name}/ includes {marker}"


def test_a_broken_example_fails(cc: str, tmp_path: Path) -> None:
    # Guards the flags: an unused variable must be an error, or -Werror was lost.
    sloppy = tmp_path / "sloppy.c"
    sloppy.write_text("int main(void) { int unused; return 0; }\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="does not compile cleanly"):
        compile_example(cc, sloppy, tmp_path)


def test_build_flags_come_from_the_comment(tmp_path: Path) -> None:
    source = tmp_path / "api.c"
    source.write_text("// build-flags: -I/usr/include/lua5.4 -llua5.4\nint main(void) { return 0; }\n")
    assert build_flags(source) == ["-I/usr/include/lua5.4", "-llua5.4"]
    source.write_text("/* build-flags: -lm */\nint main(void) { return 0; }\n")
    assert build_flags(source) == ["-lm"]
