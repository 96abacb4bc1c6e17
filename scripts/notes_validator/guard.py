"""The private-address guard: never send a byte to loopback, private, link-local or reserved addresses.

Checked twice: on the URL's literal host before any request (every spelling: localhost, [::1], 127.1,
2130706433, 0x7f000001), and on the DNS answer, in the HTTP client's lookup (online/http.py), so every
redirect hop and every connection is covered.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from functools import lru_cache
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
LEGACY_IPV4 = re.compile(r"^(0[xX][0-9a-fA-F]+|[0-9]+)(\.(0[xX][0-9a-fA-F]+|[0-9]+)){0,3}$")


class GuardRefused(OSError):
    """A host is or resolves to an address the guard forbids."""


@lru_cache(maxsize=4096)
def literal_ip(host: str) -> IPAddress | None:
    """The address a host spells directly, in any form inet_aton accepts; None for names."""
    host = host.strip("[]").rstrip(".")
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    if LEGACY_IPV4.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def forbidden(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


class Guard:
    """Decides whether a host may be contacted. `exempt` holds (host, port) pairs the operator trusts."""

    def __init__(self, allow_private: bool, exempt: set[tuple[str, int]] | None = None) -> None:
        self.allow_private = allow_private
        self.exempt = {(host.lower().strip("[]").rstrip("."), port) for host, port in (exempt or set())}

    def is_exempt(self, host: str, port: int) -> bool:
        return self.allow_private or (host.lower().strip("[]").rstrip("."), port) in self.exempt

    def check_url(self, url: str) -> str:
        """Why this URL's literal host is refused, or '' if it may go on to DNS."""
        scheme, _, rest = url.partition("://")
        return self._check_netloc(scheme.lower(), rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0])

    @lru_cache(maxsize=4096)  # noqa: B019 - one guard per run; the cache dies with it
    def _check_netloc(self, scheme: str, netloc: str) -> str:
        try:
            parts = urlsplit(f"{scheme}://{netloc}/")
            host, port = parts.hostname or "", parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            return ""
        if self.is_exempt(host, port):
            return ""
        name = host.rstrip(".").lower()
        if name == "localhost" or name.endswith(".localhost"):
            return f"host '{host}' is loopback"
        address = literal_ip(host)
        if address is not None and forbidden(address):
            return f"address {address} is not public"
        return ""

    def check_addresses(self, host: str, port: int, addresses: list[str]) -> str:
        if self.is_exempt(host, port):
            return ""
        for value in addresses:
            try:
                address = ipaddress.ip_address(value.split("%", 1)[0])
            except ValueError:
                continue
            if forbidden(address):
                return f"host '{host.rstrip('.')}' resolves to {address}, which is not public"
        return ""
