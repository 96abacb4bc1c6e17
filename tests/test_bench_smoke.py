"""The benchmark script works: the link farm, a tiny run whose counts are right, clean shutdown.

No timing is asserted here: timings belong in benchmarks/RESULTS.md, not in pass/fail tests.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402

needs_nginx = pytest.mark.skipif(
    not bench.nginx_available(), reason="nginx with the Lua module is missing (Debian: nginx libnginx-mod-http-lua)"
)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@needs_nginx
def test_link_farm_serves_latency_and_404s_and_stops(tmp_path: Path) -> None:
    with bench.LinkFarm(hosts=3, latency_ms=20) as farm:
        broken = bench.write_farm_project(tmp_path / "p", farm.base_urls, 60)
        text = "".join(f.read_text(encoding="utf-8") for f in sorted((tmp_path / "p" / "docs").glob("*.md")))
        urls = [line.split("](")[1].rstrip(")") for line in text.splitlines() if line.startswith("- [")]
        assert len(urls) == 60 and len(set(urls)) == 60 and broken == 3
        assert {url.split("/")[2].split(":")[0] for url in urls} == {"127.0.0.1", "127.0.0.2", "127.0.0.3"}
        start = time.perf_counter()
        statuses = [_status(url) for url in urls[40:]]
        assert time.perf_counter() - start >= 20 * 0.02  # every response waited the latency
        assert statuses.count(404) == 1 and statuses[19] == 404
        port = farm.port
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


@needs_nginx
def test_smoke_run_counts_the_broken_links(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [sys.executable, "scripts/bench.py", "--sizes", "50", "--hosts", "2", "--runs", "1", "--skip-offline"]
    result = subprocess.run([*args, "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    (entry,) = results["online"]
    assert entry["n"] == 50 and entry["broken"] == 2
    tools = ["ours"] + (["build + lychee", "lychee on the Markdown"] if bench.find_lychee() else [])
    for tool in tools:
        assert entry[tool]["broken_reported"] == 2 and entry[tool]["left_out"] == 0, (tool, entry[tool])
    assert "| 50 |" in (out / "RESULTS.md").read_text(encoding="utf-8")


@needs_nginx
def test_interrupt_stops_the_farm(tmp_path: Path) -> None:
    args = [sys.executable, "scripts/bench.py", "--sizes", "200000", "--hosts", "2", "--runs", "1", "--skip-offline"]
    process = subprocess.Popen(
        [*args, "--out", str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith("link farm:"), first
    host, port = first.split()[-1].removeprefix("http://").split(":")
    socket.create_connection((host, int(port)), timeout=1).close()
    time.sleep(0.5)  # writing the big corpus, or checking it
    os.kill(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted" in err
    with pytest.raises(OSError):
        socket.create_connection((host, int(port)), timeout=1).close()
    assert not (tmp_path / "results.json").exists()


def test_runs_that_miss_broken_links_are_left_out_of_the_median() -> None:
    def run(seconds: float, broken: int, tail: str) -> dict[str, object]:
        return {"seconds": seconds, "returncode": 1, "broken": broken, "tail": [tail]}

    crashed = run(0.2, 0, "ImportError: cannot import name 'x'")
    summary = bench.summary([run(1.0, 5, "}"), crashed, run(3.0, 5, "}")], expected=5)
    assert summary["runs"] == [1.0, 3.0] and summary["median"] == 2.0
    assert summary["left_out"] == 1 and summary["left_out_because"][0].startswith("ImportError")


def test_big_page_is_one_paragraph(tmp_path: Path) -> None:
    links = bench.write_big_page_project(tmp_path, megabytes=0.05)
    text = (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")
    paragraphs = [block for block in text.split("\n\n") if block.strip()]
    assert len(paragraphs) == 3 and paragraphs[1].count("](#target)") == links  # title, the paragraph, its target
    assert len(paragraphs[1]) >= 0.05 * 1024 * 1024 - 100
