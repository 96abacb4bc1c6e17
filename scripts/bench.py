#!/usr/bin/env python3
"""Benchmarks: our link checker against lychee on a local link farm, plus site build time and page weight.

    python scripts/bench.py                      # the full run (N = 2,000 and 20,000), a few minutes
    python scripts/bench.py --sizes 50 --hosts 2 --runs 1 --skip-site --out /tmp/bench   # a smoke run

It starts its own link farm on 127.0.0.1-127.0.0.10 (nginx with the Lua module, or a Python fallback),
writes a Markdown corpus of N links (5 % of them answered with 404), runs both checkers with the same
politeness settings several times each, then times the validator's warm-cache rerun, the offline
validation and the build of the real site, and measures every page's first-load weight. Results go to
<out>/RESULTS.md, <out>/results.json and <out>/chart.svg. Numbers are measured, never assumed: a step
that cannot run is reported as skipped, with the reason.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import pageweight
from benchlib.corpus import Corpus, write_corpus
from benchlib.floor import measure_floor
from benchlib.linkfarm import FarmError, LinkFarm
from benchlib.machine import describe
from benchlib.report import write_report
from benchlib.timing import Run, run_timed

REPO = Path(__file__).resolve().parent.parent
VALIDATOR = REPO / "scripts" / "validate.py"
CONCURRENCY = 64
HOST_CONCURRENCY = 8
MISSING_URL = re.compile(r"/missing/(\d+)")
AIOREF_OUTPUT = re.compile(r"^\d+ \d+\n?$")


def find_lychee() -> str | None:
    beside_python = Path(sys.executable).parent / "lychee"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("lychee")


def ours_command(corpus: Corpus, cache: bool) -> list[str]:
    # --format json names each broken URL, so the run can be checked against the farm's own count.
    # --archive-api '' turns off the Wayback lookup for dead links: lychee does none without --suggest.
    args = [sys.executable, str(VALIDATOR), "--online", "--allow-private", "--format", "json", "--archive-api", ""]
    if not cache:
        args.append("--no-cache")
    args += [
        "--max-concurrency",
        str(CONCURRENCY),
        "--host-concurrency",
        str(HOST_CONCURRENCY),
        "--host-request-interval",
        "0",
        str(corpus.root / "docs"),
    ]
    return args


def lychee_command(lychee: str, corpus: Corpus, cache: bool = False) -> list[str]:
    # lychee reads and writes .lycheecache (in the corpus folder, its working directory) only with --cache.
    # Loopback is checked unless --exclude-loopback / -E is given, so the farm needs no extra flag.
    return [
        lychee,
        *(["--cache"] if cache else []),
        "--max-concurrency",
        str(CONCURRENCY),
        "--host-concurrency",
        str(HOST_CONCURRENCY),
        "--host-request-interval",
        "0ms",
        "--no-progress",
        "--",
        str(corpus.root / "docs"),
    ]


def _ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.0f} ms"


def broken_reported(run: Run) -> int:
    """How many distinct broken farm URLs a checker printed (works for any output format)."""
    if AIOREF_OUTPUT.match(run.stdout):
        return int(run.stdout.split()[1])  # the reference loop prints counts, not URLs
    return len(set(MISSING_URL.findall(run.stdout + run.stderr)))


def child_env() -> dict[str, str]:
    """The environment for timed children: bytecode caching on, as in a normal install."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed_check(farm: LinkFarm, args: list[str], cwd: Path) -> dict[str, Any]:
    farm.reset_stats()
    started = time.time()
    run = run_timed(args, cwd=cwd, env=child_env())
    ended = time.time()
    served = farm.stats()
    return {
        "seconds": run.seconds,
        # Time before the first request reached the farm, and after the last response until the process ended.
        "start_lag": served.first_request - started if served.first_request else None,
        "end_lag": ended - served.last_response if served.last_response else None,
        "peak_rss_mb": run.peak_rss_mb,
        "returncode": run.returncode,
        "broken_reported": broken_reported(run),
        "farm_requests": served.total,
        "farm_404": served.not_found,
        "tail": (run.stdout + run.stderr).strip().splitlines()[-3:],
    }


def summarize(tool: str, n: int, runs: list[dict[str, Any]], expected_broken: int) -> dict[str, Any]:
    """Median over the runs that found exactly the corpus's broken links; a crashed run is not a fast run."""
    valid = [r for r in runs if r["broken_reported"] == expected_broken]
    failed = [r for r in runs if r["broken_reported"] != expected_broken]
    shown = valid[-1] if valid else runs[-1]
    return {
        "tool": tool,
        "n": n,
        "runs": [r["seconds"] for r in valid],
        "failed_runs": len(failed),
        "failure": failed[-1]["tail"][-1] if failed and failed[-1]["tail"] else "",
        "median": statistics.median(r["seconds"] for r in valid) if valid else float("nan"),
        "start_lag": _median_of(valid, "start_lag"),
        "end_lag": _median_of(valid, "end_lag"),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in valid) if valid else float("nan"),
        "broken_reported": shown["broken_reported"],
        "farm_404": shown["farm_404"],
        "farm_requests": shown["farm_requests"],
        "returncode": shown["returncode"],
        "tail": shown["tail"],
    }


def _median_of(runs: list[dict[str, Any]], key: str) -> float | None:
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def note_failures(results: dict[str, Any], summary: dict[str, Any]) -> None:
    if summary["failed_runs"]:
        results["notes"].append(
            f"{summary['tool']}, N = {summary['n']:,}: {summary['failed_runs']} run(s) did not report the corpus's "
            f"broken links and were left out of the median; last output line: {summary['failure']}"
        )


def validator_online_works(farm: LinkFarm, work: Path) -> str | None:
    """None if `validate.py --online` checks a tiny corpus; otherwise the reason it cannot be benchmarked."""
    if not VALIDATOR.exists():
        return f"{VALIDATOR} does not exist"
    probe = write_corpus(work / "probe", farm.base_urls, 20)
    run = run_timed(ours_command(probe, cache=False), cwd=probe.root, env=child_env())
    if broken_reported(run) != probe.broken:
        last = (run.stdout + run.stderr).strip().splitlines()[-1:] or ["no output"]
        return f"validate.py --online did not report the probe's broken link (exit {run.returncode}: {last[0]})"
    return None


def bench_online(args: argparse.Namespace, farm: LinkFarm, work: Path, results: dict[str, Any]) -> None:
    lychee = None if args.no_lychee else find_lychee()
    if lychee is None:
        results["notes"].append("lychee not run: " + ("--no-lychee given" if args.no_lychee else "not installed"))
    ours_problem = None if args.no_ours else validator_online_works(farm, work)
    if args.no_ours:
        ours_problem = "--no-ours given"
    if ours_problem:
        results["notes"].append(f"validator not run: {ours_problem}")
    for n in args.sizes:
        corpus = write_corpus(work / f"corpus-{n}", farm.base_urls, n)
        urls = [f"{base}/page/{i}" for i, base in enumerate(farm.base_urls)]  # warm the farm's connections
        measure_floor(urls, CONCURRENCY, HOST_CONCURRENCY)
        all_urls = corpus_urls(corpus)
        floors = [measure_floor(all_urls, CONCURRENCY, HOST_CONCURRENCY)[0] for _ in range(args.runs)]
        results["floor"].append({"n": n, "runs": floors, "median": statistics.median(floors)})
        print(f"N={n}: bare keep-alive client {statistics.median(floors):.3f} s", flush=True)
        per_tool: dict[str, list[dict[str, Any]]] = {"ours": [], "lychee": [], "aiohttp": []}
        aioref = [sys.executable, str(Path(__file__).resolve().parent / "benchlib" / "aioref.py")]
        for _ in range(args.runs):  # alternate the tools so drift on a shared machine hits both alike
            if not args.no_aiohttp:
                per_tool["aiohttp"].append(timed_check(farm, [*aioref, str(corpus.root / "docs")], corpus.root))
            if not ours_problem:
                per_tool["ours"].append(timed_check(farm, ours_command(corpus, cache=False), corpus.root))
            if lychee:
                per_tool["lychee"].append(timed_check(farm, lychee_command(lychee, corpus), corpus.root))
        for tool, runs in per_tool.items():
            if runs:
                summary = summarize(tool, n, runs, corpus.broken) | {"corpus_broken": corpus.broken}
                note_failures(results, summary)
                if not summary["runs"]:
                    continue
                results["online"].append(summary)
                print(
                    f"N={n}: {tool:6s} median {summary['median']:.3f} s, peak {summary['peak_rss_mb']:.0f} MB, "
                    f"broken reported {summary['broken_reported']} / farm 404s {summary['farm_404']}, "
                    f"first request after {_ms(summary['start_lag'])}, exit {_ms(summary['end_lag'])} after the last",
                    flush=True,
                )
        if not args.no_warm:
            commands = {}
            if per_tool["ours"]:
                commands["ours (warm cache)"] = ours_command(corpus, cache=True)
            if per_tool["lychee"] and lychee:  # the reference: how much a warm cache saves lychee
                commands["lychee (warm cache)"] = lychee_command(lychee, corpus, cache=True)
            for tool, command in commands.items():
                warm = bench_warm(args, farm, corpus, tool, command)
                note_failures(results, warm)
                if warm["runs"]:
                    results["warm"].append(warm)
        shutil.rmtree(corpus.root, ignore_errors=True)


def bench_python_start(args: argparse.Namespace, results: dict[str, Any]) -> None:
    """What every Python checker pays before its first request: starting the interpreter and importing asyncio."""
    commands = {"interpreter": [sys.executable, "-c", "pass"], "asyncio": [sys.executable, "-c", "import asyncio"]}
    run_timed(commands["asyncio"], env=child_env())  # warm-up: disk cache
    timings = {
        name: [run_timed(command, env=child_env()).seconds for _ in range(args.runs)]
        for name, command in commands.items()
    }
    results["python_start"] = {name: statistics.median(runs) for name, runs in timings.items()}
    print(
        "python start-up: interpreter {interpreter:.3f} s, with import asyncio {asyncio:.3f} s".format(
            **results["python_start"]
        ),
        flush=True,
    )


def corpus_urls(corpus: Corpus) -> list[str]:
    pattern = re.compile(r"\]\((http://[^)]+)\)")
    return [url for path in corpus.files for url in pattern.findall(path.read_text(encoding="utf-8"))]


def bench_warm(
    args: argparse.Namespace, farm: LinkFarm, corpus: Corpus, tool: str, command: list[str]
) -> dict[str, Any]:
    """Fill a checker's cache with one run, then time reruns that should find every success cached."""
    fill = timed_check(farm, command, corpus.root)
    warm = [timed_check(farm, command, corpus.root) for _ in range(args.runs)]
    summary = summarize(tool, corpus.links, warm, corpus.broken)
    summary["fill_seconds"] = fill["seconds"]
    print(
        f"N={corpus.links}: {tool} rerun median {summary['median']:.3f} s "
        f"({summary['farm_requests']} requests reached the farm)",
        flush=True,
    )
    return summary


def bench_site(args: argparse.Namespace, work: Path, results: dict[str, Any]) -> None:
    python = sys.executable
    if VALIDATOR.exists():
        run_timed([python, str(VALIDATOR)], cwd=REPO, env=child_env())  # warm-up: bytecode cache, disk cache
        runs = [run_timed([python, str(VALIDATOR)], cwd=REPO, env=child_env()) for _ in range(args.runs)]
        crashed = [r for r in runs if r.returncode not in (0, 1) or "Traceback" in r.stderr]
        if crashed:
            last = (crashed[-1].stderr.strip().splitlines() or ["no output"])[-1]
            results["notes"].append(f"offline validation: {len(crashed)} run(s) crashed or failed to start: {last}")
        results["offline"] = {
            "runs": [r.seconds for r in runs],
            "median": statistics.median(r.seconds for r in runs),
            "peak_rss_mb": max(r.peak_rss_mb for r in runs),
            "returncode": runs[-1].returncode,
            "tail": (runs[-1].stdout + runs[-1].stderr).strip().splitlines()[-3:],
        }
        print(f"offline validation of docs/: median {results['offline']['median']:.3f} s", flush=True)
    else:
        results["notes"].append("offline validation not run: scripts/validate.py does not exist yet")
    site = work / "site"
    build = [python, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    run_timed(build, cwd=REPO, env=child_env())  # warm-up: jieba builds its dictionary cache on the first run
    runs = [run_timed(build, cwd=REPO, env=child_env()) for _ in range(args.build_runs)]
    results["build"] = {
        "runs": [r.seconds for r in runs],
        "median": statistics.median(r.seconds for r in runs),
        "returncode": runs[-1].returncode,
        "tail": (runs[-1].stdout + runs[-1].stderr).strip().splitlines()[-3:],
    }
    print(f"mkdocs build: median {results['build']['median']:.2f} s (exit {runs[-1].returncode})", flush=True)
    if not (site / "index.html").exists():
        results["notes"].append("page weight not measured: the build produced no site")
        return
    method, weights = pageweight.measure(site, args.page_weight)
    results["page_weight"] = {"method": method, "pages": [vars(w) for w in weights]}
    heaviest = weights[0]
    print(
        f"heaviest page ({method}): /{heaviest.page} {heaviest.bytes / 1024:.0f} KB "
        f"({heaviest.gzip_bytes / 1024:.0f} KB gzip, {heaviest.requests} requests)",
        flush=True,
    )


def use_validator_commit(revision: str, work: Path) -> str:
    """Measure the validator as committed at `revision` (not a half-edited working tree): export it to `work`."""
    global VALIDATOR
    paths = ["scripts/validate.py", "scripts/notes_validator"]
    target = work / "validator"
    target.mkdir()
    archive = subprocess.run(["git", "archive", revision, "--", *paths], cwd=REPO, capture_output=True, check=False)
    if archive.returncode != 0:
        raise SystemExit(f"bench: --validator-commit {revision}: {archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    VALIDATOR = target / "scripts" / "validate.py"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", revision], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    return f"commit {commit} (exported with git archive)"


def validator_version() -> str:
    """The commit the validator was measured at, and whether its files had uncommitted changes."""
    paths = ["scripts/validate.py", "scripts/notes_validator"]
    try:
        commit = subprocess.run(
            ["git", "log", "-1", "--format=%h", "--", *paths], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", *paths], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"last changed in {commit or 'no commit'}" + (" + uncommitted changes" if dirty else "")


def load_average() -> str:
    """1-minute load: other work on a shared machine shows up here and in the timings."""
    return f"{os.getloadavg()[0]:.2f}"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,20000", help="corpus sizes, comma-separated (default 2000,20000)")
    parser.add_argument("--hosts", type=int, default=10, help="farm hosts 127.0.0.1..N (default 10)")
    parser.add_argument("--latency-ms", type=float, default=20.0, help="farm latency per response (default 20)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median reported; default 5)")
    parser.add_argument("--build-runs", type=int, default=3, help="timed mkdocs builds (default 3)")
    parser.add_argument("--farm", choices=["auto", "nginx", "python"], default="auto", help="link farm server")
    parser.add_argument("--no-lychee", action="store_true", help="do not run lychee")
    parser.add_argument("--no-ours", action="store_true", help="do not run scripts/validate.py online")
    parser.add_argument("--no-aiohttp", action="store_true", help="do not run the plain aiohttp reference loop")
    parser.add_argument("--no-warm", action="store_true", help="skip the warm-cache rerun")
    parser.add_argument("--skip-site", action="store_true", help="skip offline validation, build and page weight")
    parser.add_argument("--page-weight", choices=["auto", "browser", "static"], default="auto")
    parser.add_argument(
        "--validator-commit", metavar="REV", help="measure scripts/validate.py as committed at REV (not the work tree)"
    )
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks", help="output folder (default benchmarks/)")
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, e.g. 2000,20000")
    if args.runs < 1 or args.build_runs < 1 or not args.sizes or min(args.sizes) < 1:
        parser.error("--runs, --build-runs and every size must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # SIGTERM unwinds like Ctrl-C, so the farm and temporary folders are always removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    lychee = None if args.no_lychee else find_lychee()
    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python scripts/bench.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "machine": describe(lychee, sys.executable),
        "settings": {
            "hosts": args.hosts,
            "latency_ms": args.latency_ms,
            "concurrency": CONCURRENCY,
            "host_concurrency": HOST_CONCURRENCY,
            "runs": args.runs,
        },
        "floor": [],
        "online": [],
        "warm": [],
        "notes": [],
    }
    load_at_start = load_average()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        validator_at_start = use_validator_commit(args.validator_commit, work) if args.validator_commit else None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    validator_at_start = validator_at_start or validator_version()
    try:
        with LinkFarm(hosts=args.hosts, latency_ms=args.latency_ms, kind=args.farm) as farm:
            results["farm"] = farm.description
            print(f"link farm: {farm.description}, {' '.join(farm.base_urls)}", flush=True)
            bench_online(args, farm, work, results)
        bench_python_start(args, results)
        if not args.skip_site:
            bench_site(args, work, results)
    except FarmError as error:
        print(f"bench: link farm: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bench: interrupted; the link farm is stopped and nothing was written", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["machine"]["Load average (start → end)"] = f"{load_at_start} → {load_average()}"
    results["machine"]["Validator (scripts/validate.py)"] = validator_at_start
    paths = write_report(results, args.out)
    print("wrote " + ", ".join(str(p) for p in paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
