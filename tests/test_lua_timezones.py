"""The date and time examples print the same output whatever the local time zone is.

docs/lua/io-os.md claims that its date examples do not depend on the machine's time zone.
Each one is run here under several TZ values (a negative offset with daylight saving time,
a positive one without, and a 45-minute offset) and must still print exactly its NAME.out.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "extensions"))

from lua_notes_markdown import parse_runs_on

ZONES = ("America/New_York", "Asia/Shanghai", "Pacific/Chatham")
EXAMPLES = ("os_time_date.lua", "exercise_io-os_2.lua")
ZONEINFO = Path("/usr/share/zoneinfo")


def declared(path: Path) -> list[str]:
    return parse_runs_on(path.read_text(encoding="utf-8").split("\n", 1)[0], str(path))


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_date_example_ignores_time_zone(name: str, zone: str) -> None:
    if not (ZONEINFO / zone).is_file():
        pytest.skip(f"{ZONEINFO / zone} is missing: install the Debian package tzdata")
    path = DOCS / "lua" / "examples" / name
    expected = path.with_suffix(".out").read_text(encoding="utf-8")
    for runtime in declared(path):
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "run_lua.py"), str(path), "--runtime", runtime],
            capture_output=True,
            text=True,
            timeout=10,
            env={**os.environ, "TZ": zone},
        )
        assert result.returncode == 0, f"{name} fails on {runtime} with TZ={zone}:\n{result.stderr}"
        assert result.stdout == expected, f"{name} on {runtime} with TZ={zone} differs from {path.stem}.out"


def test_time_zone_reaches_lua() -> None:
    """Guard against a vacuous pass: TZ must really change what os.date prints locally."""
    if not (ZONEINFO / "Asia/Shanghai").is_file():
        pytest.skip("/usr/share/zoneinfo/Asia/Shanghai is missing: install the Debian package tzdata")
    hours = set()
    for zone in ("UTC", "Asia/Shanghai"):
        code = "import sys, lupa.lua54 as l; print(l.LuaRuntime().eval('os.date(\"%H\", 0)'))"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=10, env={**os.environ, "TZ": zone}
        )
        assert out.returncode == 0, out.stderr
        hours.add(out.stdout.strip())
    assert hours == {"00", "08"}, f"os.date ignored TZ (got {hours}), so the time-zone tests above would prove nothing"
