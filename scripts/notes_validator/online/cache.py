"""Results kept between runs: successes reused until they are too old; quote sources kept as snapshots.

Everything is written atomically (a temporary file, then os.replace), so an interrupted run never
leaves half a file; an unreadable file is set aside with a warning and the run goes on without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

FORMAT = 1


def write_atomically(path: Path, data: Any) -> None:
    import tempfile  # only runs that write pay for it

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class Cache:
    def __init__(self, directory: Path, max_age: float) -> None:
        self.directory = directory
        self.max_age = max_age
        self.links_file = directory / "links.json"
        self.entries: dict[str, dict[str, Any]] = {}
        self.warnings: list[tuple[str, str]] = []  # (file, message)
        self.dirty = False

    def _set_aside(self, path: Path, problem: str) -> None:
        aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
        try:
            os.replace(path, aside)
            where = f"; moved to {aside.name}"
        except OSError:
            where = ""
        self.warnings.append((str(path), f"cache file unreadable ({problem}); starting afresh{where}"))

    def _read_json(self, path: Path) -> dict[str, Any] | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            self._set_aside(path, exc.__class__.__name__)
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            self._set_aside(path, "unknown format")
            return None
        return data

    def load(self) -> None:
        data = self._read_json(self.links_file)
        urls = (data or {}).get("urls", {})
        if isinstance(urls, dict):
            self.entries = {
                k: v for k, v in urls.items() if isinstance(v, dict) and isinstance(v.get("checked"), int | float)
            }

    def fresh(self, key: str, now: float | None = None) -> dict[str, Any] | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        if (now or time.time()) - entry["checked"] > self.max_age:
            return None
        return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        self.entries[key] = entry
        self.dirty = True

    def forget(self, key: str) -> None:
        if self.entries.pop(key, None) is not None:
            self.dirty = True

    def save(self) -> None:
        if self.dirty:
            write_atomically(self.links_file, {"format": FORMAT, "urls": self.entries})
            self.dirty = False

    # --- snapshots of quote sources -------------------------------------------------------------------
    def _snapshot_path(self, key: str) -> Path:
        return self.directory / "snapshots" / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".json")

    def put_snapshot(self, key: str, text: str, fetched_at: float) -> None:
        write_atomically(self._snapshot_path(key), {"format": FORMAT, "url": key, "fetched": fetched_at, "text": text})

    def snapshot(self, key: str) -> tuple[str, float] | None:
        """(normalised text, fetch time) of the last successful fetch of a quote source, if any."""
        data = self._read_json(self._snapshot_path(key))
        if not data or data.get("url") != key or not isinstance(data.get("text"), str):
            return None
        return data["text"], float(data.get("fetched", 0))
