"""Results kept between runs: successes reused until they are too old; quote sources kept as snapshots.

Everything is written atomically (a temporary file, then os.replace), so an interrupted run never
leaves half a file. A file that cannot be read, or whose entries do not have the expected types, is set
aside (renamed `*.corrupt-<time>`) with a warning, and the run goes on without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1


def write_atomically(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class BadEntry(ValueError):
    pass


def _number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadEntry(f"'{name}' is {type(value).__name__}, not a number")
    return float(value)


def _string(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise BadEntry(f"'{name}' is {type(value).__name__}, not a string")
    return value


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise BadEntry(f"'{name}' is {type(value).__name__}, not true/false")
    return value


@dataclass
class Entry:
    """One URL's last successful check."""

    checked: float  # Unix time
    status: int | None
    final_url: str = ""  # "" when no redirect
    chain: list[tuple[str, int]] = field(default_factory=list)
    body: bool = False  # fetched with GET (the page itself was read)
    anchors: list[str] | None = None  # ids and names on the page, when it was HTML
    truncated: bool = False  # the page was longer than the body limit: anchors are from its start

    def to_json(self) -> dict[str, Any]:
        """Only what differs from the common case is written: the cache of a big site stays small."""
        data: dict[str, Any] = {"checked": self.checked, "status": self.status}
        if self.final_url:
            data["final_url"] = self.final_url
        if self.chain:
            data["chain"] = [list(hop) for hop in self.chain]
        if self.body:
            data["body"] = True
        if self.anchors is not None:
            data["anchors"] = self.anchors
        if self.truncated:
            data["truncated"] = True
        return data

    @classmethod
    def from_json(cls, data: object) -> Entry:
        """The entry, or BadEntry naming the first field with the wrong type."""
        if not isinstance(data, dict):
            raise BadEntry(f"an entry is {type(data).__name__}, not an object")
        status = data.get("status")
        if status is not None and (isinstance(status, bool) or not isinstance(status, int)):
            raise BadEntry(f"'status' is {type(status).__name__}, not a whole number")
        chain_data = data.get("chain", [])
        if not isinstance(chain_data, list):
            raise BadEntry("'chain' is not a list")
        chain = []
        for hop in chain_data:
            if not (isinstance(hop, list) and len(hop) == 2 and isinstance(hop[0], str) and type(hop[1]) is int):
                raise BadEntry("'chain' holds something other than [url, status] pairs")
            chain.append((hop[0], hop[1]))
        anchors = data.get("anchors")
        if anchors is not None and not (isinstance(anchors, list) and all(isinstance(a, str) for a in anchors)):
            raise BadEntry("'anchors' is not a list of strings")
        return cls(
            checked=_number(data.get("checked"), "checked"),
            status=status,
            final_url=_string(data.get("final_url", ""), "final_url"),
            chain=chain,
            body=_flag(data.get("body", False), "body"),
            anchors=anchors,
            truncated=_flag(data.get("truncated", False), "truncated"),
        )


class Cache:
    def __init__(self, directory: Path, max_age: float) -> None:
        self.directory = directory
        self.max_age = max_age
        self.links_file = directory / "links.json"
        self.entries: dict[str, Entry] = {}
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
        if data is None:
            return
        try:
            urls = data.get("urls", {})
            if not isinstance(urls, dict):
                raise BadEntry("'urls' is not an object")
            self.entries = {key: Entry.from_json(value) for key, value in urls.items()}
        except BadEntry as exc:
            self.entries = {}
            self._set_aside(self.links_file, f"wrong type: {exc}")

    def fresh(self, key: str, now: float | None = None) -> Entry | None:
        entry = self.entries.get(key)
        if entry is None or (now or time.time()) - entry.checked > self.max_age:
            return None
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.entries[key] = entry
        self.dirty = True

    def forget(self, key: str) -> None:
        if self.entries.pop(key, None) is not None:
            self.dirty = True

    def save(self) -> None:
        if self.dirty:
            urls = {key: entry.to_json() for key, entry in self.entries.items()}
            write_atomically(self.links_file, {"format": FORMAT, "urls": urls})
            self.dirty = False

    # --- snapshots of quote sources -------------------------------------------------------------------
    def _snapshot_path(self, key: str) -> Path:
        return self.directory / "snapshots" / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".json")

    def put_snapshot(self, key: str, text: str, fetched_at: float) -> None:
        write_atomically(self._snapshot_path(key), {"format": FORMAT, "url": key, "fetched": fetched_at, "text": text})

    def snapshot(self, key: str) -> tuple[str, float] | None:
        """(normalised text, fetch time) of the last successful fetch of a quote source, if any."""
        path = self._snapshot_path(key)
        data = self._read_json(path)
        if not data or data.get("url") != key:
            return None
        try:
            return _string(data.get("text"), "text"), _number(data.get("fetched"), "fetched")
        except BadEntry as exc:
            self._set_aside(path, f"wrong type: {exc}")
            return None
