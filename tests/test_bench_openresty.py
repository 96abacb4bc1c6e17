"""scripts/bench_openresty.py runs on the real nginx, and the table on performance.md is its output.

The timings themselves are never asserted (benchmarks report, tests check): the smoke run only checks
that every case produced a number, and the stored table must list the script's cases in order.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from nginx_harness import missing_reason

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "scripts"))

from bench_openresty import CASES

RESULTS = DOCS / "openresty" / "examples" / "perf-results.txt"
ROW = r"^\| (?P<name>[^|]+) \| [^|]+ \| (?P<slow>[\d.]+) \| [^|]+ \| (?P<fast>[\d.]+) \| [\d.—]+ \|$"


def rows(table: str) -> list[str]:
    return [m.group("name") for m in re.finditer(ROW, table, re.MULTILINE)]


def test_page_includes_the_stored_results() -> None:
    page = (DOCS / "openresty" / "performance.md").read_text(encoding="utf-8")
    assert '--8<-- "openresty/examples/perf-results.txt"' in page
    assert rows(RESULTS.read_text(encoding="utf-8")) == [case.name for case in CASES]
    assert "2 cores" in RESULTS.read_text(encoding="utf-8")


@pytest.mark.nginx
def test_quick_run_measures_every_case() -> None:
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench_openresty.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert rows(result.stdout) == [case.name for case in CASES]
    assert "lua-nginx-module 0.10.23" in result.stdout
