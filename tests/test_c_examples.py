"""Every C, C++ and assembly example compiles warning-free with the system compiler and prints its NAME.out.

Programs are `docs/*/examples/*.c` (built with `cc -std=c11 -Wall -Wextra -Werror -O1`) and
`docs/*/examples/*.cpp` (built with `g++ -std=c++20 -Wall -Wextra -Werror -O1`). Each one is built into
a temporary directory and run with a time limit, so an example that hangs (a context switch gone wrong
easily loops forever) fails its own test; its stdout must equal NAME.out byte for byte.

A program may declare how it is built in comments within its first five lines (`// key: value` or
`/* key: value */`):

- `build-flags: -I/usr/include/lua5.4 -llua5.4` -- extra flags; they follow the sources on the command
  line (libraries must come after the objects that use them).
- `build-with: ctxswitch.S naive_switch.S` -- more source files from the same examples/ folder that are
  compiled into the same binary: assembly (`.S`, run through the C preprocessor) or C. This is how an
  assembly file is tested: it is never a program on its own, and every `.S` file must be named by some
  `build-with:` line. Headers (`.h`) are found by `#include "..."` next to the source.
- `requires: x86_64` -- the machines (values of `platform.machine()`) the example can run on; elsewhere
  its test is skipped with a message saying so. Hand-written x86-64 assembly declares this.
- `preload: hook_io.c` -- an LD_PRELOAD example: that file is built with `-shared -fPIC` into a `.so`
  and the program runs with `LD_PRELOAD` pointing at it. The program is also run once *without* the
  library, and must then fail or print something else: otherwise the hook was not what made it work.
- `build-as: shared` -- marks a C file as such a library: it is not a program and has no `.out`.

Every file of an example (program, `.out`, `.S`, `.h`, library) must appear on a page of its topic:
a `.c` program through the page marker `<!-- example: examples/NAME.c -->`, or any file through a
pymdownx.snippets line `--8<-- "topic/examples/NAME"` (the marker only knows `.c`; C++, assembly,
headers and libraries are included with snippet fences).
"""

from __future__ import annotations

import os
import platform
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import DOCS, ROOT

TIME_LIMIT = 10  # seconds; the examples finish instantly, so this only trips on a real hang
CFLAGS = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-O1"]
CXXFLAGS = ["-std=c++20", "-Wall", "-Wextra", "-Werror", "-O1"]
DIRECTIVE = re.compile(r"^\s*(?://|/\*)\s*(?P<key>[a-z-]+):(?P<value>.*?)(?:\*/)?\s*$")
KEYS = {"build-flags", "build-with", "requires", "preload", "build-as"}
# The older name, kept for readers of earlier commits and for other tests that may import it.
BUILD_FLAGS = re.compile(r"^\s*(?://|/\*)\s*build-flags:(?P<flags>.*?)(?:\*/)?\s*$")


def directives(source: Path) -> dict[str, list[str]]:
    """The `key: value` comments in the first five lines of an example, values split like a shell."""
    found: dict[str, list[str]] = {}
    for line in source.read_text(encoding="utf-8").splitlines()[:5]:
        if (match := DIRECTIVE.match(line)) and match.group("key") in KEYS:
            found[match.group("key")] = shlex.split(match.group("value"))
    return found


def build_flags(source: Path) -> list[str]:
    """Extra flags the example declares in a `build-flags:` comment near its top."""
    return directives(source).get("build-flags", [])


def is_library(source: Path) -> bool:
    return directives(source).get("build-as") == ["shared"]


ALL_SOURCES = sorted([*DOCS.glob("*/examples/*.c"), *DOCS.glob("*/examples/*.cpp")])
EXAMPLES = [p for p in ALL_SOURCES if not is_library(p)]
LIBRARIES = [p for p in ALL_SOURCES if is_library(p)]
EXTRA_FILES = sorted([*DOCS.glob("*/examples/*.S"), *DOCS.glob("*/examples/*.h"), *LIBRARIES])
example_ids = [f"{p.parent.parent.name}/{p.name}" for p in EXAMPLES]
extra_ids = [f"{p.parent.parent.name}/{p.name}" for p in EXTRA_FILES]


def test_there_is_a_c_example() -> None:
    assert EXAMPLES, "no docs/*/examples/*.c found"


@dataclass(frozen=True)
class Compilers:
    cc: str
    cxx: str | None


@pytest.fixture(scope="module")
def compilers() -> Compilers:
    cc = shutil.which("cc")
    if cc is None:
        pytest.skip("no C compiler: install the Debian packages gcc and libc6-dev")
    return Compilers(cc=cc, cxx=shutil.which("g++"))


@pytest.fixture(scope="module")
def cc(compilers: Compilers) -> str:
    return compilers.cc


def shown(path: Path) -> str:
    """The path as a reader of the report wants it: relative to the project when it is inside."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def compiler_for(compilers: Compilers, source: Path) -> tuple[str, list[str]]:
    if source.suffix == ".cpp":
        if compilers.cxx is None:
            pytest.skip(f"{source.name} needs a C++ compiler: install the Debian package g++")
        return compilers.cxx, CXXFLAGS
    return compilers.cc, CFLAGS


def run_compiler(command: list[str], source: Path) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{shown(source)} does not compile cleanly:\n{result.stderr}"


def compile_example(compiler: str, source: Path, out_dir: Path, flags: list[str] | None = None) -> Path:
    """Build one program together with the files its `build-with:` line names."""
    binary = out_dir / source.stem
    extra = [str(source.parent / name) for name in directives(source).get("build-with", [])]
    for path in extra:
        assert Path(path).is_file(), f"{shown(source)}: build-with names {path}, which does not exist"
    command = [compiler, *(CFLAGS if flags is None else flags), "-o", str(binary), str(source), *extra]
    run_compiler([*command, *build_flags(source)], source)
    return binary


def compile_library(compiler: str, source: Path, out_dir: Path) -> Path:
    library = out_dir / f"{source.stem}.so"
    command = [compiler, *CFLAGS, "-shared", "-fPIC", "-o", str(library), str(source), *build_flags(source)]
    run_compiler(command, source)
    return library


def skip_unless_machine_fits(source: Path) -> None:
    machines = directives(source).get("requires")
    if machines and platform.machine() not in machines:
        pytest.skip(f"{source.name} is for {' '.join(machines)} only; this machine is {platform.machine()}")


def run(binary: Path, source: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([str(binary)], capture_output=True, text=True, timeout=TIME_LIMIT, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{shown(source)}: still running after {TIME_LIMIT} s")


@pytest.mark.parametrize("source", EXAMPLES, ids=example_ids)
def test_c_example_prints_its_out_file(compilers: Compilers, source: Path, tmp_path: Path) -> None:
    skip_unless_machine_fits(source)
    expected = source.with_suffix(".out").read_text(encoding="utf-8")
    compiler, flags = compiler_for(compilers, source)
    binary = compile_example(compiler, source, tmp_path, flags)
    env = None
    preload = directives(source).get("preload", [])
    if preload:
        libraries = [compile_library(compilers.cc, source.parent / name, tmp_path) for name in preload]
        env = {**os.environ, "LD_PRELOAD": " ".join(str(lib) for lib in libraries)}
    result = run(binary, source, env)
    assert result.returncode == 0, f"{source.name} exited with {result.returncode}:\n{result.stderr}"
    assert result.stdout == expected, f"output of {source.name} differs from {source.with_suffix('.out').name}"
    if preload:
        bare = run(binary, source)
        assert bare.returncode != 0 or bare.stdout != expected, (
            f"{source.name} prints its .out even without LD_PRELOAD: the hook library is not what it shows"
        )


def pages_of(topic: Path) -> list[tuple[Path, str]]:
    return [(p, p.read_text(encoding="utf-8")) for p in topic.glob("*.md")]


def snippet_line(path: Path) -> str:
    return f'--8<-- "{path.parent.parent.name}/examples/{path.name}"'


def is_shown(path: Path, markers: list[str]) -> bool:
    wanted = [snippet_line(path), *markers]
    return any(any(w in text for w in wanted) for _, text in pages_of(path.parent.parent))


@pytest.mark.parametrize("source", EXAMPLES, ids=example_ids)
def test_c_example_is_shown_on_a_page(source: Path) -> None:
    marker = f"<!-- example: examples/{source.name} -->"
    topic = source.parent.parent
    if source.suffix == ".c" and any(marker in text for _, text in pages_of(topic)):
        return
    out = source.with_suffix(".out")
    assert is_shown(source, []), f"no page in docs/{topic.name}/ includes {marker} or {snippet_line(source)}"
    assert is_shown(out, []), f"{source.name} is on a page, but its output is not: add {snippet_line(out)}"


@pytest.mark.parametrize("path", EXTRA_FILES, ids=extra_ids)
def test_extra_example_file_is_shown_and_used(path: Path) -> None:
    assert is_shown(path, []), f"no page in docs/{path.parent.parent.name}/ includes {snippet_line(path)}"
    siblings = [p for p in EXAMPLES if p.parent == path.parent]
    if path.suffix == ".S":
        users = [p for p in siblings if path.name in directives(p).get("build-with", [])]
        assert users, f"{shown(path)} is not built: name it in some example's `// build-with:` line"
    elif path.suffix == ".h":
        users = [p for p in siblings if f'#include "{path.name}"' in p.read_text(encoding="utf-8")]
        assert users, f"{shown(path)} is not included by any example"
    else:
        users = [p for p in siblings if path.name in directives(p).get("preload", [])]
        assert users, f"{shown(path)} is a library no example preloads: name it in a `// preload:` line"


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


def test_directives_are_read_from_the_first_lines(tmp_path: Path) -> None:
    source = tmp_path / "sw.c"
    source.write_text("// build-with: a.S b.S\n// requires: x86_64\n/* preload: h.c */\nint main(void){}\n")
    assert directives(source) == {"build-with": ["a.S", "b.S"], "requires": ["x86_64"], "preload": ["h.c"]}
    source.write_text("\n\n\n\n\n// requires: x86_64\n")
    assert directives(source) == {}, "only the first five lines count"


def test_build_with_links_assembly_into_the_program(cc: str, tmp_path: Path) -> None:
    if platform.machine() != "x86_64":
        pytest.skip(f"the assembly in this test is x86-64; this machine is {platform.machine()}")
    (tmp_path / "seven.S").write_text(
        '.globl seven\n.type seven,@function\nseven:\n movl $7, %eax\n ret\n.section .note.GNU-stack,"",@progbits\n'
    )
    main = tmp_path / "main.c"
    main.write_text(
        '// build-with: seven.S\n#include <stdio.h>\nint seven(void);\nint main(void) { printf("%d", seven()); }\n'
    )
    binary = compile_example(cc, main, tmp_path)
    assert subprocess.run([str(binary)], capture_output=True, text=True).stdout == "7"


def test_a_library_is_preloaded(cc: str, tmp_path: Path) -> None:
    lib = tmp_path / "fake.c"
    lib.write_text("// build-as: shared\nint getpid(void) { return 42; }\n")
    assert is_library(lib)
    so = compile_library(cc, lib, tmp_path)
    main = tmp_path / "pid.c"
    main.write_text('#include <stdio.h>\n#include <unistd.h>\nint main(void) { printf("%d", (int)getpid()); }\n')
    binary = compile_example(cc, main, tmp_path)
    with_hook = subprocess.run([str(binary)], capture_output=True, text=True, env={**os.environ, "LD_PRELOAD": str(so)})
    assert with_hook.stdout == "42"
    assert subprocess.run([str(binary)], capture_output=True, text=True).stdout != "42"
