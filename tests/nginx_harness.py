"""Run an OpenResty example on a real nginx and compare its responses with NAME.out.

An example is three files in docs/openresty/examples/:

* NAME.conf: what goes inside `http {}` (a `server` that listens on `127.0.0.1:8080`,
  plus any http-level directives such as `lua_shared_dict`). Readers drop it into the
  shared main config `nginx.conf` (same folder) as `conf/example.conf`.
* NAME.curl: the curl commands a reader types, one per line (`\\` continues a line,
  `#` starts a comment). Supported: `curl [-i] [-s] [-H 'Name: value'] [-X METHOD]
  [-d DATA] URL`, and the URL must be `http://127.0.0.1:8080/...`.
* NAME.out: what those commands print, one after another, exactly as curl prints them,
  except that line ends are `\\n`.

How a run works: a fresh prefix directory gets conf/nginx.conf (the shared main config,
unchanged), conf/example.conf (NAME.conf with port 8080 replaced by a free port), logs/
and temp/. nginx starts in the foreground (`nginx -p PREFIX -c conf/nginx.conf -e
PREFIX/logs/error.log`) with one worker; once the port accepts connections, the harness
sends each request with http.client to 127.0.0.1 only, then stops nginx with SIGTERM.

Comparison rule: the status line and the body are compared exactly. Headers are
compared only if their name is written in some response of NAME.out (so Date, Server,
Connection and Transfer-Encoding, which vary or mean nothing to the reader, are ignored
unless an example chooses to show them); the chosen headers appear in the order nginx
sent them. On a mismatch the error shows a diff and nginx's error.log.
"""

from __future__ import annotations

import difflib
import http.client
import re
import shlex
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

MODULES_DIR = Path("/usr/lib/nginx/modules")
REQUIRED_MODULES = ("ndk_http_module.so", "ngx_http_lua_module.so")
MISSING_HINT = "needs nginx with the Lua module: apt-get install nginx libnginx-mod-http-lua"
READER_PORT = 8080
LISTEN = re.compile(r"^(\s*listen\s+)127\.0\.0\.1:8080(\s*;)", re.MULTILINE)
STATUS_LINE = re.compile(r"^HTTP/\d(?:\.\d)? \d{3}")
HEADER_LINE = re.compile(r"^([A-Za-z0-9-]+):")
START_TIMEOUT = 10.0  # seconds for nginx to accept connections
REQUEST_TIMEOUT = 15.0  # seconds per request; examples answer in well under one


class HarnessError(Exception):
    """An example file the harness cannot use; the message names file and line."""


class ExampleMismatch(AssertionError):
    """nginx answered, but not what NAME.out says (or did not start); includes error.log."""


@dataclass
class CurlRequest:
    url: str
    method: str = "GET"
    headers: list[tuple[str, str]] = field(default_factory=list)
    data: str | None = None
    include_headers: bool = False

    @property
    def target(self) -> str:
        """Path and query, as sent on the request line."""
        parts = urlsplit(self.url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


@dataclass
class Response:
    status_line: str
    headers: list[tuple[str, str]]
    body: str


def find_nginx() -> str | None:
    """The nginx binary; /usr/sbin is often missing from a normal user's PATH."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def missing_reason() -> str | None:
    """Why the nginx tests cannot run here, or None when they can."""
    if find_nginx() is None:
        return f"nginx not found; {MISSING_HINT}"
    absent = [name for name in REQUIRED_MODULES if not (MODULES_DIR / name).is_file()]
    if absent:
        return f"{', '.join(absent)} not in {MODULES_DIR}; {MISSING_HINT}"
    return None


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Join backslash-continued lines; drop blanks and comments. Yields (first line number, text)."""
    result: list[tuple[int, str]] = []
    pending, start = "", 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not pending:
            start = number
        stripped = line.rstrip()
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        whole = (pending + stripped).strip()
        pending = ""
        if whole and not whole.startswith("#"):
            result.append((start, whole))
    if pending.strip():
        result.append((start, pending.strip()))
    return result


def parse_curl(text: str, source: str) -> list[CurlRequest]:
    """The requests in a NAME.curl file; HarnessError names file:line for anything unsupported."""
    requests: list[CurlRequest] = []
    for number, line in _logical_lines(text):
        where = f"{source}:{number}"
        try:
            words = shlex.split(line)
        except ValueError as error:
            raise HarnessError(f"{where}: cannot split the command ({error})") from None
        if words[0] != "curl":
            raise HarnessError(f"{where}: each command must start with 'curl'")
        request = _parse_curl_words(words[1:], where)
        requests.append(request)
    if not requests:
        raise HarnessError(f"{source}: no curl command found")
    return requests


def _parse_curl_words(words: list[str], where: str) -> CurlRequest:
    url: str | None = None
    method: str | None = None
    headers: list[tuple[str, str]] = []
    data: str | None = None
    include = False
    rest = iter(words)
    for word in rest:
        if word in ("-i", "--include"):
            include = True
        elif word in ("-s", "--silent", "-sS", "-S"):
            pass  # only changes what curl prints on errors
        elif word in ("-H", "--header", "-X", "--request", "-d", "--data"):
            value = next(rest, None)
            if value is None:
                raise HarnessError(f"{where}: {word} needs a value")
            if word in ("-H", "--header"):
                name, colon, content = value.partition(":")
                if not colon or not name.strip():
                    raise HarnessError(f"{where}: header must look like 'Name: value', got {value!r}")
                headers.append((name.strip(), content.strip()))
            elif word in ("-X", "--request"):
                method = value
            else:
                data = value
        elif word.startswith("-"):
            raise HarnessError(f"{where}: unsupported curl option {word!r} (supported: -i -s -H -X -d)")
        elif url is None:
            url = word
        else:
            raise HarnessError(f"{where}: more than one URL ({url!r} and {word!r})")
    if url is None:
        raise HarnessError(f"{where}: no URL")
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname != "127.0.0.1" or parts.port != READER_PORT:
        raise HarnessError(f"{where}: URL must start with http://127.0.0.1:{READER_PORT}/, got {url!r}")
    return CurlRequest(url, method or ("POST" if data is not None else "GET"), headers, data, include)


def shown_header_names(expected: str) -> set[str]:
    """Lower-case names of the headers written in NAME.out's header blocks."""
    names: set[str] = set()
    in_headers = False
    for line in expected.splitlines():
        if STATUS_LINE.match(line):
            in_headers = True
        elif in_headers and not line.strip():
            in_headers = False
        elif in_headers and (match := HEADER_LINE.match(line)):
            names.add(match.group(1).lower())
    return names


def render(requests: list[CurlRequest], responses: list[Response], shown: set[str]) -> str:
    """What curl would print for these responses, keeping only the headers NAME.out shows."""
    pieces: list[str] = []
    for request, response in zip(requests, responses, strict=True):
        if request.include_headers:
            kept = [f"{name}: {value}\n" for name, value in response.headers if name.lower() in shown]
            pieces.append(response.status_line + "\n" + "".join(kept) + "\n")
        pieces.append(response.body)
    return "".join(pieces)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def example_config(conf_text: str, source: str, port: int) -> str:
    """NAME.conf with the reader's port replaced by the test's port."""
    replaced, count = LISTEN.subn(rf"\g<1>127.0.0.1:{port}\g<2>", conf_text)
    if count == 0:
        raise HarnessError(f"{source}: no 'listen 127.0.0.1:{READER_PORT};' line")
    if re.search(r"^\s*listen\s", LISTEN.sub("", conf_text), re.MULTILINE):
        raise HarnessError(f"{source}: every listen line must be 'listen 127.0.0.1:{READER_PORT};'")
    return replaced


class NginxServer:
    """nginx running in a private prefix; use as a context manager."""

    def __init__(self, prefix: Path, main_conf: str, example_conf: str, port: int) -> None:
        self.prefix = prefix
        self.port = port
        self.error_log = prefix / "logs" / "error.log"
        for sub in ("conf", "logs", "temp"):
            (prefix / sub).mkdir(parents=True, exist_ok=True)
        (prefix / "conf" / "nginx.conf").write_text(main_conf, encoding="utf-8")
        (prefix / "conf" / "example.conf").write_text(example_conf, encoding="utf-8")
        self.process: subprocess.Popen[bytes] | None = None

    def log_text(self) -> str:
        return self.error_log.read_text(encoding="utf-8", errors="replace") if self.error_log.exists() else ""

    def __enter__(self) -> NginxServer:
        binary = find_nginx()
        if binary is None:
            raise HarnessError(f"nginx not found; {MISSING_HINT}")
        self.process = subprocess.Popen(
            [binary, "-p", f"{self.prefix}/", "-c", "conf/nginx.conf", "-e", str(self.error_log)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ExampleMismatch(
                    f"nginx exited with code {self.process.returncode}; error.log:\n{self.log_text()}"
                )
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.02)
        self.__exit__(None, None, None)
        raise ExampleMismatch(
            f"nginx did not accept connections within {START_TIMEOUT} s; error.log:\n{self.log_text()}"
        )

    def __exit__(self, *exc_info: object) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def send(self, request: CurlRequest) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            body = request.data.encode("utf-8") if request.data is not None else None
            connection.putrequest(request.method, request.target, skip_accept_encoding=True)
            sent = {name.lower() for name, _ in request.headers}
            defaults = [("User-Agent", "curl"), ("Accept", "*/*")]
            if body is not None:
                defaults += [("Content-Type", "application/x-www-form-urlencoded"), ("Content-Length", str(len(body)))]
            for name, value in [*(d for d in defaults if d[0].lower() not in sent), *request.headers]:
                connection.putheader(name, value)
            connection.endheaders(body)
            answer = connection.getresponse()
            version = {10: "HTTP/1.0", 11: "HTTP/1.1"}.get(answer.version, "HTTP/?")
            status_line = f"{version} {answer.status} {answer.reason}".rstrip()
            return Response(status_line, answer.getheaders(), answer.read().decode("utf-8", errors="replace"))
        finally:
            connection.close()


def run_example(conf: Path, main_conf: Path, prefix: Path, attempts: int = 3) -> tuple[str, str]:
    """Run NAME.conf with the requests in NAME.curl; return (what curl would print, error.log)."""
    requests = parse_curl(conf.with_suffix(".curl").read_text(encoding="utf-8"), str(conf.with_suffix(".curl")))
    expected = conf.with_suffix(".out").read_text(encoding="utf-8")
    conf_text = conf.read_text(encoding="utf-8")
    for attempt in range(1, attempts + 1):
        port = free_port()
        example = example_config(conf_text, str(conf), port)
        server = NginxServer(prefix / f"run{attempt}", main_conf.read_text(encoding="utf-8"), example, port)
        try:
            with server:
                responses = [server.send(request) for request in requests]
        except ExampleMismatch:
            # Another process may have taken the free port between probe and bind: try a new one.
            if "Address already in use" in server.log_text() and attempt < attempts:
                continue
            raise
        except OSError as error:
            raise ExampleMismatch(f"{conf.name}: request failed ({error}); error.log:\n{server.log_text()}") from None
        return render(requests, responses, shown_header_names(expected)), server.log_text()
    raise AssertionError("unreachable")


def check_example(conf: Path, main_conf: Path, prefix: Path) -> None:
    """Raise ExampleMismatch, with a diff and error.log, unless the responses match NAME.out."""
    out = conf.with_suffix(".out")
    expected = out.read_text(encoding="utf-8")
    actual, log = run_example(conf, main_conf, prefix)
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=str(out),
                tofile="nginx",
            )
        )
        raise ExampleMismatch(f"{conf.name}: responses differ from {out.name}\n{diff}\nerror.log:\n{log}")
