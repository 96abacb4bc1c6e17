"""A short description of the machine the numbers come from."""

from __future__ import annotations

import os
import platform
import re
import subprocess
from pathlib import Path


def _first_match(path: str, pattern: str) -> str | None:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = re.search(pattern, text, re.MULTILINE)
    return match.group(1).strip() if match else None


def _version(args: list[str]) -> str:
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "not installed"
    text = (result.stdout or result.stderr).strip()
    return text.splitlines()[0] if text else "unknown"


def describe(lychee: str | None, python: str) -> dict[str, str]:
    mem_kib = _first_match("/proc/meminfo", r"^MemTotal:\s+(\d+)")
    os_name = _first_match("/etc/os-release", r'^PRETTY_NAME="?([^"\n]+)') or platform.system()
    return {
        "CPU": _first_match("/proc/cpuinfo", r"^model name\s*:\s*(.+)$") or platform.processor() or "unknown",
        "Cores": str(os.cpu_count() or "unknown"),
        "RAM": f"{int(mem_kib) / 1024 / 1024:.1f} GiB" if mem_kib else "unknown",
        "OS": f"{os_name}, Linux {platform.release()}",
        "Python": _version([python, "--version"]),
        "lychee": _version([lychee, "--version"]) if lychee else "not installed",
        "nginx": _version(["/usr/sbin/nginx", "-v"]),
        "MkDocs": _version([python, "-m", "mkdocs", "--version"]).split(" from ")[0].replace("python -m mkdocs, ", ""),
    }
