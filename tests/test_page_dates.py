"""Every page shows when it was last changed (the build outside git is tested in test_contributing.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import DOCS, ROOT

DATE_SPAN = re.compile(r"git-revision-date-localized-plugin-date\"[^>]*>([^<]+)<")


def _shown_date(html_file: Path) -> str:
    match = DATE_SPAN.search(html_file.read_text(encoding="utf-8"))
    assert match, f"{html_file} shows no last-updated date"
    return match.group(1)


def _chinese_date(moment: datetime) -> str:
    return f"{moment.year}年{moment.month}月{moment.day}日"


def test_page_shows_the_date_of_its_last_commit(built_site: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git not found: apt-get install git")
    page = DOCS / "index.md"
    log = subprocess.run(
        ["git", "log", "-1", "--format=%at", "--", str(page)], cwd=ROOT, capture_output=True, text=True
    )
    if log.returncode != 0 or not log.stdout.strip():
        pytest.skip("docs/index.md has no git history here (not a git checkout)")
    committed = datetime.fromtimestamp(int(log.stdout), ZoneInfo("Asia/Shanghai"))
    assert _shown_date(built_site / "index.html") == _chinese_date(committed)
