"""Write the benchmark results: RESULTS.md (tables), results.json (every run) and chart.svg."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchlib.chart import bar_chart

PAGE_LIMIT_BYTES = 300 * 1024
CHART_LABELS = {"ours": "ours (validate.py)", "aiohttp": "aiohttp (plain loop)"}


def _s(value: float) -> str:
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value * 1000:.0f} ms"


def _kb(value: float) -> str:
    return f"{value / 1024:.0f} KB"


def _target(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _online_rows(results: dict[str, Any]) -> list[str]:
    rows = [
        "| N links | ideal | bare client | plain aiohttp | ours (median) | lychee (median) | ours / lychee | ≤ 1.0? "
        "| broken found: ours / lychee / farm 404s | peak RSS: ours / lychee "
        "| first request after start: ours / lychee | exit after last response: ours / lychee |",
        "|---:|---:|---:|---:|---:|---:|---:|:-:|:-:|:-:|:-:|:-:|",
    ]
    floors = {f["n"]: f["median"] for f in results["floor"]}
    settings = results["settings"]
    in_flight = min(settings["concurrency"], settings["host_concurrency"] * settings["hosts"])
    for n in sorted(floors):
        by_tool = {r["tool"]: r for r in results["online"] if r["n"] == n}
        ours, lychee, aio = by_tool.get("ours"), by_tool.get("lychee"), by_tool.get("aiohttp")
        ratio = ours["median"] / lychee["median"] if ours and lychee else None
        found = " / ".join(str(t["broken_reported"]) if t else "–" for t in (ours, lychee))
        farm_404 = (ours or lychee or {}).get("farm_404", "–")
        rss = " / ".join(f"{t['peak_rss_mb']:.0f} MB" if t else "–" for t in (ours, lychee))
        start_lag = " / ".join(_ms(t.get("start_lag")) if t else "–" for t in (ours, lychee))
        end_lag = " / ".join(_ms(t.get("end_lag")) if t else "–" for t in (ours, lychee))
        rows.append(
            f"| {n:,} | {_s(n * settings['latency_ms'] / 1000 / in_flight)} | {_s(floors[n])} "
            f"| {_s(aio['median']) if aio else '–'} | {_s(ours['median']) if ours else '–'} "
            f"| {_s(lychee['median']) if lychee else '–'} | {f'{ratio:.2f}' if ratio else '–'} "
            f"| {_target(ratio <= 1.0) if ratio else '–'} | {found} / {farm_404} | {rss} | {start_lag} | {end_lag} |"
        )
    return rows


def _start_note(results: dict[str, Any]) -> list[str]:
    start = results.get("python_start")
    if not start:
        return []
    return [
        f"Python's own start-up on this machine, for scale: the interpreter alone takes {_ms(start['interpreter'])} "
        f"from exec to exit, and {_ms(start['asyncio'])} with `import asyncio`, before any request could be sent "
        "(medians of the same number of runs).",
        "",
    ]


def _site_rows(results: dict[str, Any]) -> list[str]:
    rows = ["| Measure | Median | Target | Met? |", "|---|---:|---|:-:|"]
    colds = {(r["tool"], r["n"]): r["median"] for r in results["online"]}
    for warm in results["warm"]:
        tool = warm.get("tool", "ours (warm cache)").split(" ")[0]  # results.json before lychee's rerun: ours only
        cold = colds.get((tool, warm["n"]))
        ratio = warm["median"] / cold if cold else float("nan")
        what = "Warm-cache rerun" if tool == "ours" else "For reference: lychee `--cache` rerun"
        target, met = ("≤ 0.1 × cold", _target(ratio <= 0.1)) if tool == "ours" else ("–", "–")
        rows.append(
            f"| {what}, N = {warm['n']:,} ({warm['farm_requests']} requests reached the farm) "
            f"| {_s(warm['median'])} ({ratio:.3f} × cold) | {target} | {met} |"
        )
    if "offline" in results:
        off = results["offline"]
        rows.append(
            f"| Offline validation of docs/ (`python scripts/validate.py`, exit {off['returncode']}, "
            f"peak {off['peak_rss_mb']:.0f} MB) | {_s(off['median'])} | < 1 s | {_target(off['median'] < 1)} |"
        )
    if "build" in results:
        build = results["build"]
        rows.append(
            f"| Full `mkdocs build` (exit {build['returncode']}) | {_s(build['median'])} | < 10 s "
            f"| {_target(build['median'] < 10)} |"
        )
    if "page_weight" in results:
        pages = results["page_weight"]["pages"]
        heaviest = max(pages, key=lambda p: p["gzip_bytes"])
        rows.append(
            f"| Heaviest first load: /{heaviest['page']} ({heaviest['requests']} requests), transferred with gzip "
            f"(uncompressed: {_kb(heaviest['bytes'])}) | {_kb(heaviest['gzip_bytes'])} | < 300 KB "
            f"| {_target(heaviest['gzip_bytes'] < PAGE_LIMIT_BYTES)} |"
        )
    return rows


def _page_rows(results: dict[str, Any]) -> list[str]:
    weight = results.get("page_weight")
    if not weight:
        return []
    pages = weight["pages"]
    over = sum(1 for p in pages if p["gzip_bytes"] >= PAGE_LIMIT_BYTES)
    over_raw = sum(1 for p in pages if p["bytes"] >= PAGE_LIMIT_BYTES)
    rows = [
        f"## First-load weight of every page ({weight['method']})",
        "",
        f"{len(pages)} pages; {over} at or above 300 KB transferred with gzip, {over_raw} at or above 300 KB "
        "uncompressed. "
        + (
            "Measured in Chromium: every response body the page received (HTML, CSS, JS, images, fonts, "
            "search index), uncompressed; the gzip column estimates the transfer from a server that compresses "
            "(GitHub Pages does), file by file with gzip -6."
            if weight["method"] == "browser"
            else "Measured from the built files: the HTML and the stylesheets, scripts, images and fonts it "
            "references (uncompressed; gzip column estimated). Files fetched by scripts are not counted."
        ),
        "",
        "| Page | First load | gzip | Requests |",
        "|---|---:|---:|---:|",
    ]
    rows += [f"| /{p['page']} | {_kb(p['bytes'])} | {_kb(p['gzip_bytes'])} | {p['requests']} |" for p in pages]
    heaviest = pages[0]
    rows += ["", f"What the heaviest page, /{heaviest['page']}, loads:", "", "| File | Size |", "|---|---:|"]
    rows += [f"| {name} | {_kb(size)} |" for name, size in heaviest.get("resources", [])]
    return [*rows, ""]


def render_markdown(results: dict[str, Any]) -> str:
    settings = results["settings"]
    machine = "\n".join(f"| {k} | {v} |" for k, v in results["machine"].items())
    notes = "\n".join(f"- {note}" for note in results["notes"]) or "- none"
    lines = [
        "# Benchmark results",
        "",
        f"Measured {results['date']} with `{results['command'].strip()}` (written by scripts/bench.py; "
        "do not edit by hand). Medians of "
        f"{settings['runs']} runs each.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        machine,
        "",
        "## Online link check, cold (no cache)",
        "",
        f"Link farm: {results.get('farm', 'not started')}; 5 % of the links answer 404. Both checkers use "
        f"{settings['concurrency']} requests in flight, {settings['host_concurrency']} per host and no interval "
        "between requests to a host. Ideal: N × latency / requests in flight, the physical limit. Bare client: "
        "a minimal asyncio keep-alive client with the same limits and no other work (scripts/benchlib/floor.py; "
        "it is Python too, so a native checker can beat it). Plain aiohttp: the simplest aiohttp loop with the "
        "same limits (scripts/benchlib/aioref.py), what an aiohttp checker can reach here.",
        "",
        *_online_rows(results),
        "",
        *_start_note(results),
        "![Online check times](chart.svg)",
        "",
        "## Validator and site",
        "",
        *_site_rows(results),
        "",
        *_page_rows(results),
        "## Notes",
        "",
        notes,
        "",
    ]
    return "\n".join(lines)


def render_chart(results: dict[str, Any]) -> str:
    groups = []
    for floor in results["floor"]:
        series = {"bare client": floor["median"]}
        for run in results["online"]:
            if run["n"] == floor["n"]:
                series[CHART_LABELS.get(run["tool"], run["tool"])] = run["median"]
        groups.append((f"N = {floor['n']:,} links, cold", series))
    return bar_chart("Link check wall time (median, lower is better)", groups)


def write_report(results: dict[str, Any], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "RESULTS.md", out / "results.json", out / "chart.svg"]
    paths[0].write_text(render_markdown(results), encoding="utf-8")
    paths[1].write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    paths[2].write_text(render_chart(results), encoding="utf-8")
    return paths
