"""The small tools behind CI and pre-commit: the weekly link report and the CJK spacing check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import link_report

REPORT = {
    "findings": [
        {
            "file": "docs/lua/index.md",
            "line": 12,
            "column": 3,
            "severity": "error",
            "check": "http-status",
            "url": "https://dead.example/a|b",
            "message": "HTTP 404",
            "suggestion": "https://web.archive.org/web/2019/https://dead.example/a",
        },
        {
            "file": "docs/community.md",
            "line": 4,
            "column": 1,
            "severity": "warning",
            "check": "blocked",
            "url": "https://blocked.example/",
            "message": "blocked by bot protection (403)",
            "suggestion": "",
        },
    ],
    "stats": {"links": 2},
}


def _run(script: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *args], cwd=cwd, capture_output=True, text=True
    )


# --- link_report.py -----------------------------------------------------------------------


def test_report_lists_errors_in_a_table_and_warnings_folded() -> None:
    markdown = link_report.render(link_report.load_findings(json.dumps(REPORT)), run_url="https://ci.example/run/7")
    assert markdown.startswith("## 失效链接报告\n")
    assert "**1 个错误**、1 个警告" in markdown
    assert "| `docs/lua/index.md:12` | `https://dead.example/a\\|b` | HTTP 404 |" in markdown
    assert "web.archive.org" in markdown
    errors_part, warnings_part = markdown.split("<details>")
    assert "blocked.example" not in errors_part and "blocked.example" in warnings_part
    assert "[本次检查](https://ci.example/run/7)" in markdown


def test_report_without_errors_says_so() -> None:
    only_warning = {"findings": REPORT["findings"][1:], "stats": {}}
    markdown = link_report.render(link_report.load_findings(json.dumps(only_warning)))
    assert "没有发现错误" in markdown and "### 错误" not in markdown


def test_long_report_is_cut_to_fit_an_issue() -> None:
    many = [dict(REPORT["findings"][0], line=n) for n in range(1, 2001)]
    markdown = link_report.render(link_report.load_findings(json.dumps({"findings": many})), max_chars=5000)
    assert len(markdown) <= 5000
    assert "还有" in markdown and "行没有列出" in markdown


def test_cli_writes_counts_for_the_workflow(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text(json.dumps(REPORT), encoding="utf-8")
    output = tmp_path / "github-output"
    output.write_text("earlier=1\n", encoding="utf-8")
    result = _run("link_report.py", str(report), "--github-output", str(output))
    assert result.returncode == 0, result.stderr
    assert "## 失效链接报告" in result.stdout
    assert output.read_text(encoding="utf-8") == "earlier=1\nerrors=1\nwarnings=1\n"


@pytest.mark.parametrize(
    ("content", "reason"),
    [("", "not JSON"), ("{}", 'no "findings" list'), ('{"findings": [{"line": 1}]}', "has no file or severity")],
)
def test_cli_refuses_a_broken_report(tmp_path: Path, content: str, reason: str) -> None:
    # A crashed validator must fail the job, never close the issue as "all fine".
    report = tmp_path / "report.json"
    report.write_text(content, encoding="utf-8")
    result = _run("link_report.py", str(report))
    assert result.returncode == 2
    assert reason in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_cli_names_a_missing_report(tmp_path: Path) -> None:
    result = _run("link_report.py", str(tmp_path / "absent.json"))
    assert result.returncode == 2 and "absent.json: cannot read" in result.stderr


# --- check_cjk_spacing.py -----------------------------------------------------------------


@pytest.fixture
def autocorrect() -> None:
    pytest.importorskip("autocorrect_py", reason="pip install autocorrect-py (it is in requirements-dev.txt)")


BAD_PAGE = """# 标题

使用Lua 5.4运行,然后看输出。

> 引文里的Lua保持原样,一个字也不改。
>
> — [原文标题](https://example.com/a)

- [C/C++协程库libco](https://example.com/libco)：外链文字是原文的标题，保持原样。
- [Lua协程](coroutine/index.md)是我们自己的文字。
- 原笔记在「lua学习资料」下收了Lua文章：「」里是原文的名字，保持原样。
- 共享字典在锁内完成读-加-写：连字符连起来的是一个词（.autocorrectrc 关掉了 space-dash）。
"""


def test_cjk_check_flags_our_prose_but_not_quotes_or_titles(tmp_path: Path, autocorrect: None) -> None:
    page = tmp_path / "page.md"
    page.write_text(BAD_PAGE, encoding="utf-8")
    result = _run("check_cjk_spacing.py", str(page))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3, result.stdout
    assert lines[0].endswith(":3:1: CJK spacing: '使用Lua 5.4运行,然后看输出。' → '使用 Lua 5.4 运行，然后看输出。'")
    assert ":10:" in lines[1] and "'Lua 协程'" in lines[1]
    assert ":11:" in lines[2] and "「lua学习资料」下收了 Lua 文章" in lines[2]


def test_cjk_fix_corrects_our_prose_and_leaves_quotes(tmp_path: Path, autocorrect: None) -> None:
    page = tmp_path / "page.md"
    page.write_text(BAD_PAGE, encoding="utf-8")
    result = _run("check_cjk_spacing.py", "--fix", str(page))
    assert result.returncode == 0, result.stdout + result.stderr
    fixed = page.read_text(encoding="utf-8")
    assert "使用 Lua 5.4 运行，然后看输出。" in fixed
    assert "- [Lua 协程](coroutine/index.md)" in fixed
    assert "> 引文里的Lua保持原样,一个字也不改。" in fixed
    assert "[C/C++协程库libco](https://example.com/libco)" in fixed
    assert "- 原笔记在「lua学习资料」下收了 Lua 文章：" in fixed


def test_cjk_check_passes_on_the_site(autocorrect: None) -> None:
    result = _run("check_cjk_spacing.py", str(DOCS))
    assert result.returncode == 0, f"fix these (or run scripts/check_cjk_spacing.py --fix):\n{result.stdout}"


def test_cjk_check_reports_a_missing_path(autocorrect: None) -> None:
    result = _run("check_cjk_spacing.py", "no-such-folder")
    assert result.returncode == 2 and "no-such-folder: no such file or folder" in result.stderr
