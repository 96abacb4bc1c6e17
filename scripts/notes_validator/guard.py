"""The private-address guard: never send a byte to loopback, private, link-local or reserved addresses.

It fails closed and is checked at three points:

1. the URL of every request, every redirect hop included (`Guard.check_url`): the host as both URL
   parsers see it (urllib's and yarl's, the one aiohttp connects with), every spelling of an address
   (`localhost`, `[::1]`, `127.1`, `2130706433`, `0x7f000001`); a URL either parser rejects is refused;
2. the DNS answer (`Guard.check_addresses`, called by the HTTP client's resolver, online/client.py);
3. the socket address just before `connect()` (`Guard.check_socket`, the client's socket factory):
   the address actually connected to, whatever produced it.

Through a proxy (HTTP_PROXY/HTTPS_PROXY), the proxy resolves the target's name: then only points 1
and 3 apply (a literal address or `localhost` is still refused, and the proxy itself is an address the
operator chose), but a public-looking name the proxy resolves to a private address cannot be seen.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from functools import lru_cache
from urllib.parse import urlsplit

from yarl import URL

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
LEGACY_IPV4 = re.compile(r"^(0[xX][0-9a-fA-F]*|[0-9]+)(\.(0[xX][0-9a-fA-F]*|[0-9]+)){0,3}$")
DEFAULT_PORTS = {"http": 80, "https": 443}


class GuardRefused(OSError):
    """A host is, or resolves to, an address the guard forbids."""


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
    return not address.is_global or address.is_multicast or address.is_reserved or address.is_unspecified


def _normal(host: str) -> str:
    return host.lower().strip("[]").rstrip(".")


def _canonical(value: str) -> str:
    """One spelling per address ('::1', never '0::1'), so socket addresses compare equal."""
    value = value.split("%", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return _normal(value)


def _hosts_and_port(url: str) -> tuple[list[str], int]:
    """The host as urllib and yarl read it, and the port; ValueError when either parser objects."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise ValueError(f"not an http(s) URL: {url}")
    port_text = parts.netloc.rpartition("@")[2].rpartition("]")[2].partition(":")[2]
    if port_text and not (port_text.isascii() and port_text.isdigit()):
        raise ValueError(f"port '{port_text}' is not a number")
    parsed = URL(url)
    hosts = [parts.hostname or "", parsed.raw_host or ""]
    if not all(hosts):
        raise ValueError(f"no host in {url}")
    port = parts.port or DEFAULT_PORTS[scheme]
    if parsed.port != port:
        raise ValueError(f"the URL parsers disagree about the port of {url}")
    return hosts, port


class Guard:
    """Decides whether a host may be contacted. `exempt` holds (host, port) pairs the operator trusts."""

    def __init__(self, allow_private: bool, exempt: set[tuple[str, int]] | None = None) -> None:
        self.allow_private = allow_private
        self.exempt = {(_normal(host), port) for host, port in (exempt or set())}
        # Socket addresses of exempt hosts (literal ones now, named ones once resolved).
        self.exempt_sockets = {
            (str(address), port) for host, port in self.exempt if (address := literal_ip(host)) is not None
        }

    def is_exempt(self, host: str, port: int) -> bool:
        return self.allow_private or (_normal(host), port) in self.exempt

    @lru_cache(maxsize=4096)  # noqa: B019 - one guard per run; the cache dies with it
    def check_url(self, url: str) -> str:
        """Why this URL may not be requested, or '' when it may go on to DNS (or to the proxy)."""
        if self.allow_private:
            return ""
        try:
            hosts, port = _hosts_and_port(url)
        except (ValueError, TypeError) as exc:
            return f"cannot tell which host '{url}' points to ({exc})"
        if any(self.is_exempt(host, port) for host in hosts):
            return ""
        for host in hosts:
            name = _normal(host)
            if name == "localhost" or name.endswith(".localhost"):
                return f"host '{host}' is loopback"
            address = literal_ip(host)
            if address is not None and forbidden(address):
                return f"address {address} is not public"
        return ""

    def check_addresses(self, host: str, port: int, addresses: list[str]) -> str:
        """Why a DNS answer is refused ('' when every address is public, or the host is exempt)."""
        if self.is_exempt(host, port):
            self.exempt_sockets.update((_canonical(value), port) for value in addresses)
            return ""
        for value in addresses:
            try:
                address = ipaddress.ip_address(value.split("%", 1)[0])
            except ValueError:
                return f"host '{host.rstrip('.')}' resolves to '{value}', which is not an address"
            if forbidden(address):
                return f"host '{host.rstrip('.')}' resolves to {address}, which is not public"
        return ""

    def check_socket(self, host: str, port: int) -> str:
        """Why connecting to this socket address is refused (the last check, just before connect)."""
        if self.allow_private or (_canonical(host), port) in self.exempt_sockets:
            return ""
        address = literal_ip(host)
        if address is None:
            return f"'{host}' is not an address"
        if forbidden(address):
            return f"address {address} is not public"
        return ""
