"""Is a quoted note really in its source? Normalise both sides, split at ellipses, match in order."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

# Curly quotes, primes and corner brackets → straight quotes; every dash → '-'.
_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\uff07", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u300c\u300d\u300e\u300f\uff02", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2e3a\u2e3b", "-"),
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
    }
)
_SPACE = re.compile(r"\s+")
_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Line breaks inside Chinese text become spaces in HTML; a space next to a CJK character means nothing.
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}]) | (?=[{_CJK}])")
_ELLIPSIS = re.compile(r"\s*[\[(]?\.{3,}[\])]?\s*")
_EDGE_PUNCT = " ,;:"
MIN_PART = 3  # shorter fragments between ellipses prove nothing and are skipped


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = _SPACE.sub(" ", text).strip()
    return _CJK_SPACE.sub("", text)


def quote_parts(paragraphs: list[str]) -> list[str]:
    """Each paragraph, split at ellipses (…, ..., [...], ……), as normalised parts to find in order."""
    parts = []
    for paragraph in paragraphs:
        for piece in _ELLIPSIS.split(normalize(paragraph)):
            piece = piece.strip(_EDGE_PUNCT)
            if len(piece) >= MIN_PART:
                parts.append(piece)
    return parts


@dataclass
class QuoteResult:
    found: bool
    part_index: int = 0
    part_count: int = 0
    part: str = ""
    closest: str = ""
    score: float = 0.0

    def describe(self, against: str = "its source") -> str:
        which = f" (part {self.part_index + 1} of {self.part_count})" if self.part_count > 1 else ""
        message = f"quote not found in {against}{which}"
        if self.closest:
            message += f"; the closest passage is {self.score:.0f}% similar"
        return message


def shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def verify(paragraphs: list[str], source_text: str, *, normalized: bool = False) -> QuoteResult:
    """Find every part of the quote, in order, in the source (normalised unless already)."""
    source = source_text if normalized else normalize(source_text)
    parts = quote_parts(paragraphs)
    position = 0
    for index, part in enumerate(parts):
        found = source.find(part, position)
        if found < 0:
            return _closest(parts, index, source, position)
        position = found + len(part)
    return QuoteResult(found=True, part_count=len(parts))


def _closest(parts: list[str], index: int, source: str, position: int) -> QuoteResult:
    part = parts[index]
    haystack = source[position:] or source
    alignment = fuzz.partial_ratio_alignment(part, haystack)
    if alignment is None or alignment.score == 0:
        return QuoteResult(False, index, len(parts), part)
    start, end = alignment.dest_start, alignment.dest_end
    # Widen to whole words so the contributor sees "The worker", not "e worker".
    while start > 0 and haystack[start - 1].isalnum() and haystack[start].isalnum():
        start -= 1
    while end < len(haystack) and haystack[end].isalnum() and haystack[end - 1].isalnum():
        end += 1
    return QuoteResult(False, index, len(parts), part, shorten(haystack[start:end], 300), alignment.score)
