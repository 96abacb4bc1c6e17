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


NAMES = re.compile(r'class="page-contributors__names">([^<]*)<')


def _git_names(*paths: Path) -> list[str]:
    command = ["git", "log", "--format=%aN", "--", *map(str, paths)]
    log = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return list(dict.fromkeys(line for line in reversed(log.stdout.splitlines()) if line.strip()))


def test_every_page_names_who_changed_it_next_to_the_date(built_site: Path) -> None:
    """Contributors come from git at build time, names only: no avatar, no e-mail, nothing to fetch."""
    if shutil.which("git") is None:
        pytest.skip("git not found: apt-get install git")
    checked = 0
    for md in sorted(DOCS.rglob("*.md")):
        authors = _git_names(md)
        if not authors:
            continue  # a page not committed yet has no history to show
        rel = md.relative_to(DOCS).with_suffix("")
        html = (built_site / (rel.parent if rel.name == "index" else rel) / "index.html").read_text(encoding="utf-8")
        aside = html[html.index('<aside class="md-source-file">') :]
        aside = aside[: aside.index("</aside>")]
        match = NAMES.search(aside)
        assert match, f"{md}: no contributors beside the last-updated date"
        shown = match.group(1).split("、")
        assert set(authors) <= set(shown), f"{md}: {authors} changed it, the page names {shown}"
        assert "<img" not in aside and "@" not in aside, f"{md}: contributors must be names only"
        assert "git-revision-date-localized-plugin-date" in aside, f"{md}: the date is not beside the names"
        checked += 1
    assert checked >= 10


def test_contributors_outside_git_are_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lua_notes_markdown import contributors

    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "page.md").write_text("# 标题\n", encoding="utf-8")
    assert contributors(tmp_path, "page.md", "# 标题\n") == []
