"""Write CONTRIBUTING.md from docs/contributing.md, so the guide has one source.

    python scripts/sync_contributing.py          # rewrite CONTRIBUTING.md if it is out of date
    python scripts/sync_contributing.py --check  # only report

The site page is the source: it is checked by the strict build and the validator like every
other page. GitHub shows CONTRIBUTING.md from the repository root, where the page's relative
links (`coroutine/index.md`) would point nowhere, so they are rewritten to `docs/...`.
Code blocks and inline code are copied unchanged.

Exit status: 0 when CONTRIBUTING.md is up to date, 1 when it was (or, with --check, needs to be)
rewritten — the pre-commit convention for a hook that changed a file.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs" / "contributing.md"
TARGET = ROOT / "CONTRIBUTING.md"

HEADER = (
    "<!-- 由 scripts/sync_contributing.py 从 docs/contributing.md 生成，请修改那个文件。\n"
    "     Generated from docs/contributing.md by scripts/sync_contributing.py: edit that file. -->\n\n"
)
FENCE = re.compile(r"^\s*(```|~~~)")
# ](target) of an inline link; the target is relative when it has no scheme, no leading / or #.
LINK_TARGET = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|/|#)(?P<target>[^)\s]+)\)", re.IGNORECASE)
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _rewrite_links(text: str, page_dir: str) -> str:
    def repoint(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(page_dir, match.group("target")))
        return f"]({target})"

    # Inline code is left alone: `[x](y.md)` there is an example, not a link.
    parts = []
    last = 0
    for code in INLINE_CODE.finditer(text):
        parts.append(LINK_TARGET.sub(repoint, text[last : code.start()]))
        parts.append(code.group(0))
        last = code.end()
    parts.append(LINK_TARGET.sub(repoint, text[last:]))
    return "".join(parts)


def render(page: str, page_path: str = "docs/contributing.md") -> str:
    """CONTRIBUTING.md for the page's text: header, then the page with links made repo-relative."""
    page_dir = posixpath.dirname(page_path)
    lines = []
    in_fence = False
    for line in page.splitlines(keepends=True):
        if FENCE.match(line):
            in_fence = not in_fence
            lines.append(line)
        else:
            lines.append(line if in_fence else _rewrite_links(line, page_dir))
    return HEADER + "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write CONTRIBUTING.md from docs/contributing.md.")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if CONTRIBUTING.md is stale")
    args = parser.parse_args(argv)

    try:
        expected = render(SOURCE.read_text(encoding="utf-8"))
    except OSError as error:
        print(f"sync_contributing: {SOURCE.relative_to(ROOT)}: cannot read ({error.strerror})", file=sys.stderr)
        return 2
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
    if current == expected:
        return 0
    if args.check:
        print("CONTRIBUTING.md is out of date: run python scripts/sync_contributing.py", file=sys.stderr)
        return 1
    TARGET.write_text(expected, encoding="utf-8")
    print("CONTRIBUTING.md rewritten from docs/contributing.md")
    return 1


if __name__ == "__main__":
    sys.exit(main())
