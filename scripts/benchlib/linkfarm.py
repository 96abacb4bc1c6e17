"""A local link farm on several loopback addresses: nginx with the Lua module, or a Python fallback.

Every response waits a fixed latency, then answers 200, or 404 for paths under /missing/.
Connections are kept alive, so a checker that pools connections pays the latency and little else.
The farm counts what it served in a shared dict, so a test can compare "404s served" with
"broken links reported".
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from benchlib.pyfarm import PythonFarmProcesses

NGINX = "/usr/sbin/nginx"
MODULE_DIR = Path("/usr/lib/nginx/modules")
MODULES = ("ndk_http_module.so", "ngx_http_lua_module.so")


class FarmError(RuntimeError):
    """The farm could not start (nginx or its Lua module is missing, or no free port)."""


@dataclass(frozen=True)
class FarmStats:
    ok: int
    not_found: int
    first_request: float = 0.0  # Unix time the first request arrived (0: none)
    last_response: float = 0.0  # Unix time the last response was sent

    @property
    def total(self) -> int:
        return self.ok + self.not_found


def nginx_available() -> bool:
    return Path(NGINX).exists() and all((MODULE_DIR / name).exists() for name in MODULES)


def _host_addresses(count: int) -> list[str]:
    if not 1 <= count <= 254:
        raise ValueError("hosts must be between 1 and 254")
    return [f"127.0.0.{i}" for i in range(1, count + 1)]


def _free_port(addresses: list[str], attempts: int = 20) -> int:
    """A port that is free on every address (the kernel picks it on the first one)."""
    for _ in range(attempts):
        with socket.socket() as probe:
            probe.bind((addresses[0], 0))
            port = probe.getsockname()[1]
        if all(_port_free(address, port) for address in addresses):
            return port
    raise FarmError("no port is free on all loopback addresses")


def _port_free(address: str, port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((address, port))
        except OSError:
            return False
    return True


def render_config(prefix: Path, addresses: list[str], port: int, latency_s: float) -> str:
    listens = "\n".join(f"    listen {address}:{port} backlog=4096;" for address in addresses)
    load = "\n".join(f"load_module {MODULE_DIR / name};" for name in MODULES)
    return f"""{load}
worker_processes auto;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 8192; }}
http {{
  access_log off;
  client_body_temp_path {prefix}/tmp/body;
  proxy_temp_path {prefix}/tmp/proxy;
  fastcgi_temp_path {prefix}/tmp/fastcgi;
  uwsgi_temp_path {prefix}/tmp/uwsgi;
  scgi_temp_path {prefix}/tmp/scgi;
  lua_shared_dict farm_stats 1m;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  server {{
{listens}
    location = /__farm/stats {{
      content_by_lua_block {{
        local stats = ngx.shared.farm_stats
        ngx.say(stats:get("200") or 0, " ", stats:get("404") or 0, " ",
                string.format("%.4f %.4f", stats:get("first") or 0, stats:get("last") or 0))
      }}
    }}
    location = /__farm/reset {{
      content_by_lua_block {{
        ngx.shared.farm_stats:flush_all()
        ngx.say("reset")
      }}
    }}
    location / {{
      content_by_lua_block {{
        local stats = ngx.shared.farm_stats
        ngx.update_time()
        stats:add("first", ngx.now())  -- add() keeps the first value: when the first request arrived
        ngx.sleep({latency_s:.4f})
        local status = 200
        if ngx.var.uri:find("^/missing/") then status = 404 end
        stats:incr(tostring(status), 1, 0)
        ngx.update_time()
        stats:set("last", ngx.now())
        local body = "<!doctype html><title>" .. status .. "</title>\\n"
        ngx.status = status
        ngx.header["Content-Type"] = "text/html; charset=utf-8"
        ngx.header["Content-Length"] = #body
        ngx.print(body)
      }}
    }}
  }}
}}
"""


class LinkFarm:
    """Context manager: `with LinkFarm(hosts=10) as farm: farm.base_urls ...`; nginx stops on exit."""

    def __init__(self, hosts: int = 10, latency_ms: float = 20.0, kind: str = "auto") -> None:
        if kind not in ("auto", "nginx", "python"):
            raise ValueError("kind must be auto, nginx or python")
        self.addresses = _host_addresses(hosts)
        self.latency_s = latency_ms / 1000.0
        self.kind = ("nginx" if nginx_available() else "python") if kind == "auto" else kind
        self.port = 0
        self._prefix: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._python: PythonFarmProcesses | None = None

    @property
    def description(self) -> str:
        server = "nginx + lua-nginx-module" if self.kind == "nginx" else "Python asyncio (scripts/benchlib/pyfarm.py)"
        return f"{server}, {len(self.addresses)} hosts, {self.latency_s * 1000:.0f} ms per response, keep-alive"

    @property
    def base_urls(self) -> list[str]:
        return [f"http://{address}:{self.port}" for address in self.addresses]

    def __enter__(self) -> LinkFarm:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        self.port = _free_port(self.addresses)
        if self.kind == "python":
            self._python = PythonFarmProcesses(self.addresses, self.port, self.latency_s)
            self._python.start()
        else:
            self._start_nginx()
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    def _start_nginx(self) -> None:
        if not nginx_available():
            raise FarmError(f"{NGINX} with the Lua module is missing (Debian: nginx libnginx-mod-http-lua)")
        self._prefix = Path(tempfile.mkdtemp(prefix="linkfarm-"))
        (self._prefix / "tmp").mkdir()
        config = self._prefix / "nginx.conf"
        config.write_text(render_config(self._prefix, self.addresses, self.port, self.latency_s), encoding="utf-8")
        self._process = subprocess.Popen(
            [NGINX, "-p", str(self._prefix), "-c", str(config), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def _wait_ready(self, timeout_s: float = 10.0) -> None:
        deadline = time.monotonic() + timeout_s
        pending = list(self.addresses)
        while pending:
            if self._process is not None and self._process.poll() is not None:
                err = self._process.stderr.read().decode(errors="replace").strip() if self._process.stderr else ""
                raise FarmError(f"nginx exited at start: {err.splitlines()[-1] if err else 'no message'}")
            if self._python is not None and not self._python.alive():
                raise FarmError("a Python farm worker exited at start")
            try:
                socket.create_connection((pending[0], self.port), timeout=1).close()
                pending.pop(0)
            except OSError:
                if time.monotonic() > deadline:
                    raise FarmError(f"nginx did not answer on {pending[0]} within {timeout_s:.0f} s") from None
                time.sleep(0.05)

    def _get(self, path: str) -> str:
        with urllib.request.urlopen(f"{self.base_urls[0]}{path}", timeout=5) as response:
            return response.read().decode()

    def stats(self) -> FarmStats:
        if self._python is not None:
            return FarmStats(*self._python.totals())
        ok, not_found, first, last = self._get("/__farm/stats").split()
        return FarmStats(int(ok), int(not_found), float(first), float(last))

    def reset_stats(self) -> None:
        if self._python is not None:
            self._python.reset()
            return
        self._get("/__farm/reset")

    def stop(self) -> None:
        python_farm, self._python = self._python, None
        if python_farm is not None:
            python_farm.stop()
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)  # fast shutdown: master stops its workers
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process is not None and process.stderr is not None:
            process.stderr.close()
        if self._prefix is not None:
            shutil.rmtree(self._prefix, ignore_errors=True)
            self._prefix = None
