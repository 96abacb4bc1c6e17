"""Run a command, measure its wall time and its own peak memory (not the maximum over all children)."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


def run_timed(args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Start `args` and reap it with wait4(), so the resource usage is this child's alone."""
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out_file, stderr=err_file)
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:  # Ctrl-C while waiting: do not leave the child behind
            process.kill()
            process.wait()
            raise
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out_file.seek(0)
        err_file.seek(0)
        stdout = out_file.read().decode(errors="replace")
        stderr = err_file.read().decode(errors="replace")
    # Linux reports ru_maxrss in KiB.
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode, stdout, stderr)
