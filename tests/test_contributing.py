"""The contribution guide is complete and true, CONTRIBUTING.md matches it, and what it tells a
contributor to do works: the page template builds, the pre-commit hooks name real tools."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import sync_contributing

GUIDE = DOCS / "contributing.md"
TEMPLATE = ROOT / "docs-templates" / "page-template.md"
MARKER_LINE = re.compile(r"^<!--\s*example:", re.MULTILINE)  # what the example hook expands


def test_contributing_md_is_generated_from_the_page() -> None:
    expected = sync_contributing.render(GUIDE.read_text(encoding="utf-8"))
    actual = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert actual == expected, "CONTRIBUTING.md is stale: run python scripts/sync_contributing.py"


def test_sync_repoints_links_but_not_code() -> None:
    page = (
        "见[社区](community.md)和[协程](coroutine/index.md#协程的状态)，外链[手册](https://www.lua.org/)。\n"
        "写法：`[x](../coroutine/patterns.md)`\n"
        "```markdown\n[y](community.md)\n```\n"
    )
    out = sync_contributing.render(page)
    assert "[社区](docs/community.md)" in out
    assert "[协程](docs/coroutine/index.md#协程的状态)" in out
    assert "[手册](https://www.lua.org/)" in out
    assert "`[x](../coroutine/patterns.md)`" in out
    assert "[y](community.md)\n```" in out


def test_sync_rewrites_a_stale_file_and_check_mode_only_reports(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "docs").mkdir()
    shutil.copy2(ROOT / "scripts" / "sync_contributing.py", tmp_path / "scripts")
    (tmp_path / "docs" / "contributing.md").write_text("# 参与贡献\n\n见[社区](community.md)。\n", encoding="utf-8")
    target = tmp_path / "CONTRIBUTING.md"
    target.write_text("stale\n", encoding="utf-8")

    def sync(*args: str) -> int:
        command = [sys.executable, str(tmp_path / "scripts" / "sync_contributing.py"), *args]
        return subprocess.run(command, capture_output=True, text=True).returncode

    assert sync("--check") == 1 and target.read_text(encoding="utf-8") == "stale\n"
    assert sync() == 1
    assert "[社区](docs/community.md)" in target.read_text(encoding="utf-8")
    assert sync() == 0 and sync("--check") == 0


def test_guide_covers_every_kind_of_contribution() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (.+)$", guide, re.MULTILINE))
    for heading in (
        "准备：在本地跑起来",
        "添加一个资料链接",
        "摘抄一段引文",
        "添加一个可运行的示例",
        "添加一个页面",
        "写作约定",
        "提交前在本地检查",
        "链接失效了怎么办",
        "In English",
    ):
        assert heading in headings, f"guide has no section {heading!r}"
    for needle in (
        "-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit",
        "NAME.out",
        "NAME.conf",
        "NAME.curl",
        "NAME.c",
        "原链接：",
        "> — [Source title](https://example.com/page#section)",
        "U+2014",
        "--online",
        "pre-commit install",
        "mkdocs build --strict",
    ):
        assert needle in guide, f"guide does not mention {needle!r}"


def test_guide_names_files_and_commands_that_exist() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    named = set(re.findall(r"\b((?:scripts|tests|docs-templates)/[\w./-]+\.(?:py|md))\b", guide))
    assert len(named) >= 6
    for path in named:
        assert (ROOT / path).is_file(), f"the guide names {path}, which does not exist"
    # The README commands are quoted exactly, so a reader can copy either one.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in re.findall(r"^python3 -m venv .*$", guide, re.MULTILINE):
        assert command in readme


def test_guide_shows_markers_without_expanding_them(built_site: Path) -> None:
    # At the start of a line the hook would expand the marker into an example that does not exist.
    for path in (GUIDE, ROOT / "CONTRIBUTING.md"):
        assert not MARKER_LINE.search(path.read_text(encoding="utf-8")), f"{path.name}: marker at line start"
    html = (built_site / "contributing" / "index.html").read_text(encoding="utf-8")
    assert "&lt;!-- example: examples/NAME.lua --&gt;" in html


# --- the page template, built in a copy of the site without .git ------------------------------


@pytest.fixture(scope="module")
def copied_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """docs/, overrides/ and mkdocs.yml copied as a source zip would hold them (no .git), with one
    page made from the template the way the guide says: an example filled in and a nav entry."""
    root = tmp_path_factory.mktemp("source-copy")
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.count("\nnav:\n") == 1
    (root / "mkdocs.yml").write_text(
        config.replace("\nnav:\n", "\nnav:\n  - 模板: lua/from-template.md\n"), encoding="utf-8"
    )
    example = sorted((DOCS / "lua" / "examples").glob("*.lua"))[0]
    page = TEMPLATE.read_text(encoding="utf-8").replace("examples/NAME.lua", f"examples/{example.name}")
    (root / "docs" / "lua" / "from-template.md").write_text(page, encoding="utf-8")

    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env["GIT_CEILING_DIRECTORIES"] = str(root.parent)  # git must not find any repository above the copy
    env["NO_MKDOCS_2_WARNING"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )
    return root, result


@pytest.mark.xdist_group("copied-site")  # one worker builds the copy once
def test_source_copy_without_git_builds_strict(copied_site: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, result = copied_site
    assert result.returncode == 0, f"mkdocs build --strict outside git failed:\n{result.stderr}"
    assert "Falling back to build date" in result.stderr
    assert "git-revision-date-localized-plugin-date" in (root / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.xdist_group("copied-site")
def test_page_template_builds_with_its_example(copied_site: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    root, result = copied_site
    assert result.returncode == 0, result.stderr
    html = (root / "site" / "lua" / "from-template" / "index.html").read_text(encoding="utf-8")
    assert "适用于：" in html, "the template's example marker was not expanded"
    assert "<blockquote>" in html and "— <a href=" in html


def test_page_template_follows_the_conventions() -> None:
    template = TEMPLATE.read_text(encoding="utf-8")
    assert MARKER_LINE.search(template), "the template shows how to place an example"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_cjk_spacing.py"), str(TEMPLATE)],
        capture_output=True,
        text=True,
    )
    if result.returncode == 2:
        pytest.skip(result.stderr.strip())
    assert result.returncode == 0, result.stdout


# --- pre-commit ---------------------------------------------------------------------------------


def _hooks() -> list[dict]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


def test_pre_commit_runs_what_ci_runs() -> None:
    entries = " ".join(hook["entry"] for hook in _hooks())
    for tool in (
        "scripts/validate.py",
        "scripts/check_cjk_spacing.py",
        "trailing-whitespace-fixer",
        "end-of-file-fixer",
        "mkdocs build --strict",
        "actionlint",
        "zizmor --offline",
    ):
        assert tool in entries, f".pre-commit-config.yaml does not run {tool}"


def test_pre_commit_hooks_use_installed_tools() -> None:
    # Local hooks run programs from .venv (the README's venv); the test's interpreter has the same set.
    bin_dir = Path(sys.executable).parent
    for hook in _hooks():
        assert hook["language"] == "system", f"{hook['id']}: would download its own environment"
        program, *args = shlex.split(hook["entry"])
        assert program.startswith(".venv/bin/"), f"{hook['id']}: run tools from .venv/bin/"
        name = program.removeprefix(".venv/bin/")
        if not (bin_dir / name).exists():
            pytest.skip(f"{name} is not installed here: pip install -r requirements-dev.txt")
        for arg in args:
            if arg.startswith("scripts/"):
                assert (ROOT / arg).is_file(), f"{hook['id']}: {arg} does not exist"


def test_pre_commit_config_is_valid() -> None:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if pre_commit is None:
        pytest.skip("pre-commit not found: pip install pre-commit (it is in requirements-dev.txt)")
    result = subprocess.run(
        [pre_commit, "validate-config", ".pre-commit-config.yaml"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
