"""Measure what one coroutine switch costs: ucontext, the hand-written switches, boost.context, C++20.

Builds scripts/bench_switch/bench_switch.c (with ctxswitch.S, naive_switch.S and jmp_switch.S from
docs/libco/examples) and scripts/bench_switch/bench_switch.cpp with the system gcc/g++ at -O2, runs
them and scripts/bench_switch/bench_switch.lua (on lua5.4) in every mode `--repeat`
times with `--n` round trips each (a round trip is two switches: resume and yield), and writes a
Markdown table of nanoseconds per switch (minimum and median over the repeats) with the machine it
ran on. A benchmark reports, it does not judge: there are no thresholds here.

Every program times itself in the process's CPU time (clock_gettime(CLOCK_PROCESS_CPUTIME_ID), and
os.clock in Lua), so that the time spent waiting for a core on a loaded machine is not counted, and
the runs are interleaved (one run of every mode, then the next round), so that a change of load
falls on all modes alike. Each program switches once before it starts the clock.

    python scripts/bench_switch.py     # writes benchmarks/switch.md and docs/libco/data/switch_cost.txt
    python scripts/bench_switch.py --n 1000 --repeat 1 --output /tmp/s.md --table /tmp/s.txt   # smoke run

The hand-written switch is x86-64 assembly; on other machines its rows are reported as skipped.
Rows whose tool is missing (g++, libboost-context-dev) are reported as skipped, naming the package.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "bench_switch"
EXAMPLES = ROOT / "docs" / "libco" / "examples"
DEFAULT_OUTPUT = ROOT / "benchmarks" / "switch.md"
# The same table without the heading, included by docs/libco/compare.md with pymdownx.snippets.
DEFAULT_TABLE = ROOT / "docs" / "libco" / "data" / "switch_cost.txt"


@dataclass(frozen=True)
class Mode:
    name: str  # argument to the benchmark binary
    binary: str  # "c" or "cpp"
    label: str  # row title in the report
    saves: str  # what one switch saves, for the reader


MODES = [
    Mode("ucontext", "c", "glibc `swapcontext`", "大部分通用寄存器、浮点环境、信号屏蔽字（一次系统调用）"),
    Mode("ctx", "c", "本站的 `ctx_switch`", "6 个通用寄存器 + rsp、MXCSR、x87 控制字"),
    Mode("naive", "c", "本站的 `naive_switch`", "6 个通用寄存器 + rsp（和 libco 的范围相当）"),
    Mode("jmp", "c", "本站的 `jmp_switch`", "同 `ctx_switch`，但以间接 jmp 代替 ret"),
    Mode("fiber", "cpp", "boost.context `fiber`", "6 个通用寄存器 + rsp、MXCSR、x87 控制字"),
    Mode("cpp20", "cpp", "C++20 协程 `resume`", "无寄存器现场：状态在堆上的协程帧里"),
    Mode("lua", "lua", "Lua 5.4 `coroutine.resume`", "不换 C 栈：resume 时 setjmp，yield 时 longjmp"),
]


@dataclass
class Row:
    mode: Mode
    minimum: float | None = None
    median: float | None = None
    skipped: str = ""


def build(tmp: Path) -> dict[str, Path | str]:
    """Compile both benchmark binaries; a value that is a str is the reason that binary is missing."""
    built: dict[str, Path | str] = {}
    cc, cxx = shutil.which("gcc"), shutil.which("g++")
    if platform.machine() != "x86_64":
        built["c"] = f"the hand-written switch is x86-64 assembly; this machine is {platform.machine()}"
    elif cc is None:
        built["c"] = "no C compiler: install the Debian package gcc"
    else:
        binary = tmp / "bench_switch"
        sources = [
            SOURCES / "bench_switch.c",
            *(EXAMPLES / f"{name}.S" for name in ("ctxswitch", "naive_switch", "jmp_switch")),
        ]
        command = [cc, "-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", f"-I{EXAMPLES}", "-o", str(binary)]
        subprocess.run([*command, *map(str, sources)], check=True)
        built["c"] = binary
    if cxx is None:
        built["cpp"] = "no C++ compiler: install the Debian package g++"
    else:
        binary = tmp / "bench_switch_cpp"
        command = [cxx, "-std=c++20", "-O2", "-Wall", "-Wextra", "-Werror", "-o", str(binary)]
        result = subprocess.run(
            [*command, str(SOURCES / "bench_switch.cpp"), "-lboost_context"], capture_output=True, text=True
        )
        built["cpp"] = binary if result.returncode == 0 else "does not build: install libboost-context-dev"
    lua = shutil.which("lua5.4")
    built["lua"] = Path(lua) if lua else "no Lua interpreter: install the Debian package lua5.4"
    return built


def measure_once(binary: Path, mode: str, n: int) -> float:
    script = [str(SOURCES / "bench_switch.lua")] if mode == "lua" else [mode]
    out = subprocess.run([str(binary), *script, str(n)], capture_output=True, text=True, check=True, timeout=300)
    return float(out.stdout.strip())


def first_match(path: str, pattern: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    match = re.search(pattern, text, re.M)
    return match.group(1).strip() if match else "unknown"


def tool_version(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    except OSError:
        return "absent"
    return out.splitlines()[0].strip() if out else "absent"


def machine() -> list[str]:
    boost = first_match("/usr/include/boost/version.hpp", r'#define BOOST_LIB_VERSION "([^"]+)"')
    cpu = first_match("/proc/cpuinfo", r"^model name\s*:(.*)$")
    system = first_match("/etc/os-release", r'^PRETTY_NAME="?([^"]*)')
    return [
        f"CPU: {cpu}, {_cores()} cores",
        f"OS: {system}, kernel {platform.release()}",
        f"Compilers: {tool_version(['gcc', '--version'])}; {tool_version(['g++', '--version'])}; -O2",
        f"C library: {tool_version(['ldd', '--version'])}; boost {boost.replace('_', '.')}; "
        f"{tool_version(['lua5.4', '-v']).split('  ')[0]}",
    ]


def _cores() -> int:
    return os.cpu_count() or 1


def report(rows: list[Row], n: int, repeat: int) -> str:
    lines = [
        "# Switch cost",
        "",
        "Written by `scripts/bench_switch.py`; do not edit by hand. Nanoseconds per switch (one way:",
        f"a resume or a yield), {n:,} round trips per run, minimum and median of {repeat} runs.",
        "",
        table(rows, n, repeat),
    ]
    return "\n".join(lines)


def table(rows: list[Row], n: int, repeat: int) -> str:
    """The machine and the measurements, as Markdown that a page can include as it is."""
    lines = [
        *[f"- {item}" for item in machine()],
        f"- 每种方式运行 {repeat} 次，每次往返 {n:,} 次（一次往返是两次切换）；各种方式轮流运行，计时开始前先切换一次",
        "- 计时用的是进程的 CPU 时间（C 和 C++ 用 `clock_gettime(CLOCK_PROCESS_CPUTIME_ID)`，Lua 用 `os.clock`），"
        "等待 CPU 的时间不算在内",
        f"- 测量结束时的系统负载（1 分钟平均）：{os.getloadavg()[0]:.2f}，这台机器同时还在跑别的任务",
        "",
        "| 切换方式 | 每次切换保存什么 | 最小值 (ns) | 中位数 (ns) |",
        "|---|---|---:|---:|",
    ]
    for row in rows:
        if row.skipped:
            lines.append(f"| {row.mode.label} | {row.mode.saves} | skipped: {row.skipped} | |")
        else:
            lines.append(f"| {row.mode.label} | {row.mode.saves} | {row.minimum:.1f} | {row.median:.1f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2_000_000, help="round trips per run")
    parser.add_argument("--repeat", type=int, default=7, help="runs per mode")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the Markdown goes")
    parser.add_argument("--table", type=Path, default=DEFAULT_TABLE, help="where the table for the page goes")
    args = parser.parse_args(argv)
    rows = [Row(mode) for mode in MODES]
    runs: dict[str, list[float]] = {row.mode.name: [] for row in rows}
    with tempfile.TemporaryDirectory(prefix="bench-switch-") as tmp:
        built = build(Path(tmp))
        for row in rows:
            if isinstance(reason := built[row.mode.binary], str):
                row.skipped = reason
        for _ in range(args.repeat):  # one run of every mode per round
            for row in rows:
                binary = built[row.mode.binary]
                if isinstance(binary, Path):
                    runs[row.mode.name].append(measure_once(binary, row.mode.name, args.n))
    for row in rows:
        if not row.skipped:
            row.minimum, row.median = min(runs[row.mode.name]), statistics.median(runs[row.mode.name])
    text = report(rows, args.n, args.repeat)
    for path, content in ((args.output, text), (args.table, table(rows, args.n, args.repeat))):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
