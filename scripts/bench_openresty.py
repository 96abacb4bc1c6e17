#!/usr/bin/env python3
"""Micro benchmarks for docs/openresty/performance.md, measured inside a real nginx + lua-nginx-module.

    python scripts/bench_openresty.py --out docs/openresty/examples/perf-results.txt   # the run the page quotes
    python scripts/bench_openresty.py --quick    # a smoke run with few iterations

Each case is a pair of Lua snippets doing the same work two ways. The script starts Debian's nginx
(one worker, the Lua module loaded as in docs/openresty/examples/nginx.conf) in a temporary prefix,
asks it to run every snippet several times with os.clock() around the loop, and prints the median
nanoseconds per iteration as a Markdown table, plus the machine it ran on. The page quotes this
table; the numbers are never typed by hand. Needs: apt-get install nginx libnginx-mod-http-lua.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MODULES = Path("/usr/lib/nginx/modules")


@dataclass(frozen=True)
class Case:
    name: str  # shown in the table
    slow_label: str
    slow: str  # Lua statements run `n` times inside `for i = 1, n do ... end`
    fast_label: str
    fast: str
    setup: str = ""  # Lua run once before each timed loop (locals visible to both snippets)
    divisor: int = 1  # run n // divisor iterations: for the cases where one iteration is slow


CASES = [
    Case(
        "全局函数 vs 局部变量缓存",
        "math.floor(i / 3)",
        "x = x + math.floor(i / 3)",
        "local floor = math.floor",
        "x = x + floor(i / 3)",
        "local x = 0; local floor = math.floor",
    ),
    Case(
        "同上，但关掉 JIT（解释器执行）",
        "math.floor(i / 3)",
        "x = x + math.floor(i / 3)",
        "local floor = math.floor",
        "x = x + floor(i / 3)",
        "local x = 0; local floor = math.floor; jit.off(true, true)",
    ),
    Case(
        "在循环里创建闭包（NYI）vs 提到循环外",
        "每次新建 function",
        "local f = function() return i end; x = x + f()",
        "复用同一个函数",
        "x = x + g(i)",
        "local x = 0; local function g(v) return v end",
    ),
    Case(
        "拼接 100 段字符串：.. vs table.concat",
        "s = s .. piece",
        "local s = ''; for k = 1, 100 do s = s .. 'abcdefgh' end",
        "table.concat",
        "local t = {}; for k = 1, 100 do t[k] = 'abcdefgh' end; local s = table.concat(t)",
        divisor=10,
    ),
    Case(
        "拼接 2000 段字符串：.. vs table.concat",
        "s = s .. piece",
        "local s = ''; for k = 1, 2000 do s = s .. 'abcdefgh' end",
        "table.concat",
        "local t = {}; for k = 1, 2000 do t[k] = 'abcdefgh' end; local s = table.concat(t)",
        divisor=1000,
    ),
    Case(
        "填充 16 个元素的数组：{} vs table.new",
        "{}",
        "local t = {}; for k = 1, 16 do t[k] = k end",
        "table.new(16, 0)",
        "local t = new_tab(16, 0); for k = 1, 16 do t[k] = k end",
        "local new_tab = require 'table.new'",
    ),
    Case(
        "复用一张表：新建 vs table.clear",
        "每次新建 {}",
        "local t = {}; for k = 1, 16 do t[k] = k end",
        "table.clear 后复用",
        "clear(reuse); for k = 1, 16 do reuse[k] = k end",
        "local clear = require 'table.clear'; local reuse = {}",
    ),
    Case(
        "读 nginx 变量：ngx.var vs 缓存到局部变量",
        "每次 ngx.var.uri",
        "x = x + #ngx.var.uri",
        "先读一次存进局部变量",
        "x = x + #uri",
        "local x = 0; local uri = ngx.var.uri",
    ),
]

CONF = """\
{user}load_module {modules}/ndk_http_module.so;
load_module {modules}/ngx_http_lua_module.so;
daemon off;
worker_processes 1;
pid logs/nginx.pid;
error_log logs/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path temp/body;
    proxy_temp_path temp/proxy;
    fastcgi_temp_path temp/fastcgi;
    uwsgi_temp_path temp/uwsgi;
    scgi_temp_path temp/scgi;
    server {{
        listen 127.0.0.1:{port};
        location = /version {{
            content_by_lua_block {{
                local v = ngx.config.ngx_lua_version
                ngx.say(string.format("lua-nginx-module %d.%d.%d，%s", v / 1000000, v / 1000 % 1000, v % 1000,
                                      jit.version))
            }}
        }}
{locations}
    }}
}}
"""

LOCATION = """\
        location = /{name} {{
            content_by_lua_block {{
                local n = tonumber(ngx.var.arg_n)
                {setup}
                local clock = os.clock
                local start = clock()
                for i = 1, n do
                    {body}
                end
                ngx.say(string.format("%.3f", (clock() - start) * 1e9 / n))
                ngx.log(ngx.DEBUG, tostring(x))  -- 用一下结果，免得整个循环被当成死代码
            }}
        }}
"""


def find_nginx() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_conf(port: int) -> str:
    locations = []
    for index, case in enumerate(CASES):
        for side, body in (("slow", case.slow), ("fast", case.fast)):
            locations.append(LOCATION.format(name=f"c{index}_{side}", setup=case.setup, body=body))
    user = "user root;\n" if os.geteuid() == 0 else ""
    return CONF.format(user=user, modules=MODULES, port=port, locations="".join(locations))


def get(port: int, path: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode()
        if response.status != 200:
            raise RuntimeError(f"{path}: HTTP {response.status}: {body[:200]}")
        return body
    finally:
        connection.close()


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    nginx = subprocess.run([find_nginx() or "nginx", "-v"], capture_output=True, text=True).stderr.strip()
    osrel = Path("/etc/os-release").read_text(encoding="utf-8")
    os_name = re.search(r'^PRETTY_NAME="?([^"\n]+)', osrel, re.MULTILINE)
    return (
        f"{cpu}, {os.cpu_count()} cores, {os_name.group(1) if os_name else platform.system()}, "
        f"Linux {platform.release()}, {nginx.removeprefix('nginx version: ')}"
    )


def run(n: int, repeats: int) -> list[tuple[Case, float, float, str]]:
    binary = find_nginx()
    if binary is None or not (MODULES / "ngx_http_lua_module.so").is_file():
        sys.exit("needs nginx with the Lua module: apt-get install nginx libnginx-mod-http-lua")
    with tempfile.TemporaryDirectory(prefix="bench-openresty-") as tmp:
        prefix = Path(tmp)
        for sub in ("conf", "logs", "temp"):
            (prefix / sub).mkdir()
        port = free_port()
        (prefix / "conf" / "nginx.conf").write_text(build_conf(port), encoding="utf-8")
        process = subprocess.Popen(
            [binary, "-p", f"{prefix}/", "-c", "conf/nginx.conf"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        log = (prefix / "logs" / "error.log").read_text(errors="replace")
                        sys.exit(f"nginx did not start:\n{log}")
                    time.sleep(0.05)
            version = get(port, "/version").strip()
            results = []
            for index, case in enumerate(CASES):
                slow, fast = [], []
                iterations = max(1, n // case.divisor)
                for _ in range(repeats):  # interleaved, so a noisy neighbour hits both sides alike
                    slow.append(float(get(port, f"/c{index}_slow?n={iterations}")))
                    fast.append(float(get(port, f"/c{index}_fast?n={iterations}")))
                results.append((case, statistics.median(slow), statistics.median(fast), version))
            return results
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="few iterations, for a smoke test")
    parser.add_argument("--out", type=Path, help="also write the table to this file (the page includes it)")
    args = parser.parse_args(argv)
    n, repeats = (2_000, 1) if args.quick else (1_000_000, 7)
    report = render(run(n, repeats), n, repeats)
    print(report, end="")
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


def render(results: list[tuple[Case, float, float, str]], n: int, repeats: int) -> str:
    lines = [
        f"机器：{machine()}；{results[0][3]}。",
        "",
        f"每种写法在 nginx 的一个 worker 里循环 {n:,} 次（单次较慢的两行是 {n // 10:,} 次和 {n // 1000:,} 次），"
        f"取 {repeats} 次运行的中位数，单位是纳秒 / 次。",
        "",
        "| 对比 | 慢的写法 | ns/次 | 快的写法 | ns/次 | 倍数 |",
        "|---|---|---:|---|---:|---:|",
    ]
    for case, slow, fast, _ in results:
        ratio = f"{slow / fast:.1f}" if fast > 0 else "—"
        lines.append(f"| {case.name} | {case.slow_label} | {slow:.1f} | {case.fast_label} | {fast:.1f} | {ratio} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
