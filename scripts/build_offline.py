"""Build the offline edition and pack it as a zip a reader unzips and opens with a double click.

    python scripts/build_offline.py            # -> dist/lua-notes-offline.zip

The zip holds one folder, lua-notes-offline/, with index.html at its top. Before packing, every
HTML page is checked for things a browser would load from the network (scripts, stylesheets,
images, frames): the offline edition must open from file:// with no network at all.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP_FOLDER = "lua-notes-offline"
DEFAULT_OUTPUT = ROOT / "dist" / f"{TOP_FOLDER}.zip"

# Attributes whose URL the browser fetches by itself, without the reader clicking anything.
# Plain <a href="https://..."> links are fine: they only leave file:// when clicked.
_AUTO_LOADED = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed|input)\b[^>]*?\s(?:src|srcset|poster)=["']?(?P<url>(?:https?:)?//[^"'\s>]+)"""
    r"""|<link\b(?=[^>]*\srel=["']?(?:stylesheet|preload|modulepreload|icon|manifest)\b)[^>]*?\shref=["']?(?P<href>(?:https?:)?//[^"'\s>]+)"""
    r"""|url\(\s*["']?(?P<css>(?:https?:)?//[^"')\s]+)""",
    re.IGNORECASE,
)


class OfflineBuildError(Exception):
    """A problem the reader of this script can act on, already phrased as one line."""


def build_site(site_dir: Path, *, strict: bool = True) -> None:
    """Run `OFFLINE=true mkdocs build` into site_dir (the documented way to build the offline edition)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        problems = [line for line in result.stderr.splitlines() if line.startswith(("ERROR", "WARNING", "Aborted"))]
        details = "\n".join(problems[-15:]) or result.stderr.strip()
        raise OfflineBuildError(f"mkdocs.yml: `OFFLINE=true mkdocs build` failed:\n{details}")


def network_references(site_dir: Path) -> list[str]:
    """Every URL a page or stylesheet would fetch from the network, as 'file:line: url'."""
    found = []
    for path in sorted([*site_dir.rglob("*.html"), *site_dir.rglob("*.css")]):
        if "assets" in path.relative_to(site_dir).parts and path.suffix == ".css":
            continue  # the theme's own stylesheets reference nothing remote (fonts are off)
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in _AUTO_LOADED.finditer(text):
            url = match.group("url") or match.group("href") or match.group("css")
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(site_dir)}:{line}: {url}")
    return found


def check_offline_site(site_dir: Path) -> None:
    """Fail on what would break reading from file://: a missing offline search index or a remote asset."""
    if not (site_dir / "search" / "search_index.js").is_file():
        raise OfflineBuildError(f"{site_dir}: no search/search_index.js; is the offline plugin enabled by OFFLINE?")
    if not (site_dir / "index.html").is_file():
        raise OfflineBuildError(f"{site_dir}: no index.html at the top of the offline edition")
    remote = network_references(site_dir)
    if remote:
        raise OfflineBuildError(f"{remote[0]}: the offline edition would load this from the network")


def pack(site_dir: Path, output: Path) -> None:
    """Zip site_dir under one top folder, files in sorted order so two builds differ only in content."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*")):
            # Source maps only help someone debugging the theme; they would double the download.
            if path.is_file() and path.suffix != ".map":
                archive.write(path, f"{TOP_FOLDER}/{path.relative_to(site_dir).as_posix()}")
    partial.replace(output)


def build_offline_zip(output: Path = DEFAULT_OUTPUT, *, strict: bool = True) -> Path:
    with tempfile.TemporaryDirectory(prefix="lua-notes-offline-") as tmp:
        site_dir = Path(tmp) / TOP_FOLDER
        build_site(site_dir, strict=strict)
        check_offline_site(site_dir)
        pack(site_dir, output)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="zip to write (default: %(default)s)")
    parser.add_argument("--no-strict", action="store_true", help="do not fail on mkdocs warnings")
    parser.add_argument("--copy-into", type=Path, help="also copy the zip into this (hosted) site directory")
    args = parser.parse_args(argv)
    if args.copy_into and not args.copy_into.is_dir():
        print(f"error: {args.copy_into}: not a directory (build the hosted site first)", file=sys.stderr)
        return 1
    try:
        output = build_offline_zip(args.output.resolve(), strict=not args.no_strict)
    except OfflineBuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.copy_into:
        shutil.copy2(output, args.copy_into / output.name)
    size_kib = output.stat().st_size / 1024
    print(f"{output.relative_to(ROOT) if output.is_relative_to(ROOT) else output} ({size_kib:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
