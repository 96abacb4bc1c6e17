"""Every page shows when it was last changed, and the site still builds outside a git checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
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


def test_strict_build_works_without_git(tmp_path: Path) -> None:
    """A source zip has no .git: the build must fall back to the build date, not fail."""
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    # Stop git from finding any repository above the copy (e.g. a checkout that contains /tmp).
    env["GIT_CEILING_DIRECTORIES"] = str(tmp_path.parent)
    env["NO_MKDOCS_2_WARNING"] = "1"
    site = tmp_path / "site"
    before = datetime.now(ZoneInfo("Asia/Shanghai"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, f"mkdocs build --strict outside git failed:\n{result.stderr}"
    assert "Falling back to build date" in result.stderr
    after = datetime.now(ZoneInfo("Asia/Shanghai"))
    # The build date, in the site's time zone (either side of a midnight during the build).
    assert _shown_date(site / "index.html") in {_chinese_date(before), _chinese_date(after)}
