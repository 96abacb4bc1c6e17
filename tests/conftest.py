"""Shared fixtures: the project root and one strict build of the site per test session."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

# Browser fixtures live beside the browser tests; importing them here makes them visible to every test module.
from browser_support import browser, hosted_edition, hosted_url, offline_edition, open_reader  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hosted edition, built with --strict exactly as CI builds it."""
    site_dir = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def offline_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The offline edition packed by the one documented command, scripts/build_offline.py, run as the Pages
    workflow runs it: `--copy-into` a folder standing for the hosted site. (zip, that folder)."""
    zip_path = tmp_path_factory.mktemp("dist") / "lua-notes-offline.zip"
    hosted = tmp_path_factory.mktemp("hosted-site")
    result = subprocess.run(
        [sys.executable, "scripts/build_offline.py", "--output", str(zip_path), "--copy-into", str(hosted)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"scripts/build_offline.py failed:\n{result.stderr}"
    return zip_path, hosted


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
