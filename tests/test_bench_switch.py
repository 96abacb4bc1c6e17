"""Smoke test of scripts/bench_switch.py: a tiny run builds every benchmark and reports every row.

The numbers are not checked (a benchmark reports, it does not judge); only that each mode either has
its numbers or says why it was skipped, and that the machine it ran on is stated.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "bench_switch.py"
LABELS = [
    "glibc `swapcontext`",
    "本站的 `ctx_switch`",
    "本站的 `naive_switch`",
    "本站的 `jmp_switch`",
    "boost.context `fiber`",
    "C++20 协程 `resume`",
    "Lua 5.4 `coroutine.resume`",
]
NUMBER = re.compile(r"\| \d+\.\d \|")


def rows(report: str) -> dict[str, str]:
    found = {}
    for label in LABELS:
        row = next((line for line in report.splitlines() if line.startswith(f"| {label} |")), None)
        assert row is not None, f"no row for {label}"
        found[label] = row
    return found


def test_a_tiny_run_reports_every_row(tmp_path: Path) -> None:
    if shutil.which("gcc") is None:
        pytest.skip("no C compiler: install the Debian package gcc")
    output, table = tmp_path / "switch.md", tmp_path / "switch_cost.txt"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--n", "200", "--repeat", "2", "--output", str(output), "--table", str(table)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = output.read_text(encoding="utf-8")
    assert "- CPU:" in report and "- Compilers:" in report, "the report must state the machine"
    assert table.read_text(encoding="utf-8") in report, "the page's table is the report's table"
    for label, row in rows(report).items():
        assert "skipped:" in row or NUMBER.search(row), f"{label}: neither numbers nor a reason: {row}"


def test_the_committed_results_have_every_row() -> None:
    report = (ROOT / "benchmarks" / "switch.md").read_text(encoding="utf-8")
    table = (ROOT / "docs" / "libco" / "data" / "switch_cost.txt").read_text(encoding="utf-8")
    assert table in report, "docs/libco/data/switch_cost.txt and benchmarks/switch.md are from different runs"
    for label, row in rows(report).items():
        assert NUMBER.search(row), f"benchmarks/switch.md has no number for {label}: rerun scripts/bench_switch.py"
