"""Quote verdicts, and re-verification against the text kept from the last fetch (no network needed)."""

from __future__ import annotations

import time

from .model import ERROR, INFO, Finding, Page, QuoteNote
from .online.cache import Cache
from .quotes import verify
from .urls import canonical, without_fragment


def date_of(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(timestamp))


def quote_finding(quote: QuoteNote, normalized_source: str, against: str) -> Finding:
    result = verify(quote.paragraphs, normalized_source, normalized=True)
    if result.found:
        return Finding(quote.position, INFO, "quote", f"quote verified against {against}", quote.source_url)
    return Finding(
        quote.position,
        ERROR,
        "quote",
        result.describe(against),
        quote.source_url,
        result.closest,
    )


def verify_against_snapshots(pages: list[Page], cache: Cache) -> list[Finding]:
    """Without --online: re-check quotes against the text kept from the last successful fetch."""
    findings = []
    for page in pages:
        for quote in page.quotes:
            if quote.problem or not quote.source_url:
                continue
            snapshot = cache.snapshot(canonical(without_fragment(quote.source_url)[0]))
            if snapshot is not None:
                findings.append(quote_finding(quote, snapshot[0], f"snapshot of {date_of(snapshot[1])}"))
    return findings
