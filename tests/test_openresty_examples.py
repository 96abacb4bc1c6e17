"""Every OpenResty example runs on a real nginx and answers exactly what its NAME.out shows.

The harness (tests/nginx_harness.py) documents the file format and the comparison rule.
Tests marked `nginx` need Debian's nginx and libnginx-mod-http-lua and skip without them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from nginx_harness import (
    CurlRequest,
    ExampleMismatch,
    HarnessError,
    Response,
    check_example,
    example_config,
    missing_reason,
    parse_curl,
    render,
    shown_header_names,
)

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


def test_main_config_is_shown_to_readers() -> None:
    page = (DOCS / "openresty" / "hello-world.md").read_text(encoding="utf-8")
    assert '--8<-- "openresty/examples/nginx.conf"' in page


@pytest.mark.nginx
@pytest.mark.parametrize("conf", EXAMPLES, ids=lambda p: p.stem)
def test_example_answers_as_documented(conf: Path, tmp_path: Path, nginx_ready: None) -> None:
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
        ("wget http://127.0.0.1:8080/", "must start with 'curl'"),
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


def test_example_config_moves_only_the_reader_port() -> None:
    conf = "server {\n    listen 127.0.0.1:8080;\n    set $x 8080;\n}\n"
    assert example_config(conf, "x.conf", 41234) == "server {\n    listen 127.0.0.1:41234;\n    set $x 8080;\n}\n"
    with pytest.raises(HarnessError, match=r"x\.conf: no 'listen 127\.0\.0\.1:8080;'"):
        example_config("server { listen 80; }", "x.conf", 41234)
    with pytest.raises(HarnessError, match="every listen line"):
        example_config("server {\n listen 127.0.0.1:8080;\n listen 80;\n}", "x.conf", 41234)


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
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    from examples import expand_examples

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
