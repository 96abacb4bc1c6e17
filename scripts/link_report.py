"""Turn the validator's JSON report into the Markdown of the weekly link report.

    python scripts/validate.py --online --format json > report.json
    python scripts/link_report.py report.json [--run-url URL] [--github-output FILE] > report.md

The Markdown goes to the job summary and into the tracking issue 「失效链接报告」.
With --github-output, `errors=N` and `warnings=N` are appended to that file (GitHub's
$GITHUB_OUTPUT), so the workflow knows whether to update or close the issue.

Exit status: 0 when a report was read (whatever it found), 2 when the JSON is missing or
not the validator's format — a broken validator must never look like "all links fine".
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ISSUE_TITLE = "失效链接报告"
# GitHub refuses issue bodies over 65,536 characters; leave room for the header lines.
DEFAULT_MAX_CHARS = 60_000


class ReportError(Exception):
    """The report cannot be read; the message says why."""


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    column: int
    severity: str
    check: str
    url: str
    message: str
    suggestion: str

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def load_findings(raw: str) -> list[Finding]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ReportError(f"not JSON (line {error.lineno}: {error.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ReportError('no "findings" list: is this the output of validate.py --format json?')
    findings = []
    for index, item in enumerate(data["findings"]):
        if not isinstance(item, dict) or "severity" not in item or "file" not in item:
            raise ReportError(f"finding #{index + 1} has no file or severity")
        findings.append(
            Finding(
                file=str(item["file"]),
                line=int(item.get("line") or 0),
                column=int(item.get("column") or 0),
                severity=str(item["severity"]),
                check=str(item.get("check") or ""),
                url=str(item.get("url") or ""),
                message=str(item.get("message") or ""),
                suggestion=str(item.get("suggestion") or ""),
            )
        )
    return findings


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ").strip()


def code(text: str) -> str:
    """Inline code that survives backticks in the text (URLs rarely have any, but may)."""
    if not text:
        return ""
    return f"`` {cell(text)} ``" if "`" in text else f"`{cell(text)}`"


def table(findings: list[Finding]) -> list[str]:
    rows = ["| 位置 | 链接 | 问题 | 建议 |", "| --- | --- | --- | --- |"]
    for f in sorted(findings, key=lambda f: (f.file, f.line, f.column)):
        rows.append(f"| {code(f.where)} | {code(f.url)} | {cell(f.message)} | {code(f.suggestion)} |")
    return rows


def render(findings: list[Finding], run_url: str = "", max_chars: int = DEFAULT_MAX_CHARS) -> str:
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    lines = [f"## {ISSUE_TITLE}", ""]
    if errors:
        lines.append(f"每周链接检查发现 **{len(errors)} 个错误**、{len(warnings)} 个警告。")
    else:
        lines.append(f"每周链接检查没有发现错误（{len(warnings)} 个警告）。")
    if run_url:
        lines += ["", f"运行记录：[本次检查]({run_url})"]
    lines += [
        "",
        "修复办法见贡献指南「链接失效了怎么办」：换成新地址，旧地址写在「原链接：」之后；"
        "找不到新地址时用建议里的网页存档。",
    ]
    if errors:
        lines += ["", "### 错误", "", *table(errors)]
    if warnings:
        lines += [
            "",
            "<details><summary>警告（被反爬拦截、永久重定向等，不算失效）</summary>",
            "",
            *table(warnings),
            "",
            "</details>",
        ]
    return truncate("\n".join(lines) + "\n", max_chars)


def truncate(markdown: str, max_chars: int) -> str:
    """Cut whole rows so the text fits in an issue body, and say how many were left out."""
    if len(markdown) <= max_chars:
        return markdown
    kept: list[str] = []
    size = 0
    all_lines = markdown.split("\n")
    for line in all_lines:
        if size + len(line) + 1 > max_chars - 200:
            break
        kept.append(line)
        size += len(line) + 1
    left_out = sum(1 for line in all_lines[len(kept) :] if line.startswith("| `"))
    kept += ["", f"……还有 {left_out} 行没有列出，完整列表见运行记录的摘要。", ""]
    return "\n".join(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render validate.py's JSON report as Markdown.")
    parser.add_argument("report", type=Path, help="JSON written by validate.py --format json")
    parser.add_argument("--run-url", default="", help="link to the workflow run, shown in the report")
    parser.add_argument("--github-output", type=Path, help="append errors=N and warnings=N to this file")
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, help="cut the report to this length")
    args = parser.parse_args(argv)

    try:
        raw = args.report.read_text(encoding="utf-8")
        findings = load_findings(raw)
    except OSError as error:
        print(f"link_report: {args.report}: cannot read ({error.strerror})", file=sys.stderr)
        return 2
    except ReportError as error:
        print(f"link_report: {args.report}: {error}", file=sys.stderr)
        return 2

    sys.stdout.write(render(findings, args.run_url, args.max_chars))
    if args.github_output:
        errors = sum(f.severity == "error" for f in findings)
        warnings = sum(f.severity == "warning" for f in findings)
        with args.github_output.open("a", encoding="utf-8") as out:
            out.write(f"errors={errors}\nwarnings={warnings}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
