"""Classify link targets and check that external URLs are well formed."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

WHITESPACE = re.compile(r"\s")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
NOT_CHECKED_SCHEMES = {"mailto", "tel", "data", "javascript", "ftp", "irc", "news", "sms", "file", "xmpp"}


def kind_of(url: str) -> str:
    """'external', 'internal', 'same-page' or 'other' (mailto:, tel:, …: not checked)."""
    if url.startswith("//"):
        return "external"
    if url.startswith("#"):
        return "same-page"
    match = SCHEME.match(url)
    if match:
        scheme = match.group(0)[:-1].lower()
        if scheme in ("http", "https"):
            return "external"
        return "other"
    return "internal"


def without_fragment(url: str) -> tuple[str, str]:
    """(url to fetch, fragment). Protocol-relative URLs are fetched over https."""
    if url.startswith("//"):
        url = "https:" + url
    base, _, fragment = url.partition("#")
    return base, fragment


@lru_cache(maxsize=65_536)
def external_problem(url: str) -> str:
    """Why an http(s) URL is malformed, or '' when it is fine."""
    if WHITESPACE.search(url):
        return "URL contains whitespace"
    if url.count("(") != url.count(")"):
        return "unbalanced parentheses in URL (a Markdown link ended early?)"
    if url.count("[") != url.count("]"):
        return "unbalanced brackets in URL"
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"malformed URL: {exc}"
    if parts.scheme.lower() not in ("http", "https"):
        return f"unsupported scheme '{parts.scheme}'"
    host = parts.hostname or ""
    if not host:
        return "URL has no host"
    if port == 0:
        return "URL has port 0"
    if host.startswith("[") or ":" in host:
        return ""  # IPv6 literal, parsed by urlsplit already
    return "" if _valid_host(host) else f"invalid host name '{host}'"


@lru_cache(maxsize=4096)
def _valid_host(host: str) -> bool:
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return all(HOST_LABEL.match(label) for label in ascii_host.rstrip(".").split("."))


def canonical(url: str) -> str:
    """The key under which an URL is fetched and cached: fragment dropped, scheme and host lower-cased."""
    return fetch_key(without_fragment(url)[0])[0]


def fetch_key(base: str) -> tuple[str, str]:
    """(canonical key, lower-case host) of a URL without its fragment, from one urlsplit."""
    try:
        parts = urlsplit(base)
    except ValueError:
        return base, ""
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, "")), parts.hostname or ""


def external_targets(urls: list[str]) -> list[tuple[int, str, str, str, str]]:
    """(index, URL without fragment, fragment, cache key, host) of every well-formed external URL."""
    targets = []
    for index, url in enumerate(urls):
        if kind_of(url) != "external" or external_problem(url):
            continue
        base, fragment = without_fragment(url)
        key, host = fetch_key(base)
        targets.append((index, base, fragment, key, host))
    return targets
