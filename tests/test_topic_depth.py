"""Each topic is deep enough to learn from: pages, prose, tested examples, diagrams and exercises.

The floors are the ones the project set for this round (issues 11, 13 and 14): a topic that drops
below them has lost teaching material, which a review should notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_prose import CJK, prose

from conftest import DOCS


@dataclass(frozen=True)
class Floor:
    pages: int
    chinese: int
    examples: int
    diagrams: int


FLOORS = {
    "lua": Floor(pages=8, chinese=20_000, examples=30, diagrams=2),
    "coroutine": Floor(pages=5, chinese=14_000, examples=20, diagrams=3),
    "openresty": Floor(pages=15, chinese=25_000, examples=30, diagrams=3),
    "libco": Floor(pages=5, chinese=12_000, examples=6, diagrams=3),
}
EXAMPLE_KINDS = {
    "lua": ("*.lua", "*.c"),
    "coroutine": ("*.lua", "*.c"),
    "openresty": ("*.conf",),
    "libco": ("*.c", "*.cpp"),
}
EXERCISES = re.compile(r"^## 练习\s*$(?P<body>.*?)(?=^## |\Z)", re.M | re.S)
# An answer is a collapsed block under the exercise holding at least one tested example: an example marker,
# or (for kinds the marker does not render, such as .cpp programs and busted specs) a snippet of an example file.
ANSWER_BLOCK = re.compile(r'^(?P<indent>\s+)\?\?\?\+? success "参考答案"\s*$', re.M)
MARKER = re.compile(r'<!-- example: examples/\S+ -->|--8<-- "[a-z]+/examples/[^"]+"')
DIAGRAM_MARKER = re.compile(r"<!-- diagram: diagrams/(?P<name>\S+\.svg) -->")


def answer_blocks(exercises: str) -> list[str]:
    """The text of each `??? success "参考答案"` block: its lines indented deeper than the block's header."""
    blocks = []
    for header in ANSWER_BLOCK.finditer(exercises):
        depth = len(header.group("indent"))
        lines = []
        for line in exercises[header.end() :].split("\n")[1:]:
            if line.strip() and len(line) - len(line.lstrip()) <= depth:
                break
            lines.append(line)
        blocks.append("\n".join(lines))
    return blocks


def pages(topic: str) -> list[Path]:
    return sorted((DOCS / topic).glob("*.md"))


def examples(topic: str) -> list[Path]:
    found = {p for pattern in EXAMPLE_KINDS[topic] for p in (DOCS / topic / "examples").glob(pattern)}
    return sorted(p for p in found if p.name != "nginx.conf")


@pytest.mark.parametrize("topic", FLOORS)
def test_topic_meets_its_floor(topic: str) -> None:
    floor = FLOORS[topic]
    texts = [p.read_text(encoding="utf-8") for p in pages(topic)]
    chinese = sum(len(CJK.findall(prose(t))) for t in texts)
    diagrams = {m.group("name") for t in texts for m in DIAGRAM_MARKER.finditer(t)}
    found = Floor(pages=len(texts), chinese=chinese, examples=len(examples(topic)), diagrams=len(diagrams))
    short = [
        name for name in ("pages", "chinese", "examples", "diagrams") if getattr(found, name) < getattr(floor, name)
    ]
    assert not short, f"docs/{topic}: {found} is below {floor} in {short}"


@pytest.mark.parametrize(
    "page",
    [p for topic in FLOORS for p in pages(topic) if p.name != "index.md"],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_page_ends_with_summary_and_tested_exercises(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert re.search(r"^## 小结\s*$", text, re.M), f"{page.name} has no '## 小结'"
    section = EXERCISES.search(text)
    assert section, f"{page.name} has no '## 练习'"
    answers = [block for block in answer_blocks(section.group("body")) if MARKER.search(block)]
    assert len(answers) >= 2, f"{page.name}: {len(answers)} exercises with a tested answer, want 2–4"


def test_every_diagram_file_is_shown() -> None:
    shown = {
        (page.parent.name, m.group("name"))
        for page in DOCS.glob("*/*.md")
        for m in DIAGRAM_MARKER.finditer(page.read_text(encoding="utf-8"))
    }
    files = {(svg.parent.parent.name, svg.name) for svg in DOCS.glob("*/diagrams/*.svg")}
    assert files <= shown, f"diagram files no page includes: {sorted(files - shown)}"
