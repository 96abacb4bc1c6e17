"""Run an OpenResty example on a real nginx and compare what it prints with NAME.out.

An example is a few files in docs/openresty/examples/ (only the first three are required):

* NAME.conf: what goes inside `http {}` (a `server` that listens on `127.0.0.1:8080`,
  plus any http-level directives such as `lua_shared_dict`). Readers drop it into the
  shared main config `nginx.conf` (same folder) as `conf/example.conf`.
* NAME.curl: the commands a reader types, one per line (`\\` continues a line, `#` starts
  a comment). Each line is one step:
  - `curl [-i] [-s] [-k] [-H 'Name: value'] [-X METHOD] [-d DATA] [-o /dev/null]
    [-w '%{http_code} %header{Location}\\n'] [--resolve NAME:PORT:127.0.0.1] URL`, where URL is
    `http://127.0.0.1:80xx/...` or `https://127.0.0.1:8443/...` (or `https://NAME:8443/`
    with --resolve, which sends NAME as SNI and Host);
  - `sleep SECONDS` (let a timer run);
  - `kill -HUP $(cat logs/nginx.pid)` (reload: the harness sends SIGHUP to the master and
    waits until every old worker has exited, so the next request meets a new worker);
  - `cp SRC DST`, paths relative to the prefix (change a Lua file between requests);
  - `redis-cli WORD...`: one command to the example's Redis, printed as redis-cli prints
    it when its output is not a terminal (raw: a bulk string or number per line, an
    empty line for nil).
* NAME.out: what those steps print, one after another, exactly as curl and redis-cli
  print it, except that line ends are `\\n`.
* NAME/ (optional): a folder copied into the prefix as it is, so `NAME/lua/app.lua`
  becomes `PREFIX/lua/app.lua` and the conf can say `lua_package_path "$prefix/lua/?.lua;;";`
  and `content_by_lua_file lua/app.lua;`. A conf may use other examples' folders instead,
  with a `# files: OTHER [MORE...]` comment (copied in that order, later files win).
  Pages show these files with pymdownx.snippets includes.
* NAME.redis (optional): redis-cli-style commands sent to Redis before the first step.
* NAME.log (optional): lines that must appear in error.log after the steps: a line is a
  substring, `/regex/` (Python syntax), or either prefixed with `!` for "must not appear".
  The harness waits up to 3 s for the wanted lines, and 0.2 s more when there are `!` lines.

Ports: the numbers 8080-8099 and 8443 (nginx servers, local backends on 8081... and HTTPS)
and 6379 (Redis) are the reader's ports. Wherever one is written as a whole number in the
conf, the NAME/ files, NAME.curl or NAME.redis, each run replaces it with a free port,
consistently everywhere, and writes the reader's port back into what it prints and into
error.log. Every `listen` must be `listen 127.0.0.1:PORT ...;` with such a port.
If 6379 appears anywhere, a fresh `redis-server --port N --bind 127.0.0.1 --save ''
--appendonly no` runs for that example (the test skips, naming apt-get install
redis-server, where it is absent). If the conf mentions cert.pem or key.pem, a self-signed
certificate (CN localhost) is written to PREFIX/conf/, so `ssl_certificate cert.pem;` works.
A `# workers: N` comment in the conf sets worker_processes (1 otherwise).

How a run works: a fresh prefix directory gets conf/nginx.conf (the shared main config),
conf/example.conf (NAME.conf, ports rewritten), the NAME/ files, logs/ and temp/. nginx
starts in the foreground (`nginx -p PREFIX -c conf/nginx.conf -e PREFIX/logs/error.log`);
once every listen port accepts connections, the harness runs the steps (requests go with
http.client to 127.0.0.1 only, Host says the reader's port), waits up to a few seconds for
the NAME.log lines, then stops nginx with SIGTERM.

Comparison rule: the status line and the body are compared exactly. Headers are
compared only if their name is written in some response of NAME.out (so Date, Server,
Connection and Transfer-Encoding, which vary or mean nothing to the reader, are ignored
unless an example chooses to show them); the chosen headers appear in the order nginx
sent them. On a mismatch the error shows a diff and nginx's error.log.
"""

from __future__ import annotations

import contextlib
import difflib
import http.client
import os
import re
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from nginx_services import (
    READER_REDIS_PORT,
    RedisServer,
    ServiceError,
    child_pids,
    free_port,
    parse_redis_seed,
    reader_ports,
    redis_missing_reason,
    restore_ports,
    rewrite_ports,
    self_signed_certificate,
    stop_process,
    wait_for_port,
)

MODULES_DIR = Path("/usr/lib/nginx/modules")
REQUIRED_MODULES = ("ndk_http_module.so", "ngx_http_lua_module.so")
MISSING_HINT = "needs nginx with the Lua module: apt-get install nginx libnginx-mod-http-lua"
READER_PORT = 8080
HTTPS_PORT = 8443
LISTEN_LINE = re.compile(r"^\s*listen\s+(?P<address>[^\s;]+)[^;]*;", re.MULTILINE)
LISTEN_ADDRESS = re.compile(r"127\.0\.0\.1:(80[89]\d|8443)")
STATUS_LINE = re.compile(r"^HTTP/\d(?:\.\d)? \d{3}")
HEADER_LINE = re.compile(r"^([A-Za-z0-9-]+):")
WORKERS = re.compile(r"^\s*#\s*workers:\s*(\d+)\s*$", re.MULTILINE)
FILES_FROM = re.compile(r"^\s*#\s*files:\s*(\S+(?:[ \t]+\S+)*)\s*$", re.MULTILINE)
RELOAD = re.compile(r"^kill\s+-(?:HUP|s\s+HUP|1)\s+\$\(cat\s+logs/nginx\.pid\)$")
START_TIMEOUT = 10.0  # seconds for nginx to accept connections
REQUEST_TIMEOUT = 15.0  # seconds per request; examples answer in well under one
RELOAD_TIMEOUT = 10.0  # seconds for the old workers to leave after SIGHUP
LOG_WAIT = 3.0  # seconds for log_by_lua and timers to write the NAME.log lines
NEGATIVE_GRACE = 0.2  # seconds given to a `!line` to show up before it counts as absent


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
    write_out: str | None = None  # -w FORMAT: only %{http_code}, %header{NAME} and \n
    discard_body: bool = False  # -o /dev/null
    resolve: str | None = None  # --resolve NAME:PORT:127.0.0.1 -> NAME

    @property
    def target(self) -> str:
        """Path and query, as sent on the request line."""
        parts = urlsplit(self.url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    @property
    def port(self) -> int:
        return urlsplit(self.url).port or 80

    @property
    def https(self) -> bool:
        return urlsplit(self.url).scheme == "https"


@dataclass
class Sleep:
    seconds: float


@dataclass
class Reload:
    pass


@dataclass
class Copy:
    source: str
    destination: str


@dataclass
class RedisCommand:
    words: list[str]


Step = CurlRequest | Sleep | Reload | Copy | RedisCommand


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


def parse_curl(text: str, source: str) -> list[Step]:
    """The steps in a NAME.curl file; HarnessError names file:line for anything unsupported."""
    steps: list[Step] = []
    for number, line in _logical_lines(text):
        where = f"{source}:{number}"
        if RELOAD.match(line):
            steps.append(Reload())
            continue
        try:
            words = shlex.split(line)
        except ValueError as error:
            raise HarnessError(f"{where}: cannot split the command ({error})") from None
        if words[0] == "curl":
            steps.append(_parse_curl_words(words[1:], where))
        elif words[0] == "sleep" and len(words) == 2 and re.fullmatch(r"\d+(\.\d+)?", words[1]):
            steps.append(Sleep(float(words[1])))
        elif words[0] == "cp" and len(words) == 3 and not any(w.startswith(("/", "-")) for w in words[1:]):
            steps.append(Copy(words[1], words[2]))
        elif words[0] == "redis-cli" and len(words) > 1 and not words[1].startswith("-"):
            steps.append(RedisCommand(words[1:]))
        else:
            raise HarnessError(
                f"{where}: a step is curl, sleep SECONDS, cp SRC DST (relative paths), "
                "redis-cli COMMAND... or kill -HUP $(cat logs/nginx.pid)"
            )
    if not any(isinstance(step, CurlRequest) for step in steps):
        raise HarnessError(f"{source}: no curl command found")
    return steps


def _parse_curl_words(words: list[str], where: str) -> CurlRequest:
    url: str | None = None
    method: str | None = None
    headers: list[tuple[str, str]] = []
    data: str | None = None
    include = insecure = discard = False
    write_out: str | None = None
    resolve: str | None = None
    rest = iter(words)
    for word in rest:
        if word in ("-i", "--include"):
            include = True
        elif word in ("-s", "--silent", "-sS", "-S"):
            pass  # only changes what curl prints on errors
        elif word in ("-k", "--insecure"):
            insecure = True
        elif word in ("-H", "--header", "-X", "--request", "-d", "--data", "-o", "-w", "--resolve"):
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
            elif word == "-o":
                if value != "/dev/null":
                    raise HarnessError(f"{where}: only -o /dev/null is supported")
                discard = True
            elif word == "-w":
                if "%" in re.sub(r"%\{http_code\}|%header\{[A-Za-z0-9-]+\}", "", value):
                    raise HarnessError(f"{where}: -w supports only %{{http_code}} and %header{{NAME}}, got {value!r}")
                write_out = value
            elif word == "--resolve":
                match = re.fullmatch(r"([A-Za-z0-9.-]+):(\d+):127\.0\.0\.1", value)
                if not match:
                    raise HarnessError(f"{where}: --resolve must be NAME:PORT:127.0.0.1, got {value!r}")
                resolve = match.group(1)
            else:
                data = value
        elif word.startswith("-"):
            raise HarnessError(
                f"{where}: unsupported curl option {word!r} (supported: -i -s -k -H -X -d -o /dev/null -w --resolve)"
            )
        elif url is None:
            url = word
        else:
            raise HarnessError(f"{where}: more than one URL ({url!r} and {word!r})")
    if url is None:
        raise HarnessError(f"{where}: no URL")
    parts = urlsplit(url)
    host_ok = parts.hostname == "127.0.0.1" or (resolve is not None and parts.hostname == resolve)
    port_ok = parts.port is not None and LISTEN_ADDRESS.fullmatch(f"127.0.0.1:{parts.port}")
    scheme_ok = parts.scheme == ("https" if parts.port == HTTPS_PORT else "http")
    if not (host_ok and port_ok and scheme_ok):
        raise HarnessError(
            f"{where}: URL must start with http://127.0.0.1:{READER_PORT}/ "
            f"(or another port 8081-8099, or https://127.0.0.1:{HTTPS_PORT}/), got {url!r}"
        )
    if parts.scheme == "https" and not insecure:
        raise HarnessError(f"{where}: https needs -k (the test certificate is self-signed)")
    method = method or ("POST" if data is not None else "GET")
    return CurlRequest(url, method, headers, data, include, write_out, discard, resolve)


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


def render_response(request: CurlRequest, response: Response, shown: set[str]) -> str:
    """What curl prints for one response, keeping only the headers NAME.out shows."""
    pieces: list[str] = []
    if request.include_headers:
        kept = [f"{name}: {value}\n" for name, value in response.headers if name.lower() in shown]
        pieces.append(response.status_line + "\n" + "".join(kept) + "\n")
    if not request.discard_body:
        pieces.append(response.body)
    if request.write_out is not None:
        code = response.status_line.split()[1]
        values = {name.lower(): value for name, value in response.headers}

        def header(match: re.Match[str]) -> str:
            return values.get(match.group(1).lower(), "")

        text = re.sub(r"%header\{([A-Za-z0-9-]+)\}", header, request.write_out.replace("%{http_code}", code))
        pieces.append(text.replace("\\n", "\n"))
    return "".join(pieces)


def render(requests: list[CurlRequest], responses: list[Response], shown: set[str]) -> str:
    """What curl would print for these responses, keeping only the headers NAME.out shows."""
    return "".join(render_response(q, r, shown) for q, r in zip(requests, responses, strict=True))


def example_config(conf_text: str, source: str, port: int | dict[int, int]) -> str:
    """NAME.conf with the reader's ports replaced by the test's ports (an int means {8080: port})."""
    ports = {READER_PORT: port} if isinstance(port, int) else port
    listens = list(LISTEN_LINE.finditer(conf_text))
    if not listens:
        raise HarnessError(f"{source}: no 'listen 127.0.0.1:{READER_PORT};' line")
    for listen in listens:
        if not LISTEN_ADDRESS.fullmatch(listen.group("address")):
            raise HarnessError(
                f"{source}: every listen line must be 'listen 127.0.0.1:{READER_PORT};' "
                f"(or 8081-8099, 8443), got {listen.group(0).strip()!r}"
            )
    return rewrite_ports(conf_text, ports)


def parse_log_checks(text: str) -> list[tuple[bool, re.Pattern[str]]]:
    """NAME.log: (must appear, pattern) per line; `/re/` is a regex, `!` negates, else a substring."""
    checks: list[tuple[bool, re.Pattern[str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        wanted = not line.startswith("!")
        body = line if wanted else line[1:]
        if len(body) > 1 and body.startswith("/") and body.endswith("/"):
            pattern = re.compile(body[1:-1])
        else:
            pattern = re.compile(re.escape(body))
        checks.append((wanted, pattern))
    return checks


def failed_log_checks(checks: list[tuple[bool, re.Pattern[str]]], log: str) -> list[str]:
    return [("" if wanted else "!") + p.pattern for wanted, p in checks if bool(p.search(log)) != wanted]


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to 127.0.0.1 whatever the host name says (curl --resolve), name sent as SNI."""

    def __init__(self, name: str, port: int, **kwargs: object) -> None:
        super().__init__(name, port, **kwargs)  # type: ignore[arg-type]
        self.pinned_port = port

    def connect(self) -> None:
        raw = socket.create_connection(("127.0.0.1", self.pinned_port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)  # type: ignore[attr-defined]


class NginxServer:
    """nginx running in a private prefix; use as a context manager."""

    def __init__(
        self,
        prefix: Path,
        main_conf: str,
        example_conf: str,
        port: int | dict[int, int],
        files: list[Path] | None = None,
    ) -> None:
        self.prefix = prefix
        self.ports = {READER_PORT: port} if isinstance(port, int) else port
        self.port = next(iter(self.ports.values()))
        self.error_log = prefix / "logs" / "error.log"
        for sub in ("conf", "logs", "temp"):
            (prefix / sub).mkdir(parents=True, exist_ok=True)
        for folder in files or []:
            copy_files(folder, prefix, self.ports)
        (prefix / "conf" / "nginx.conf").write_text(main_conf, encoding="utf-8")
        (prefix / "conf" / "example.conf").write_text(example_conf, encoding="utf-8")
        if re.search(r"\b(cert|key)\.pem\b", example_conf):
            self_signed_certificate(prefix / "conf")
        # Only the ports nginx listens on; an upstream's `server 127.0.0.1:8089;` may be down on purpose.
        listened = [m.group("address").rpartition(":")[2] for m in LISTEN_LINE.finditer(example_conf)]
        self.listen_ports = [int(port) for port in listened if port.isdigit()] or [self.port]
        self.process: subprocess.Popen[bytes] | None = None

    def log_text(self) -> str:
        return self.error_log.read_text(encoding="utf-8", errors="replace") if self.error_log.exists() else ""

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

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
        for port in self.listen_ports:
            if not wait_for_port(port, self.alive, max(0.1, deadline - time.monotonic())):
                code = self.process.poll()
                self.__exit__(None, None, None)
                what = (
                    f"nginx exited with code {code}"
                    if code is not None
                    else (f"nginx did not accept connections on {port} within {START_TIMEOUT} s")
                )
                raise ExampleMismatch(f"{what}; error.log:\n{self.log_text()}")
        return self

    def __exit__(self, *exc_info: object) -> None:
        stop_process(self.process)

    def reload(self) -> None:
        """SIGHUP to the master, then wait until the old workers are gone and the new ones listen."""
        assert self.process is not None
        old = child_pids(self.process.pid)
        self.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + RELOAD_TIMEOUT
        while time.monotonic() < deadline:
            current = child_pids(self.process.pid)
            if current and not (current & old):
                break
            time.sleep(0.02)
        else:
            raise ExampleMismatch(f"old workers still running {RELOAD_TIMEOUT} s after SIGHUP:\n{self.log_text()}")
        for port in self.listen_ports:
            wait_for_port(port, self.alive)

    def send(self, request: CurlRequest) -> Response:
        port = self.ports.get(request.port, request.port)
        if request.https:
            context = ssl._create_unverified_context()  # curl -k
            if request.resolve:
                connection: http.client.HTTPConnection = _PinnedHTTPSConnection(
                    request.resolve, port, timeout=REQUEST_TIMEOUT, context=context
                )
            else:
                connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT, context=context)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        try:
            body = request.data.encode("utf-8") if request.data is not None else None
            connection.putrequest(request.method, request.target, skip_host=True, skip_accept_encoding=True)
            sent = {name.lower() for name, _ in request.headers}
            defaults = [("Host", f"{request.resolve or '127.0.0.1'}:{request.port}"), ("User-Agent", "curl")]
            defaults.append(("Accept", "*/*"))
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


def copy_files(source: Path, prefix: Path, ports: dict[int, int]) -> None:
    """Copy an example's NAME/ folder into the prefix, rewriting reader ports in its text files."""
    for path in sorted(source.rglob("*")):
        target = prefix / path.relative_to(source)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            target.write_text(rewrite_ports(path.read_text(encoding="utf-8"), ports), encoding="utf-8")
        except UnicodeDecodeError:
            shutil.copyfile(path, target)


@dataclass
class Example:
    """The files of one example, read once."""

    conf: Path
    conf_text: str
    steps: list[Step]
    expected: str
    files: list[Path]
    seed: list[list[str]]
    log_checks: list[tuple[bool, re.Pattern[str]]]
    workers: int

    @classmethod
    def load(cls, conf: Path) -> Example:
        curl = conf.with_suffix(".curl")
        conf_text = conf.read_text(encoding="utf-8")
        steps = parse_curl(curl.read_text(encoding="utf-8"), str(curl))
        from_other = FILES_FROM.search(conf_text)
        names = from_other.group(1).split() if from_other else [conf.stem]
        folders = [conf.parent / name for name in names]
        for folder in folders if from_other else []:
            if not folder.is_dir():
                raise HarnessError(f"{conf}: '# files: {from_other.group(1)}' but there is no folder {folder}")
        seed_file, log_file = conf.with_suffix(".redis"), conf.with_suffix(".log")
        seed = parse_redis_seed(seed_file.read_text(encoding="utf-8"), str(seed_file)) if seed_file.exists() else []
        workers = WORKERS.search(conf_text)
        return cls(
            conf,
            conf_text,
            steps,
            conf.with_suffix(".out").read_text(encoding="utf-8"),
            [folder for folder in folders if folder.is_dir()],
            seed,
            parse_log_checks(log_file.read_text(encoding="utf-8")) if log_file.exists() else [],
            int(workers.group(1)) if workers else 1,
        )

    def texts(self) -> list[str]:
        """Every text in which a reader port may be written."""
        texts = [self.conf_text, *(" ".join(words) for words in self.seed)]
        texts += [s.url for s in self.steps if isinstance(s, CurlRequest)]
        if self.seed or any(isinstance(s, RedisCommand) for s in self.steps):
            texts.append(str(READER_REDIS_PORT))
        for folder in self.files:
            for path in folder.rglob("*"):
                if path.is_file():
                    with contextlib.suppress(UnicodeDecodeError):
                        texts.append(path.read_text(encoding="utf-8"))
        return texts

    def needs_redis(self) -> bool:
        return READER_REDIS_PORT in reader_ports(*self.texts())


def example_missing_reason(conf: Path) -> str | None:
    """Why this example cannot run here (nginx, or redis-server when it uses Redis), or None."""
    reason = missing_reason()
    if reason is None and Example.load(conf).needs_redis():
        reason = redis_missing_reason()
    return reason


def main_config(main_conf: str, workers: int) -> str:
    """The shared main config for one run: worker count as the example asks; `user root;` under root.

    nginx started by root runs its workers as `nobody`, who cannot read an example's Lua files in
    pytest's private temp dir; as any other user the workers keep that user and nothing changes.
    """
    if os.geteuid() == 0:
        main_conf = "user root;  # added by the test harness: the tests run as root\n" + main_conf
    if workers == 1:
        return main_conf
    replaced, count = re.subn(r"^worker_processes\s+\d+;", f"worker_processes {workers};", main_conf, flags=re.M)
    if count != 1:
        raise HarnessError("the main nginx.conf has no 'worker_processes N;' line to change")
    return replaced


def _run_steps(example: Example, server: NginxServer, redis: RedisServer | None) -> str:
    shown = shown_header_names(example.expected)
    printed: list[str] = []
    for words in example.seed:
        assert redis is not None
        redis.command(words)
    for step in example.steps:
        if isinstance(step, CurlRequest):
            printed.append(render_response(step, server.send(step), shown))
        elif isinstance(step, Sleep):
            time.sleep(step.seconds)
        elif isinstance(step, Reload):
            server.reload()
        elif isinstance(step, Copy):
            shutil.copyfile(server.prefix / step.source, server.prefix / step.destination)
        else:
            assert redis is not None
            printed.append("".join(line + "\n" for line in redis.command(step.words)))
    if example.log_checks:
        deadline = time.monotonic() + LOG_WAIT
        while (
            failed_log_checks(example.log_checks, restore_ports(server.log_text(), server.ports))
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        if any(not wanted for wanted, _ in example.log_checks):
            # A line that must not appear could still be on its way (the last request's log phase).
            time.sleep(NEGATIVE_GRACE)
    return "".join(printed)


def run_example(conf: Path, main_conf: Path, prefix: Path, attempts: int = 3) -> tuple[str, str]:
    """Run NAME.conf with the steps in NAME.curl; return (what curl would print, error.log).

    Both come back with the reader's ports written in place of the test's ports.
    """
    example = Example.load(conf)
    wanted = reader_ports(*example.texts())
    for attempt in range(1, attempts + 1):
        ports = {port: free_port() for port in sorted(wanted | {READER_PORT})}
        conf_text = example_config(example.conf_text, str(conf), ports)
        run_dir = prefix / f"run{attempt}"
        main = main_config(main_conf.read_text(encoding="utf-8"), example.workers)
        server = NginxServer(run_dir, main, conf_text, ports, example.files)
        redis = RedisServer(ports[READER_REDIS_PORT], run_dir / "redis") if READER_REDIS_PORT in ports else None
        try:
            if redis is not None:
                redis.__enter__()
            with server:
                printed = _run_steps(example, server, redis)
        except ServiceError as error:
            if attempt < attempts:
                continue
            raise ExampleMismatch(f"{conf.name}: {error}") from None
        except ExampleMismatch:
            # Another process may have taken the free port between probe and bind: try a new one.
            if "Address already in use" in server.log_text() and attempt < attempts:
                continue
            raise
        except OSError as error:
            raise ExampleMismatch(f"{conf.name}: request failed ({error}); error.log:\n{server.log_text()}") from None
        finally:
            if redis is not None:
                redis.__exit__()
        log = restore_ports(server.log_text(), ports)
        failed = failed_log_checks(example.log_checks, log)
        if failed:
            raise ExampleMismatch(
                f"{conf.name}: error.log lacks (or, for !, has) {failed} from {conf.with_suffix('.log').name}"
                f"\nerror.log:\n{log}"
            )
        return restore_ports(printed, ports), log
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
