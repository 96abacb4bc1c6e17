#!/usr/bin/env python3
"""Precision and recall of the validator's internal-link errors against what a project's built site resolves.

    python scripts/bench_precision.py PROJECT [--drop-extension NAME] [--drop-plugin NAME] [--replace OLD=NEW]
                                      [--old-validator DIR] [--json FILE]

PROJECT is a checkout of a public MkDocs project (outside this repository). Extensions and plugins that do
not install here are dropped from a copy of its mkdocs.yml (`mkdocs.precision.yml`, written next to it),
which both the build and the validator use. Then:

- truth: `mkdocs build` of that config; every `a[href]`/`img[src]` in the content of every built page is
  resolved as a browser would (under site_url's path; a fragment must be an id of the target HTML page);
- ours: the validator's error findings (checks link and anchor), keyed by (page, rendered href);
- with --old-validator DIR (a scripts/ folder of an earlier validator): its JSON report's link, anchor and
  reference errors, keyed by (page, URL as written), against the same truth.

Prints one JSON object: counts, precision, recall, timings. Benchmarks report, tests check: nothing here
passes or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notes_validator.config import load_config, read_yaml
from notes_validator.site import check_site
from notes_validator.sources import markdown_files

CONTENT = "article, [role=main], .md-content, main"
HOST = "http://site.invalid"


def drop_item(text: str, name: str) -> str:
    """Remove a `- name` (or `- name:` with its indented options) from a YAML list, as text."""
    lines = text.split("\n")
    out: list[str] = []
    skip_deeper = None
    pattern = re.compile(rf"^(\s*)-\s+['\"]?{re.escape(name)}['\"]?\s*(:.*)?$")
    for line in lines:
        if skip_deeper is not None:
            indent = len(line) - len(line.lstrip())
            if line.strip() and indent <= skip_deeper:
                skip_deeper = None
            else:
                continue
        match = pattern.match(line)
        if match:
            skip_deeper = len(match.group(1))
            continue
        out.append(line)
    return "\n".join(out)


def adapt(project: Path, args: argparse.Namespace) -> Path:
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for name in args.drop_extension + args.drop_plugin:
        text = drop_item(text, name)
    for pair in args.replace:
        old, _, new = pair.partition("=")
        text = text.replace(old, new)
    adapted = project / "mkdocs.precision.yml"
    adapted.write_text(text, encoding="utf-8")
    return adapted


def ids_of(html_file: Path, cache: dict[Path, set[str]]) -> set[str]:
    if html_file not in cache:
        tree = LexborHTMLParser(html_file.read_text(encoding="utf-8", errors="replace"))
        ids = {n.attributes.get("id") or "" for n in tree.css("[id]")}
        ids |= {n.attributes.get("name") or "" for n in tree.css("a[name]")}
        cache[html_file] = ids
    return cache[html_file]


def built_broken(site: Path, site_url: str, page_url: str, href: str, cache: dict[Path, set[str]]) -> bool | None:
    """Whether a link on the built page at page_url leads nowhere, as the built site resolves it: no file
    under site_url's path, or no such id. None for links off the site (other hosts, other schemes).

    site_url is where the site is served (scheme, host and base path); tests/test_validate_rendered.py
    uses the same resolver as its oracle.
    """
    parts = urlsplit(urljoin(page_url, href))
    root = urlsplit(site_url)
    if (parts.scheme, parts.netloc) != (root.scheme, root.netloc):
        return None
    path = unquote(parts.path)
    if not path.startswith(root.path):
        return True
    rel = path[len(root.path) :]
    target = site / rel
    if rel == "" or rel.endswith("/") or target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return True
    if parts.fragment and target.suffix in (".html", ".htm"):
        return unquote(parts.fragment) not in ids_of(target, cache)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--drop-extension", action="append", default=[], metavar="NAME")
    parser.add_argument("--drop-plugin", action="append", default=[], metavar="NAME")
    parser.add_argument("--replace", action="append", default=[], metavar="OLD=NEW")
    parser.add_argument("--old-validator", type=Path, metavar="DIR", help="scripts/ folder of an older validator")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the result here")
    args = parser.parse_args()
    project = args.project.resolve()
    config_file = adapt(project, args)
    site = Path(tempfile.mkdtemp(prefix="precision-")) / "site"

    started = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
    )
    build_seconds = time.perf_counter() - started
    if build.returncode != 0:
        print(build.stderr[-2000:], file=sys.stderr)
        return 1

    os.chdir(project)
    started = time.perf_counter()
    config = load_config(config_file)
    files = markdown_files([], config)
    run = check_site(config, files, None)
    ours_seconds = time.perf_counter() - started
    errors = {
        (f.position.file, f.position.line, f.position.column, f.url)
        for f in run.findings
        if f.severity == "error" and f.check in ("link", "anchor")
    }

    truth: Counter[tuple[str, str]] = Counter()
    truth_by_url: Counter[tuple[str, str]] = Counter()
    ours: Counter[tuple[str, str]] = Counter()
    unseen = 0
    internal = 0
    cache: dict[Path, set[str]] = {}
    site_url = read_yaml(config_file).get("site_url")
    base = urlsplit(site_url if isinstance(site_url, str) else "").path or "/"
    base += "" if base.endswith("/") else "/"
    docs = config.docs_dir or project
    for page in run.pages:
        rel = page.path.resolve().relative_to(docs.resolve()).as_posix()
        html_file = site / (page.url + "index.html" if page.url.endswith("/") or not page.url else page.url)
        if not html_file.is_file():
            continue
        tree = LexborHTMLParser(html_file.read_text(encoding="utf-8", errors="replace"))
        content = tree.css_first(CONTENT)
        if content is None:
            continue
        seen = {link.href or link.url: link for link in page.links}
        for node in content.css("a[href], img[src]"):
            href = node.attributes.get("href") or node.attributes.get("src") or ""
            verdict = built_broken(site, HOST + base, HOST + base + page.url, href, cache)
            if verdict is None:
                continue
            internal += 1
            link = seen.get(href)
            if verdict:
                truth[(rel, href)] += 1
                truth_by_url[(page.display, link.url if link else href)] += 1
            if link is None and verdict:
                unseen += 1
        for link in page.links:
            if (link.position.file, link.position.line, link.position.column, link.url) in errors:
                ours[(rel, link.href or link.url)] += 1
    result = {
        "project": project.name,
        "pages": len(run.pages),
        "internal_links_in_built_content": internal,
        "broken_in_built_site": sum(truth.values()),
        "broken_links_the_validator_never_saw": unseen,
        "ours": score(ours, truth),
        "seconds": {"mkdocs_build": round(build_seconds, 2), "validator_offline": round(ours_seconds, 2)},
        "dropped": {"extensions": args.drop_extension, "plugins": args.drop_plugin},
    }
    if args.old_validator:
        old = subprocess.run(
            [
                sys.executable,
                str(args.old_validator / "validate.py"),
                "--config",
                str(config_file),
                "--format",
                "json",
                "--no-cache",
            ],
            cwd=project,
            capture_output=True,
            text=True,
        )
        try:
            findings = json.loads(old.stdout)["findings"]
            theirs: Counter[tuple[str, str]] = Counter(
                (f["file"], f["url"])
                for f in findings
                if f["severity"] == "error" and f["check"] in ("link", "anchor", "reference")
            )
            result["old_validator"] = score(theirs, truth_by_url)
        except (ValueError, KeyError):
            result["old_validator"] = {"error": (old.stderr or old.stdout).strip().splitlines()[-1:]}
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


def score(found: Counter[tuple[str, str]], truth: Counter[tuple[str, str]]) -> dict[str, object]:
    hits = sum((found & truth).values())
    reported = sum(found.values())
    real = sum(truth.values())
    return {
        "errors": reported,
        "true_errors": hits,
        "precision": round(hits / reported, 3) if reported else None,
        "recall": round(hits / real, 3) if real else None,
    }


if __name__ == "__main__":
    sys.exit(main())
