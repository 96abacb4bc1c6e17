"""What an OpenResty example may need beside nginx: a Redis server, a self-signed certificate, ports.

tests/nginx_harness.py documents when each one is used; this module only provides them.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REDIS_HINT = "needs redis-server: apt-get install redis-server"
OPENSSL_HINT = "needs openssl: apt-get install openssl"
READER_REDIS_PORT = 6379
# The reader's ports: 8080-8099 for plain HTTP servers (8080 is the example's own server,
# 8081... are local backends) and 8443 for HTTPS. Whole numbers only, so 18080 stays as it is.
READER_PORT_NUMBER = re.compile(r"(?<![\w.])(80[89]\d|8443|6379)(?![\w])")
START_TIMEOUT = 10.0


def stop_process(process: subprocess.Popen | None) -> None:
    """Terminate a server we started (if it still runs); kill it if it does not stop within 5 s."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class ServiceError(Exception):
    """A helper service did not start; the message says why."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def reader_ports(*texts: str) -> set[int]:
    """The reader ports written (as whole numbers) in these texts."""
    return {int(m.group(1)) for text in texts for m in READER_PORT_NUMBER.finditer(text)}


def rewrite_ports(text: str, ports: dict[int, int]) -> str:
    """Replace each reader port that has a test port; other numbers stay."""

    def replace(match: re.Match[str]) -> str:
        return str(ports.get(int(match.group(1)), match.group(1)))

    return READER_PORT_NUMBER.sub(replace, text)


def restore_ports(text: str, ports: dict[int, int]) -> str:
    """Write the reader's port back wherever a test port shows up in output or error.log."""
    for reader, test in ports.items():
        text = re.sub(rf"(?<![\w.]){test}(?!\w)", str(reader), text)
    return text


def wait_for_port(port: int, alive: Callable[[], bool], timeout: float = START_TIMEOUT) -> bool:
    """True once 127.0.0.1:port accepts connections; False if `alive()` turns false or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive():
            return False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return True
        except OSError:
            time.sleep(0.02)
    return False


def child_pids(parent: int) -> set[int]:
    """Processes whose parent is `parent` (nginx's workers, for the master's pid)."""
    children: set[int] = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # Field 4 is the parent pid; the command name (field 2) may contain spaces, so split after ')'.
        fields = stat.rpartition(")")[2].split()
        if len(fields) > 1 and fields[1] == str(parent):
            children.add(int(entry))
    return children


# --- Redis ---------------------------------------------------------------------------


def redis_missing_reason() -> str | None:
    return None if shutil.which("redis-server") else f"redis-server not found; {REDIS_HINT}"


def encode_command(words: list[str]) -> bytes:
    """A command in RESP, the way redis-cli sends it: an array of bulk strings."""
    parts = [f"*{len(words)}\r\n".encode()]
    for word in words:
        data = word.encode("utf-8")
        parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(parts)


class _Reader:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ServiceError("redis closed the connection")
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\r\n")
        return line

    def exact(self, size: int) -> bytes:
        while len(self.buffer) < size + 2:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ServiceError("redis closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:size], self.buffer[size + 2 :]
        return data

    def reply(self) -> list[str]:
        """One reply as the lines `redis-cli` prints when its output is not a terminal."""
        line = self.line()
        kind, rest = line[:1], line[1:].decode("utf-8", errors="replace")
        if kind in (b"+", b":", b"-"):
            return [rest]
        if kind == b"$":
            return [""] if int(rest) < 0 else [self.exact(int(rest)).decode("utf-8", errors="replace")]
        if kind == b"*":
            count = int(rest)
            if count <= 0:
                return [""]
            return [item for _ in range(count) for item in self.reply()]
        raise ServiceError(f"unexpected reply from redis: {line!r}")


class RedisServer:
    """A throw-away redis-server on 127.0.0.1:port, nothing saved to disk; a context manager."""

    def __init__(self, port: int, workdir: Path) -> None:
        self.port = port
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> RedisServer:
        binary = shutil.which("redis-server")
        if binary is None:
            raise ServiceError(f"redis-server not found; {REDIS_HINT}")
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                *(binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"),
                *("--dir", str(self.workdir), "--logfile", str(self.workdir / "redis.log")),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not wait_for_port(self.port, lambda: self.process is not None and self.process.poll() is None):
            self.__exit__()
            log = self.workdir / "redis.log"
            raise ServiceError(
                f"redis-server did not start on port {self.port}: {log.read_text() if log.exists() else ''}"
            )
        return self

    def __exit__(self, *exc_info: object) -> None:
        stop_process(self.process)

    def command(self, words: list[str]) -> list[str]:
        """Send one command; the reply as redis-cli prints it (raw mode), one string per line."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(encode_command(words))
            return _Reader(sock).reply()


def parse_redis_seed(text: str, source: str) -> list[list[str]]:
    """NAME.redis: one redis-cli-style command per line (`SET user:1 alice`), `#` comments."""
    commands: list[list[str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            commands.append(shlex.split(line))
        except ValueError as error:
            raise ServiceError(f"{source}:{number}: cannot split the command ({error})") from None
    return commands


# --- TLS ------------------------------------------------------------------------------

_CERT_CACHE: dict[str, Path] = {}


def self_signed_certificate(target_dir: Path) -> None:
    """Write cert.pem and key.pem (CN=localhost, SAN localhost and 127.0.0.1) into target_dir.

    One key pair per test process is enough; it is made once with openssl and copied.
    """
    if "dir" not in _CERT_CACHE:
        openssl = shutil.which("openssl")
        if openssl is None:
            raise ServiceError(f"openssl not found; {OPENSSL_HINT}")
        made = Path(tempfile.mkdtemp(prefix="or-cert-"))
        subprocess.run(
            [
                *(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"),
                *("-keyout", str(made / "key.pem"), "-out", str(made / "cert.pem"), "-days", "2"),
                *("-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"),
            ],
            check=True,
            capture_output=True,
        )
        _CERT_CACHE["dir"] = made
    for name in ("cert.pem", "key.pem"):
        shutil.copyfile(_CERT_CACHE["dir"] / name, target_dir / name)
