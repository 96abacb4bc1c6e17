"""Check (or fix) the spacing and punctuation between Chinese and Latin text in Markdown pages.

    python scripts/check_cjk_spacing.py [PATH ...] [--fix]

PATH: Markdown files or folders (default: docs/). The rules are autocorrect's (PyPI
`autocorrect-py`): a space between Chinese and Latin letters or numbers, full-width
punctuation in Chinese sentences, no space around full-width punctuation. Code blocks,
inline code and link targets are left alone by autocorrect itself. Rule settings are read
from .autocorrectrc at the repository root.

Other people's words are skipped, because they are kept exactly as published:
- quoted notes: a blockquote line (starting with `>`), typos and spacing included;
- the text of an external link, which is the real title of the page it points to
  (`[C/C++协程库libco：……](https://…)` stays as the article spells it);
- words inside corner brackets 「」 or 『』, which quote a name or a phrase as its author wrote it
  (the seed's heading 「lua学习资料」).
A correction that touches both our prose and such a span is reported (and fixed) for our prose only.

Exit status: 0 clean (or everything fixed), 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".autocorrectrc"
# [text](http...) on one line: the text is the linked page's own title.
EXTERNAL_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\(\s*<?https?://")
# 「…」 and 『…』 quote someone's words or a name.
CORNER_QUOTE = re.compile(r"「(?P<text>[^「」]*)」|『(?P<inner>[^『』]*)』")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: CJK spacing: '{self.old}' → '{self.new}'"


def is_quote_line(line: str) -> bool:
    """A line of a blockquote (quoted notes keep the original's spacing)."""
    return line.lstrip().startswith(">")


def verbatim_spans(line: str) -> list[tuple[int, int]]:
    """Character ranges of the line that are someone else's words: external link texts, 「」 quotes."""
    spans = [match.span("text") for match in EXTERNAL_LINK.finditer(line)]
    for match in CORNER_QUOTE.finditer(line):
        spans.append(match.span("text") if match.group("text") is not None else match.span("inner"))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    # An insertion (start == end) counts as inside only strictly between a span's ends.
    if start == end:
        return any(a < start < b for a, b in spans)
    return any(a <= start and end <= b for a, b in spans)


def our_correction(line: str, column: int, old: str, new: str) -> str:
    """autocorrect's fragment `new` with the changes that fall in verbatim spans undone."""
    spans = verbatim_spans(line)
    offset = column - 1
    kept = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal" and _inside(spans, offset + i1, offset + i2):
            kept.append(old[i1:i2])  # someone else's words: leave as they are
        else:
            kept.append(new[j1:j2])
    return "".join(kept)


def find_problems(text: str, display: str) -> list[Problem]:
    import autocorrect_py

    lines = text.split("\n")
    problems = []
    for result in autocorrect_py.lint_for(text, display).lines:
        line = lines[result.line - 1]
        if is_quote_line(line):
            continue
        new = our_correction(line, result.col, result.old, result.new)
        if new != result.old:
            problems.append(Problem(display, result.line, result.col, result.old, new))
    return problems


def apply_fixes(text: str, problems: list[Problem]) -> str:
    """Replace each problem's old fragment by its correction, at the position autocorrect gave."""
    lines = text.split("\n")
    # Right to left, so earlier columns on the same line stay valid.
    for problem in sorted(problems, key=lambda p: (p.line, p.column), reverse=True):
        line = lines[problem.line - 1]
        start = problem.column - 1
        if line[start : start + len(problem.old)] == problem.old:
            lines[problem.line - 1] = line[:start] + problem.new + line[start + len(problem.old) :]
    return "\n".join(lines)


def markdown_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.md")))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(path)
    return files


def display_name(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check spacing between Chinese and Latin text (autocorrect rules).")
    parser.add_argument("paths", nargs="*", type=Path, help="Markdown files or folders (default: docs/)")
    parser.add_argument("--fix", action="store_true", help="rewrite the files instead of only reporting")
    args = parser.parse_args(argv)

    try:
        import autocorrect_py
    except ImportError:
        print("check_cjk_spacing: autocorrect is missing: pip install autocorrect-py", file=sys.stderr)
        return 2
    if CONFIG.is_file():
        autocorrect_py.load_config(CONFIG.read_text(encoding="utf-8"))
    try:
        files = markdown_files(args.paths or [ROOT / "docs"])
    except FileNotFoundError as missing:
        print(f"check_cjk_spacing: {missing}: no such file or folder", file=sys.stderr)
        return 2

    remaining = 0
    for file in files:
        text = file.read_text(encoding="utf-8")
        problems = find_problems(text, display_name(file))
        if problems and args.fix:
            file.write_text(apply_fixes(text, problems), encoding="utf-8")
            problems = find_problems(file.read_text(encoding="utf-8"), display_name(file))
        for problem in problems:
            print(problem)
        remaining += len(problems)
    if remaining:
        hint = "" if args.fix else " (run with --fix to correct them)"
        print(f"{remaining} CJK spacing problem(s){hint}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
