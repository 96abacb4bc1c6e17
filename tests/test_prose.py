"""Each of the four topics teaches: at least 3,000 Chinese characters of notes outside code."""

from __future__ import annotations

import re

import pytest

from conftest import DOCS

TOPICS = ("lua", "coroutine", "openresty", "libco")
CJK = re.compile(r"[\u4e00-\u9fff]")


def prose(markdown: str) -> str:
    """Markdown without fenced code, inline code, example markers and HTML comments."""
    markdown = re.sub(r"(?ms)^(\s*)(```|~~~).*?^\1\2\s*$", "", markdown)
    markdown = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
    return re.sub(r"`[^`\n]*`", "", markdown)


def test_prose_strips_code() -> None:
    assert prose("中文\n```lua\n-- 注释里的中文\n```\n`代码`文字") == "中文\n\n文字"


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_has_enough_chinese_prose(topic: str) -> None:
    text = "".join(prose(p.read_text(encoding="utf-8")) for p in (DOCS / topic).glob("*.md"))
    count = len(CJK.findall(text))
    assert count >= 3000, f"docs/{topic}: {count} Chinese characters of prose, want at least 3000"
