"""Every OpenResty example runs on a real nginx and answers exactly what its NAME.out shows.

The harness (tests/nginx_harness.py) documents the file format and the comparison rule.
Tests marked `nginx` need Debian's nginx and libnginx-mod-http-lua and skip without them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from nginx_harness import (
    Copy,
    CurlRequest,
    ExampleMismatch,
    HarnessError,
    RedisCommand,
    Reload,
    Response,
    Sleep,
    check_example,
    example_config,
    example_missing_reason,
    failed_log_checks,
    missing_reason,
    parse_curl,
    parse_log_checks,
    render,
    shown_header_names,
)
from nginx_services import encode_command, redis_missing_reason, restore_ports, rewrite_ports

from conftest import DOCS, ROOT

EXAMPLES_DIR = DOCS / "openresty" / "examples"
MAIN_CONF = EXAMPLES_DIR / "nginx.conf"  # the shared main config, not an example itself
EXAMPLES = sorted(p for p in EXAMPLES_DIR.glob("*.conf") if p != MAIN_CONF)


@pytest.fixture
def nginx_ready() -> None:
    reason = missing_reason()
    if reason:
        pytest.skip(reason)


def test_there_are_enough_examples() -> None:
    names = {p.stem for p in EXAMPLES}
    assert {"hello", "phase-order", "concurrency", "counter"} <= names
    assert MAIN_CONF.is_file()


@pytest.mark.parametrize("conf", EXAMPLES, ids=lambda p: p.stem)
def test_example_is_complete_and_shown(conf: Path) -> None:
    for suffix in (".curl", ".out"):
        assert conf.with_suffix(suffix).is_file(), f"{conf.name} has no {conf.stem}{suffix}"
    parse_curl(conf.with_suffix(".curl").read_text(encoding="utf-8"), conf.with_suffix(".curl").name)
    marker = f"<!-- example: examples/{conf.name} -->"
    pages = [p for p in (DOCS / "openresty").glob("*.md") if marker in p.read_text(encoding="utf-8")]
    assert pages, f"no page in docs/openresty/ includes {marker}"


FOLDER_FILES = sorted(p for p in EXAMPLES_DIR.glob("*/**/*") if p.is_file())


@pytest.mark.parametrize("path", FOLDER_FILES, ids=lambda p: str(p.relative_to(EXAMPLES_DIR)))
def test_example_folder_files_are_shown(path: Path) -> None:
    """Files an example copies into the prefix (NAME/lua/app.lua) appear on a page as a snippet."""
    include = f'--8<-- "openresty/examples/{path.relative_to(EXAMPLES_DIR).as_posix()}"'
    pages = [p for p in (DOCS / "openresty").glob("*.md") if include in p.read_text(encoding="utf-8")]
    assert pages, f"no page in docs/openresty/ shows {include}"


def test_main_config_is_shown_to_readers() -> None:
    page = (DOCS / "openresty" / "hello-world.md").read_text(encoding="utf-8")
    assert '--8<-- "openresty/examples/nginx.conf"' in page


@pytest.mark.nginx
@pytest.mark.parametrize("conf", EXAMPLES, ids=lambda p: p.stem)
def test_example_answers_as_documented(conf: Path, tmp_path: Path, nginx_ready: None) -> None:
    reason = example_missing_reason(conf)
    if reason:
        pytest.skip(reason)
    check_example(conf, MAIN_CONF, tmp_path)


# --- the harness itself -------------------------------------------------------------


def test_parse_curl_supported_subset() -> None:
    text = (
        "# 注释\n"
        "curl -i http://127.0.0.1:8080/a\n"
        "curl -s -X PUT -H 'X-Name: 值' \\\n"
        "     -d 'k=v' 'http://127.0.0.1:8080/b?x=1'\n"
        "curl -d k=v http://127.0.0.1:8080/c\n"
    )
    first, second, third = parse_curl(text, "t.curl")
    assert (first.method, first.target, first.include_headers) == ("GET", "/a", True)
    assert (second.method, second.target, second.headers, second.data) == ("PUT", "/b?x=1", [("X-Name", "值")], "k=v")
    assert (third.method, third.include_headers) == ("POST", False)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("curl http://example.com:8080/", "must start with http://127.0.0.1:8080/"),
        ("curl http://127.0.0.1:9999/", "must start with http://127.0.0.1:8080/"),
        ("curl -v http://127.0.0.1:8080/", "unsupported curl option '-v'"),
        ("curl -H 'no colon' http://127.0.0.1:8080/", "Name: value"),
        ("wget http://127.0.0.1:8080/", "a step is curl, sleep SECONDS"),
        ("sleep soon", "a step is curl"),
        ("cp /etc/passwd lua/x.lua", "a step is curl"),
        ("curl https://127.0.0.1:8443/", "https needs -k"),
        ("curl -k https://127.0.0.1:8080/", "URL must start with"),
        ("curl -o out.txt http://127.0.0.1:8080/", "only -o /dev/null"),
        ("curl -w '%{time_total}' http://127.0.0.1:8080/", "-w supports only"),
        ("curl -i", "no URL"),
    ],
)
def test_parse_curl_rejects_with_file_and_line(line: str, message: str) -> None:
    with pytest.raises(HarnessError, match=r"^t\.curl:2: .*" + message.replace("?", r"\?").replace(".", r"\.")):
        parse_curl("# first line\n" + line + "\n", "t.curl")


def test_only_headers_written_in_out_are_compared() -> None:
    expected = "HTTP/1.1 200 OK\nContent-Type: text/plain\n\nbody: not a header\n"
    assert shown_header_names(expected) == {"content-type"}
    response = Response(
        "HTTP/1.1 200 OK", [("Server", "nginx"), ("Date", "today"), ("Content-Type", "text/plain")], "hi\n"
    )
    with_headers = CurlRequest("http://127.0.0.1:8080/", include_headers=True)
    body_only = CurlRequest("http://127.0.0.1:8080/")
    assert render([with_headers], [response], {"content-type"}) == "HTTP/1.1 200 OK\nContent-Type: text/plain\n\nhi\n"
    assert render([body_only, body_only], [response, response], {"content-type"}) == "hi\nhi\n"


def test_example_config_moves_every_reader_port() -> None:
    conf = "server {\n    listen 127.0.0.1:8080;\n    set $x 18080;\n    proxy_pass http://127.0.0.1:8081;\n}\n"
    ports = {8080: 41234, 8081: 41235}
    assert example_config(conf, "x.conf", ports) == (
        "server {\n    listen 127.0.0.1:41234;\n    set $x 18080;\n    proxy_pass http://127.0.0.1:41235;\n}\n"
    )
    with pytest.raises(HarnessError, match=r"x\.conf: no 'listen 127\.0\.0\.1:8080;'"):
        example_config("server { }", "x.conf", 41234)
    with pytest.raises(HarnessError, match="every listen line"):
        example_config("server {\n listen 127.0.0.1:8080;\n listen 80;\n}", "x.conf", 41234)
    assert "listen 127.0.0.1:41236 ssl;" in example_config("listen 127.0.0.1:8443 ssl;", "x.conf", {8443: 41236})


def test_ports_are_rewritten_in_lua_and_written_back_in_output() -> None:
    ports = {8080: 40001, 8081: 40002, 6379: 40003}
    lua = 'sock:connect("127.0.0.1", 6379) -- and 8081, not 80810 or 16379 or v1.8081'
    assert rewrite_ports(lua, ports) == 'sock:connect("127.0.0.1", 40003) -- and 40002, not 80810 or 16379 or v1.8081'
    assert restore_ports("Location: http://127.0.0.1:40001/x (400011)", ports) == (
        "Location: http://127.0.0.1:8080/x (400011)"
    )


def test_parse_steps_between_requests() -> None:
    text = (
        "curl -s -o /dev/null -w '%{http_code}\\n' http://127.0.0.1:8080/a\n"
        "sleep 0.3\n"
        "kill -HUP $(cat logs/nginx.pid)\n"
        "cp lua/v2.lua lua/app.lua\n"
        "redis-cli GET 'user:1'\n"
        "curl -k https://127.0.0.1:8443/s\n"
        "curl -k --resolve example.test:8443:127.0.0.1 https://example.test:8443/\n"
        "curl http://127.0.0.1:8081/backend\n"
    )
    first, pause, reload, copy, redis, https, sni, backend = parse_curl(text, "t.curl")
    assert isinstance(first, CurlRequest) and first.discard_body and first.write_out == "%{http_code}\\n"
    assert pause == Sleep(0.3) and reload == Reload() and copy == Copy("lua/v2.lua", "lua/app.lua")
    assert redis == RedisCommand(["GET", "user:1"])
    assert isinstance(https, CurlRequest) and https.https and https.port == 8443
    assert isinstance(sni, CurlRequest) and sni.resolve == "example.test"
    assert isinstance(backend, CurlRequest) and backend.port == 8081


def test_write_out_prints_only_the_status_code() -> None:
    response = Response("HTTP/1.1 429 Too Many Requests", [], "body\n")
    quiet = CurlRequest("http://127.0.0.1:8080/", write_out="%{http_code}\\n", discard_body=True)
    assert render([quiet], [response], set()) == "429\n"
    moved = Response("HTTP/1.1 301 Moved Permanently", [("Location", "/new")], "<html>...")
    where = CurlRequest("http://127.0.0.1:8080/", write_out="%{http_code} %header{location}\\n", discard_body=True)
    assert render([where], [moved], set()) == "301 /new\n"


def test_log_checks_substring_regex_and_negation() -> None:
    checks = parse_log_checks("# comment\nwriting a global Lua variable\n/count=\\d+/\n!attempt to yield\n")
    log = "[warn] 1#1: *1 [lua] writing a global Lua variable ('count') count=3"
    assert failed_log_checks(checks, log) == []
    assert failed_log_checks(checks, "attempt to yield across C-call boundary") == [
        re.escape("writing a global Lua variable"),
        "count=\\d+",
        "!" + re.escape("attempt to yield"),
    ]


def test_redis_commands_are_sent_in_resp() -> None:
    assert encode_command(["SET", "k", "值"]) == b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\n\xe5\x80\xbc\r\n"


def write_example(folder: Path, conf: str, curl: str, out: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "probe.conf").write_text(conf, encoding="utf-8")
    (folder / "probe.curl").write_text(curl, encoding="utf-8")
    (folder / "probe.out").write_text(out, encoding="utf-8")
    return folder / "probe.conf"


PROBE_CONF = """server {
    listen 127.0.0.1:8080;
    location = /probe {
        content_by_lua_block {
            ngx.log(ngx.ERR, "probe-marker-in-error-log")
            ngx.say("real answer")
        }
    }
}
"""


@pytest.mark.nginx
def test_wrong_expected_output_fails_and_shows_error_log(tmp_path: Path, nginx_ready: None) -> None:
    conf = write_example(tmp_path / "ex", PROBE_CONF, "curl http://127.0.0.1:8080/probe\n", "made-up answer\n")
    with pytest.raises(ExampleMismatch) as failure:
        check_example(conf, MAIN_CONF, tmp_path / "run")
    message = str(failure.value)
    assert "-made-up answer" in message and "+real answer" in message
    assert "probe-marker-in-error-log" in message
    # The same example with the true answer passes, so the failure above is about the output only.
    (conf.with_suffix(".out")).write_text("real answer\n", encoding="utf-8")
    check_example(conf, MAIN_CONF, tmp_path / "run-again")


@pytest.mark.nginx
def test_broken_config_fails_with_nginx_error(tmp_path: Path, nginx_ready: None) -> None:
    broken = "server {\n    listen 127.0.0.1:8080;\n    no_such_directive on;\n}\n"
    conf = write_example(tmp_path / "ex", broken, "curl http://127.0.0.1:8080/\n", "")
    with pytest.raises(ExampleMismatch, match=r"(?s)nginx exited.*unknown directive \"no_such_directive\""):
        check_example(conf, MAIN_CONF, tmp_path / "run")


@pytest.mark.nginx
def test_lua_error_shows_traceback_from_error_log(tmp_path: Path, nginx_ready: None) -> None:
    failing = PROBE_CONF.replace('ngx.say("real answer")', 'error("boom from lua")')
    conf = write_example(tmp_path / "ex", failing, "curl -i http://127.0.0.1:8080/probe\n", "HTTP/1.1 200 OK\n\n")
    with pytest.raises(ExampleMismatch) as failure:
        check_example(conf, MAIN_CONF, tmp_path / "run")
    assert "+HTTP/1.1 500 Internal Server Error" in str(failure.value)
    assert "boom from lua" in str(failure.value)


def test_page_marker_renders_conf_request_and_response() -> None:
    sys.path.insert(0, str(ROOT / "extensions"))
    from lua_notes_markdown import expand_examples

    with_status = expand_examples("<!-- example: examples/hello.conf -->", "openresty/hello-world.md", DOCS)
    assert '```nginx title="hello.conf"' in with_status
    assert '```bash title="请求"\n--8<-- "openresty/examples/hello.curl"' in with_status
    assert '```http title="响应"\n--8<-- "openresty/examples/hello.out"' in with_status
    assert "[主配置 nginx.conf](examples/nginx.conf)" in with_status
    # Bodies without a status line are plain text: the http lexer would mark every line as an error.
    body_only = expand_examples("<!-- example: examples/counter.conf -->", "openresty/shared-state.md", DOCS)
    assert '```text title="响应"' in body_only


def test_skip_reason_names_the_debian_packages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import nginx_harness

    monkeypatch.setattr(nginx_harness, "find_nginx", lambda: "/usr/sbin/nginx")
    monkeypatch.setattr(nginx_harness, "MODULES_DIR", tmp_path)
    reason = nginx_harness.missing_reason() or ""
    assert "ngx_http_lua_module.so" in reason
    assert "nginx libnginx-mod-http-lua" in reason


# --- harness features, end to end on a real nginx ---------------------------------------


@pytest.fixture
def redis_ready(nginx_ready: None) -> None:
    reason = redis_missing_reason()
    if reason:
        pytest.skip(reason)


def write_files(folder: Path, files: dict[str, str]) -> Path:
    """Write an example's files (probe.conf, probe.curl, probe/lua/x.lua ...); return probe.conf."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder / "probe.conf"


REDIS_LUA = """local M = {}
function M.get(key)
    local sock = ngx.socket.tcp()
    assert(sock:connect("127.0.0.1", 6379))
    assert(sock:send("GET " .. key .. "\\r\\n"))
    local size = assert(sock:receive())
    local value = assert(sock:receive(tonumber(size:sub(2)) + 2))
    sock:close()
    return value:sub(1, -3)
end
return M
"""


@pytest.mark.nginx
def test_redis_seed_folder_and_redis_cli_step(tmp_path: Path, redis_ready: None) -> None:
    conf = write_files(
        tmp_path / "ex",
        {
            "probe.conf": 'lua_package_path "$prefix/lua/?.lua;;";\nserver {\n    listen 127.0.0.1:8080;\n'
            '    location / { content_by_lua_block { ngx.say(require("store").get("greeting")) } }\n}\n',
            "probe/lua/store.lua": REDIS_LUA,
            "probe.redis": "SET greeting 'hello from redis'\n",
            "probe.curl": "curl http://127.0.0.1:8080/\nredis-cli INCR visits\nredis-cli GET missing\n",
            "probe.out": "hello from redis\n1\n\n",
        },
    )
    check_example(conf, MAIN_CONF, tmp_path / "run")


@pytest.mark.nginx
def test_local_backend_and_ports_written_back(tmp_path: Path, nginx_ready: None) -> None:
    conf = write_files(
        tmp_path / "ex",
        {
            "probe.conf": "server {\n    listen 127.0.0.1:8080;\n    location / { proxy_pass http://127.0.0.1:8081; }\n"
            "    location = /go { return 302 http://127.0.0.1:8081/x; }\n}\n"
            "server {\n    listen 127.0.0.1:8081;\n"
            '    location / { content_by_lua_block { ngx.say("backend on ", ngx.var.server_port) } }\n}\n',
            "probe.curl": "curl http://127.0.0.1:8080/\ncurl -i http://127.0.0.1:8080/go\n",
            "probe.out": "backend on 8081\nHTTP/1.1 302 Moved Temporarily\nLocation: http://127.0.0.1:8081/x\n\n",
        },
    )
    # The body nginx writes for a 302 is HTML; compare just the part the test cares about.
    out = conf.with_suffix(".out")
    from nginx_harness import run_example

    actual, _ = run_example(conf, MAIN_CONF, tmp_path / "run")
    assert actual.startswith(out.read_text(encoding="utf-8"))


@pytest.mark.nginx
def test_reload_after_copy_serves_new_code(tmp_path: Path, nginx_ready: None) -> None:
    conf = write_files(
        tmp_path / "ex",
        {
            "probe.conf": "server {\n    listen 127.0.0.1:8080;\n"
            "    location / { content_by_lua_file lua/app.lua; }\n}\n",
            "probe/lua/app.lua": 'ngx.say("v1 pid-changes")\n',
            "probe/lua/app_v2.lua": 'ngx.say("v2")\n',
            "probe.curl": "curl http://127.0.0.1:8080/\ncp lua/app_v2.lua lua/app.lua\n"
            "curl http://127.0.0.1:8080/\nkill -HUP $(cat logs/nginx.pid)\nsleep 0.1\ncurl http://127.0.0.1:8080/\n",
            # lua_code_cache is on: the copied file is read only by the new workers after the reload.
            "probe.out": "v1 pid-changes\nv1 pid-changes\nv2\n",
        },
    )
    check_example(conf, MAIN_CONF, tmp_path / "run")


@pytest.mark.nginx
def test_https_with_generated_certificate_and_two_workers(tmp_path: Path, nginx_ready: None) -> None:
    conf = write_files(
        tmp_path / "ex",
        {
            "probe.conf": "# workers: 2\nserver {\n    listen 127.0.0.1:8443 ssl;\n"
            "    ssl_certificate cert.pem;\n    ssl_certificate_key key.pem;\n"
            '    location / { content_by_lua_block { ngx.say(ngx.var.scheme, " ", ngx.var.ssl_server_name or "-",'
            ' " ", ngx.worker.count()) } }\n}\n',
            "probe.curl": "curl -k https://127.0.0.1:8443/\n"
            "curl -k --resolve example.test:8443:127.0.0.1 https://example.test:8443/\n",
            "probe.out": "https - 2\nhttps example.test 2\n",
        },
    )
    check_example(conf, MAIN_CONF, tmp_path / "run")


@pytest.mark.nginx
def test_log_lines_are_checked_after_the_requests(tmp_path: Path, nginx_ready: None) -> None:
    files = {
        "probe.conf": "server {\n    listen 127.0.0.1:8080;\n    location / {\n"
        '        content_by_lua_block { ngx.say("ok") }\n'
        '        log_by_lua_block { ngx.log(ngx.WARN, "status=", ngx.status, " port=", ngx.var.server_port) }\n'
        "    }\n}\n",
        "probe.curl": "curl http://127.0.0.1:8080/\n",
        "probe.out": "ok\n",
        "probe.log": "/status=200 port=8080/\n!no such line\n",
    }
    conf = write_files(tmp_path / "ex", files)
    check_example(conf, MAIN_CONF, tmp_path / "run")
    conf.with_suffix(".log").write_text("status=404\n", encoding="utf-8")
    with pytest.raises(ExampleMismatch, match=r"error\.log lacks .*status=404"):
        check_example(conf, MAIN_CONF, tmp_path / "run-again")


def test_files_comment_names_folders_copied_in_order(tmp_path: Path) -> None:
    from nginx_harness import Example, copy_files

    write_files(
        tmp_path,
        {
            "base/lua/a.lua": "return 'base a' -- port 6379\n",
            "base/lua/b.lua": "return 'base b'\n",
            "extra/lua/b.lua": "return 'extra b'\n",
            "probe.conf": "# files: base extra\nserver {\n    listen 127.0.0.1:8080;\n}\n",
            "probe.curl": "curl http://127.0.0.1:8080/\n",
            "probe.out": "",
        },
    )
    example = Example.load(tmp_path / "probe.conf")
    assert [f.name for f in example.files] == ["base", "extra"]
    assert example.needs_redis()  # 6379 written in a copied Lua file
    prefix = tmp_path / "prefix"
    for folder in example.files:
        copy_files(folder, prefix, {6379: 40009})
    assert (prefix / "lua" / "a.lua").read_text() == "return 'base a' -- port 40009\n"
    assert (prefix / "lua" / "b.lua").read_text() == "return 'extra b'\n"
    (tmp_path / "probe.conf").write_text("# files: nowhere\nserver { listen 127.0.0.1:8080; }\n")
    with pytest.raises(HarnessError, match="no folder"):
        Example.load(tmp_path / "probe.conf")
