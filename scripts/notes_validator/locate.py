"""Map what the rendered HTML holds back to a line and column of the Markdown file.

Python-Markdown keeps no source positions, so each finding is looked up as text in the file, in
document order, with a cursor that only moves forward:

1. the link's own Markdown (`[text][label]` for a reference link: reported at its `[`), else the URL
   as written (an inline link, an image, raw HTML: reported at the URL), searched from the cursor on;
2. not there: searched from the top of the file (footnotes, for instance, move to the end of a page);
3. not in the file at all: the text came from a snippet. If a `--8<--` line of the page names a file
   that holds it, the finding is reported at that including line; if an `auto_append` file holds it,
   at the page's last line;
4. otherwise (made by a hook or a plugin) at the cursor's line, column 1.

Each search is one `str.find` over the text from the cursor, so a page is scanned about once (plus
one more pass for each item that is not where the cursor is): linear in page size for the usual case.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

SNIPPET_LINE = re.compile(r"""^[ \t>*+-]*-{1,}8<-{1,}[ \t]+(["']?)([^"'\s]+)\1[ \t]*$""", re.MULTILINE)
SNIPPET_BLOCK = re.compile(r"^[ \t]*-{1,}8<-{1,}[ \t]*$", re.MULTILINE)


class Locator:
    def __init__(self, text: str, snippet_dirs: list[Path] | None = None, auto_append: list[str] | None = None):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.cursor = 0
        self.scanned = 0  # characters compared by find(): the cost, for the scaling test
        self.snippet_dirs = snippet_dirs or []
        self.auto_append = auto_append or []
        self._snippets: list[tuple[int, str]] | None = None
        self._appended: str | None = None

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def _find(self, needle: str, start: int) -> int:
        found = self.text.find(needle, start)
        self.scanned += (found if found >= 0 else len(self.text)) - start
        return found

    def find(self, needle: str) -> int:
        """Offset of needle at or after the cursor, else from the top; -1 when absent. Moves the cursor."""
        if not needle:
            return -1
        found = self._find(needle, self.cursor)
        if found < 0 and self.cursor:
            found = self._find(needle, 0)
        if found >= 0:
            self.cursor = found + len(needle)
        return found

    def locate(self, needles: list[str], then: str = "") -> tuple[int, int]:
        """(line, column) of the first needle found; with `then`, of `then` at or after it (the URL)."""
        for needle in needles:
            first = needle.split("\n", 1)[0][:200]
            found = self.find(first)
            if found >= 0:
                if then and then != first:
                    inner = self.text.find(then, found, found + len(needle) + len(then) + 200)
                    if inner >= 0:
                        self.cursor = max(self.cursor, inner + len(then))
                        return self.position(inner)
                return self.position(found)
        for needle in needles:
            where = self.included(needle.split("\n", 1)[0][:200])
            if where is not None:
                return where
        return self.position(self.cursor)[0], 1

    # --- snippets --------------------------------------------------------------------------------
    def _read(self, name: str) -> str:
        for base in self.snippet_dirs:
            try:
                return (base / name).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
        return ""

    def included(self, needle: str) -> tuple[int, int] | None:
        """Where the snippet holding `needle` is included, or None."""
        if not needle:
            return None
        if self._snippets is None:
            self._snippets = [
                (m.start(2), self._read(m.group(2).split(":", 1)[0])) for m in SNIPPET_LINE.finditer(self.text)
            ]
            for block in self._blocks():
                self._snippets.append(block)
            self._appended = "".join(self._read(name) for name in self.auto_append)
        for offset, content in self._snippets:
            if needle in content:
                return self.position(offset)
        if self._appended and needle in self._appended:
            return len(self.starts) - (1 if self.text.endswith("\n") else 0), 1
        return None

    def _blocks(self) -> list[tuple[int, str]]:
        """Files listed one per line between two bare `--8<--` lines."""
        found = []
        marks = [m for m in SNIPPET_BLOCK.finditer(self.text)]
        for opening, closing in zip(marks[::2], marks[1::2], strict=False):
            for line in self.text[opening.end() : closing.start()].splitlines():
                name = line.strip().strip("\"'")
                if name:
                    found.append((opening.start() + self.text[opening.start() :].find(name), self._read(name)))
        return found
