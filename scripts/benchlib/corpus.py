"""A Markdown corpus of N links spread round-robin over the farm's hosts; 1 in 20 on every host is broken."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

LINKS_PER_FILE = 100
BROKEN_EVERY = 20  # 1 in 20 = 5 % of the links point under /missing/, which the farm answers with 404


@dataclass(frozen=True)
class Corpus:
    root: Path
    files: list[Path]
    links: int
    broken: int


def write_corpus(root: Path, base_urls: list[str], links: int) -> Corpus:
    """Write root/docs/links-NNN.md (100 links each, unique URLs) and a minimal mkdocs.yml (no other links)."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    broken = 0
    for start in range(0, links, LINKS_PER_FILE):
        lines = [f"# Links {start}–{min(start + LINKS_PER_FILE, links) - 1}", ""]
        for i in range(start, min(start + LINKS_PER_FILE, links)):
            base = base_urls[i % len(base_urls)]
            # Count per host, so every host has its 5 % (a plain i % 20 would put them all on one host).
            if (i // len(base_urls)) % BROKEN_EVERY == BROKEN_EVERY - 1:
                broken += 1
                lines.append(f"- [Missing page {i}]({base}/missing/{i})")
            else:
                lines.append(f"- [Page {i}]({base}/page/{i})")
        path = docs / f"links-{start // LINKS_PER_FILE:04d}.md"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    (root / "mkdocs.yml").write_text("site_name: Link corpus\ndocs_dir: docs\n", encoding="utf-8")
    return Corpus(root=root, files=files, links=links, broken=broken)
