"""Findings as text (for people), JSON (for tools) or GitHub workflow commands (for pull requests)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import groupby

from .model import ERROR, INFO, WARNING, Finding

LABEL = {ERROR: "error", WARNING: "warning", INFO: "note"}


def sort_key(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.position.file, finding.position.line, finding.position.column, finding.message)


def count(findings: Iterable[Finding], severity: str) -> int:
    return sum(1 for f in findings if f.severity == severity)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(findings: list[Finding], stats: dict[str, object]) -> str:
    errors, warnings = count(findings, ERROR), count(findings, WARNING)
    files = len({f.position.file for f in findings if f.severity in (ERROR, WARNING)})
    parts = [f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"]
    if files:
        parts.append(f" in {_plural(files, 'file')}")
    checked = f"{_plural(int(stats.get('files', 0)), 'page')}, {_plural(int(stats.get('links', 0)), 'link')}"
    checked += f", {_plural(int(stats.get('quotes', 0)), 'quoted note')}"
    if stats.get("online"):
        checked += f"; {_plural(int(stats.get('urls', 0)), 'external URL')}, {stats.get('from_cache', 0)} from cache"
    else:
        checked += "; offline (use --online to fetch external links and quote sources)"
    return "".join(parts) + f" ({checked})"


def as_text(findings: list[Finding], stats: dict[str, object]) -> str:
    lines: list[str] = []
    for file, group in groupby(sorted(findings, key=sort_key), key=lambda f: f.position.file):
        for finding in group:
            p = finding.position
            check = f" [{finding.check}]" if finding.check else ""
            lines.append(f"{file}:{p.line}:{p.column}: {LABEL[finding.severity]}: {finding.message}{check}")
            if finding.suggestion:
                lines.append(f"    suggestion: {finding.suggestion}")
        lines.append("")
    lines.append(summary(findings, stats))
    return "\n".join(lines) + "\n"


def as_json(findings: list[Finding], stats: dict[str, object]) -> str:
    """One finding per line: as readable as indenting every field, and written by json's C encoder
    (indent= switches to the pure-Python one: 20 ms for 1,000 findings)."""
    rows = [json.dumps(f.as_json(), ensure_ascii=False) for f in sorted(findings, key=sort_key)]
    listed = "[\n    " + ",\n    ".join(rows) + "\n  ]" if rows else "[]"
    totals = {**stats, "errors": count(findings, ERROR), "warnings": count(findings, WARNING)}
    counted = json.dumps(totals, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    return f'{{\n  "findings": {listed},\n  "stats": {counted}\n}}\n'


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: list[Finding], stats: dict[str, object]) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""
    lines = []
    command = {ERROR: "error", WARNING: "warning", INFO: "notice"}
    for finding in sorted(findings, key=sort_key):
        p = finding.position
        message = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
        props = f"file={_escape_property(p.file)},line={p.line},col={p.column},title={_escape_property(finding.check)}"
        lines.append(f"::{command[finding.severity]} {props}::{_escape_data(message)}")
    lines.append(summary(findings, stats))
    return "\n".join(lines) + "\n"


FORMATS = {"text": as_text, "json": as_json, "github": as_github}
