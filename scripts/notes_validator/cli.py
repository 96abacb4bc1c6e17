"""Command line: parse options, run collect → check → report, map the result to an exit status."""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .errors import UsageError
from .model import ERROR, WARNING, Finding, Page, Position
from .online.cache import Cache
from .report import FORMATS
from .site import check_site
from .snapshots import verify_against_snapshots
from .sources import read_site

FORMAT_NAMES = tuple(sorted(FORMATS))

DEFAULT_ARCHIVE_API = "https://archive.org/wayback/available"
DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")
UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def duration(value: str) -> float:
    match = DURATION.match(value)
    if not match:
        raise argparse.ArgumentTypeError(f"'{value}' is not a duration like 3600, 30m, 12h or 1d")
    return float(match.group(1)) * UNITS[match.group(2)]


def whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type for whole numbers of at least `minimum`."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"'{value}' must be at least {minimum}")
        return number

    return parse


positive_int = whole_number(1)
non_negative_int = whole_number(0)


def seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of seconds") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"'{value}' must not be negative")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="validate.py",
        description="Check every link and every quoted note of a MkDocs site: offline by default, online on request.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="Markdown files or folders (default: docs_dir)")
    parser.add_argument("--config", metavar="FILE", help="mkdocs.yml to read (default: ./mkdocs.yml when present)")
    parser.add_argument("--online", action="store_true", help="also fetch external links and quote sources")
    parser.add_argument("--format", choices=FORMAT_NAMES, default="text", help="report format (default: text)")
    parser.add_argument("--max-concurrency", type=positive_int, default=64, metavar="N")
    parser.add_argument("--host-concurrency", type=positive_int, default=8, metavar="N")
    parser.add_argument("--host-request-interval", type=seconds, default=0.05, metavar="SECONDS")
    parser.add_argument("--timeout", type=seconds, default=20.0, metavar="SECONDS")
    parser.add_argument("--retries", type=non_negative_int, default=3, metavar="N")
    parser.add_argument("--retry-wait", type=seconds, default=1.0, metavar="SECONDS", help="first backoff (doubles)")
    parser.add_argument("--max-redirects", type=non_negative_int, default=10, metavar="N")
    parser.add_argument("--cache", default=".cache/validate", metavar="DIR", help="cache folder (.cache/validate)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--max-cache-age", type=duration, default=86400.0, metavar="AGE", help="reuse successes (1d)")
    parser.add_argument("--allow-private", action="store_true", help="allow loopback and private addresses")
    parser.add_argument("--archive-api", default=DEFAULT_ARCHIVE_API, metavar="URL", help="Wayback availability API")
    return parser


def open_cache(args: argparse.Namespace) -> Cache | None:
    if args.no_cache:
        return None
    return Cache(Path(args.cache), args.max_cache_age)


def check_online(args: argparse.Namespace, pages: list[Page], cache: Cache | None) -> tuple[list[Finding], dict]:
    """Online findings for every page's external links and quote sources."""
    from .online.checker import OnlineChecker
    from .online.fetch import FetchSettings

    if cache is not None:
        cache.load()
    settings = FetchSettings(
        max_concurrency=args.max_concurrency,
        host_concurrency=args.host_concurrency,
        host_request_interval=args.host_request_interval,
        timeout=args.timeout,
        retries=args.retries,
        max_redirects=args.max_redirects,
        retry_wait=args.retry_wait,
    )
    checker = OnlineChecker(
        settings,
        allow_private=args.allow_private,
        cache=cache,
        archive_api=args.archive_api,
        progress=sys.stderr.isatty(),
    )
    findings = checker.run(pages)
    return findings, checker.stats


def run(args: argparse.Namespace) -> tuple[list[Finding], dict[str, object]]:
    started = time.monotonic()
    config, files = read_site(args.config, args.paths)
    result = check_site(config, files, None if args.no_cache else Path(args.cache))
    findings, stats = result.findings, {**result.stats, "online": bool(args.online)}
    cache = open_cache(args)
    if args.online:
        online_findings, online_stats = check_online(args, result.pages, cache)
        findings.extend(online_findings)
        stats.update(online_stats)
    elif cache is not None:
        findings.extend(verify_against_snapshots(result.pages, cache))
    if cache is not None:
        for file, message in cache.warnings:
            findings.append(Finding(Position(file, 1, 1), WARNING, "cache", message))
    stats["duration_s"] = round(time.monotonic() - started, 3)
    return findings, stats


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed usage and the problem
        return int(exc.code or 0)
    try:
        findings, stats = run(args)
        sys.stdout.write(FORMATS[args.format](findings, stats))
    except UsageError as exc:
        print(f"validate.py: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("validate.py: interrupted", file=sys.stderr)
        return 130
    return 1 if any(f.severity == ERROR for f in findings) else 0
