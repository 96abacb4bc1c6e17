"""Where Debian's Chromium is and how to start it here; shared by the browser tests and the benchmark.

Playwright cannot download its own browser on this network, so both drive the system Chromium.
The flags keep it from reaching out to Google's services, which a closed network refuses.
"""

from __future__ import annotations

import os

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def chromium_path() -> str:
    """The Chromium executable: $CHROMIUM_PATH, else Debian's /usr/bin/chromium."""
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
