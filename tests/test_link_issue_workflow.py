"""The weekly link check keeps ONE tracking issue: the shell step from links.yml, run for real by
bash against a stand-in `gh` that keeps its issues in a JSON file (GitHub itself is not reachable
from a test). `--jq` filters go through the real jq, as gh applies them."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

TITLE = "失效链接报告"

FAKE_GH = r"""
import json, subprocess, sys
from pathlib import Path

state_file = Path(sys.argv[0]).with_name("issues.json")
log = Path(sys.argv[0]).with_name("calls.log")
issues = json.loads(state_file.read_text(encoding="utf-8"))
args = sys.argv[1:]
with log.open("a", encoding="utf-8") as out:
    out.write(" ".join(args[:3]) + "\n")

def option(name):
    return args[args.index(name) + 1] if name in args else None

def find(number):
    return next(i for i in issues if i["number"] == int(number))

def emit(data):
    expression = option("--jq")
    text = json.dumps(data)
    if expression:
        text = subprocess.run(["jq", "-r", expression], input=text, capture_output=True, text=True, check=True).stdout
        sys.stdout.write(text)
    else:
        print(text)

verb = args[1]
if verb == "list":
    emit([{"number": i["number"], "title": i["title"], "state": i["state"]} for i in issues])
elif verb == "view":
    emit({"state": find(args[2])["state"]})
elif verb == "create":
    number = max([i["number"] for i in issues] + [0]) + 1
    body = Path(option("--body-file")).read_text(encoding="utf-8")
    issues.append({"number": number, "title": option("--title"), "state": "OPEN", "body": body, "comments": []})
elif verb == "reopen":
    issue = find(args[2])
    if issue["state"] == "OPEN":
        sys.exit("issue is already open")
    issue["state"] = "OPEN"
elif verb == "edit":
    find(args[2])["body"] = Path(option("--body-file")).read_text(encoding="utf-8")
elif verb == "comment":
    find(args[2])["comments"].append(Path(option("--body-file")).read_text(encoding="utf-8"))
elif verb == "close":
    find(args[2])["state"] = "CLOSED"
else:
    sys.exit(f"fake gh: unsupported {args}")
state_file.write_text(json.dumps(issues, ensure_ascii=False), encoding="utf-8")
"""


def _issue_step() -> dict:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "links.yml").read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    return next(step for step in steps if "gh issue" in step.get("run", ""))


def _run_step(tmp_path: Path, issues: list[dict], errors: int) -> tuple[list[dict], list[str]]:
    if shutil.which("jq") is None:
        pytest.skip("jq not found: apt-get install jq (GitHub's runners have it)")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(f"#!{sys.executable}\n{FAKE_GH}", encoding="utf-8")
    gh.chmod(gh.stat().st_mode | stat.S_IEXEC)
    (bin_dir / "issues.json").write_text(json.dumps(issues, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "link-report.md").write_text(f"## {TITLE}\n\n{errors} 个错误\n", encoding="utf-8")

    step = _issue_step()
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "ERRORS": str(errors)}
    env.update({key: value for key, value in step["env"].items() if "${{" not in value})
    # The shell GitHub uses for `run:` on Linux.
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    calls_log = bin_dir / "calls.log"
    calls = calls_log.read_text(encoding="utf-8").splitlines() if calls_log.exists() else []
    return json.loads((bin_dir / "issues.json").read_text(encoding="utf-8")), calls


def _issue(number: int, state: str, title: str = TITLE) -> dict:
    return {"number": number, "title": title, "state": state, "body": "old", "comments": []}


def test_errors_and_no_issue_creates_one(tmp_path: Path) -> None:
    decoy = _issue(3, "OPEN", title=f"{TITLE}的格式讨论")
    issues, _ = _run_step(tmp_path, [decoy], errors=2)
    created = [i for i in issues if i["title"] == TITLE]
    assert len(created) == 1 and created[0]["state"] == "OPEN" and "2 个错误" in created[0]["body"]
    assert issues[0] == decoy, "an issue with a similar title is not the tracking issue"


def test_errors_again_update_the_open_issue_instead_of_duplicating(tmp_path: Path) -> None:
    issues, calls = _run_step(tmp_path, [_issue(7, "CLOSED"), _issue(9, "OPEN")], errors=1)
    assert [i["number"] for i in issues] == [7, 9], "no new issue"
    assert issues[1]["body"].startswith(f"## {TITLE}") and issues[0]["body"] == "old"
    assert "issue create" not in "\n".join(calls)


def test_errors_reopen_a_closed_tracking_issue(tmp_path: Path) -> None:
    issues, _ = _run_step(tmp_path, [_issue(7, "CLOSED")], errors=1)
    assert len(issues) == 1 and issues[0]["state"] == "OPEN" and issues[0]["body"] != "old"


def test_no_errors_close_the_open_issue_with_a_last_report(tmp_path: Path) -> None:
    issues, _ = _run_step(tmp_path, [_issue(9, "OPEN")], errors=0)
    assert issues[0]["state"] == "CLOSED"
    assert issues[0]["comments"] and "0 个错误" in issues[0]["comments"][0]


def test_no_errors_and_nothing_open_does_nothing(tmp_path: Path) -> None:
    issues, calls = _run_step(tmp_path, [_issue(7, "CLOSED")], errors=0)
    assert issues == [_issue(7, "CLOSED")]
    assert all(call.startswith(("issue list", "issue view")) for call in calls)
