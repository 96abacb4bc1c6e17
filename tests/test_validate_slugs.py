"""Anchors computed by the validator must equal the ids a real `mkdocs build` gives every heading."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from notes_validator.config import load_config  # noqa: E402
from notes_validator.site import collect_page  # noqa: E402

TRICKY_PAGE = """# 协程的状态

## 协程的状态

## 协程的状态

## Lua 5.4：const 与 close（5.4）

## 用 LÖVE 写小游戏

## `coroutine.wrap` 与 *生成器*

## 链接 [在标题里](index.md) 也行

## 带属性的标题 {#custom-id}

## HTML <span>内联</span> 标签

## 实体 &amp; 符号 &lt;div&gt; `<b>`

## 脚注[^1]

## 全角ＡＢＣ与半角

## What's new? (C++ & Rust)

## 标题_1

## 标题

## 标题

## Emoji 🎉 标题

## snake_case_name 与 __index

### ngx.ctx 与共享字典

Setext 标题
-----------

!!! note "说明"
    ### 提示里的标题

<h2 id="raw-heading">Raw</h2>

[^1]: 一条脚注。
"""

PYMDOWNX_TOC = """  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
"""


def heading_ids(html_file: Path, scope: str) -> set[str]:
    tree = LexborHTMLParser(html_file.read_text(encoding="utf-8"))
    selector = ", ".join(f"{scope} h{level}[id]" for level in range(1, 7))
    return {node.attributes["id"] or "" for node in tree.css(selector)}


@pytest.mark.parametrize("toc", [PYMDOWNX_TOC, "  - toc\n"], ids=["pymdownx-slugify", "default-slugify"])
def test_tricky_headings_match_mkdocs(tmp_path: Path, toc: str) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(TRICKY_PAGE, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: slugs\ntheme: mkdocs\nmarkdown_extensions:\n  - attr_list\n  - admonition\n  - footnotes\n" + toc,
        encoding="utf-8",
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(tmp_path / "site")],
        check=True,
        capture_output=True,
    )
    built = heading_ids(tmp_path / "site" / "index.html", "[role=main]")
    ours = collect_page(tmp_path / "docs" / "index.md", load_config(config)).anchors
    assert len(built) == 22
    assert ours == built | {"fn:1", "fnref:1"}  # every id of the content: headings and the footnote


def test_project_headings_match_its_build(built_site: Path) -> None:
    """Every heading id of the project's own site, as built by mkdocs (conftest's build), is one we know."""
    config = load_config(ROOT / "mkdocs.yml")
    docs = ROOT / "docs"
    compared = 0
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs)
        page_dir = rel.parent if rel.name == "index.md" else rel.with_suffix("")
        html = built_site / page_dir / "index.html"
        if not html.is_file():
            continue
        built = heading_ids(html, "article")
        ours = collect_page(md, config).anchors
        assert built <= ours, f"{rel}: ids the validator does not know: {sorted(built - ours)}"
        compared += len(built)
    assert compared > 100
