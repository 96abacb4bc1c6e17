"""Shared fixtures: the project root and one strict build of the site per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

# Browser fixtures live beside the browser tests; importing them here makes them visible to every test module.
from browser_support import (  # noqa: F401
    browser,
    edition,
    hosted_edition,
    hosted_url,
    offline_edition,
    open_reader,
)
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder `build` fills once per test run: under pytest-xdist the first worker that asks builds it
    while the others wait for it (the pattern of pytest-xdist's docs), instead of every worker building."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's temporary folder, common to its workers
    target, done = shared / name, shared / f"{name}.done"
    with FileLock(shared / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(target, ignore_errors=True)  # what a failed attempt left
            target.mkdir()
            build(target)
            done.touch()
    return target


def _run(command: list[str], what: str) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"{what} failed:\n{result.stderr}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hosted edition, built with --strict exactly as CI builds it."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
    return _built_once(tmp_path_factory, "site", lambda out: _run([*command, str(out)], "mkdocs build --strict"))


@pytest.fixture(scope="session")
def offline_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The offline edition packed by the one documented command, scripts/build_offline.py, run as the Pages
    workflow runs it: `--copy-into` a folder standing for the hosted site. (zip, that folder)."""

    def build(out: Path) -> None:
        (out / "hosted-site").mkdir()
        command = [sys.executable, "scripts/build_offline.py", "--output", str(out / "lua-notes-offline.zip")]
        _run([*command, "--copy-into", str(out / "hosted-site")], "scripts/build_offline.py")

    out = _built_once(tmp_path_factory, "offline", build)
    return out / "lua-notes-offline.zip", out / "hosted-site"


@pytest.fixture(scope="session")
def offline_zip(offline_build: tuple[Path, Path]) -> Path:
    return offline_build[0]


@pytest.fixture(scope="session")
def offline_site(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip unpacked as a reader unpacks it: the folder that holds index.html."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / "lua-notes-offline"
