"""The validator's online checks, against real HTTP servers on 127.0.0.1 (tests/validate_servers.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from validate_servers import GBK_TEXT, Server, free_port, http_fixture, server_fixture  # noqa: F401 - fixtures

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from notes_validator.cli import main
from notes_validator.model import Position
from notes_validator.online.checker import OnlineChecker
from notes_validator.online.fetch import FetchSettings

VALIDATE = Path(__file__).resolve().parent.parent / "scripts" / "validate.py"


@pytest.fixture(autouse=True)
def _no_proxy_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's HTTP_PROXY would send the requests for 127.0.0.1 to that proxy (aiohttp: trust_env)."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], markdown: str, *options: str) -> tuple[int, dict]:
    """Validate one page online and return (exit status, JSON report)."""
    page = tmp_path / "page.md"
    page.write_text(markdown, encoding="utf-8")
    argv = [str(page), "--online", "--format", "json", "--retry-wait", "0.01", "--host-request-interval", "0"]
    if "--cache" not in options:
        argv.append("--no-cache")
    if "--timeout" not in options:
        argv += ["--timeout", "3"]
    if "--strict-private" not in options:
        argv.append("--allow-private")
    argv += [o for o in options if o != "--strict-private"]
    capsys.readouterr()
    status = main(argv)
    out = capsys.readouterr().out
    return status, json.loads(out)


def by_url(report: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["url"], []).append(finding)
    return found


def links(*urls: str) -> str:
    return "\n\n".join(f"[link {i}]({url})" for i, url in enumerate(urls)) + "\n"


# --- statuses, redirects, retries ---------------------------------------------------------------------
def test_statuses_and_wayback_suggestion(tmp_path, capsys, http: Server):
    ok, gone, broken = http.url("/ok"), http.url("/status/404"), http.url("/status/500")
    status, report = run(
        tmp_path, capsys, links(ok, gone, broken), "--retries", "1", "--archive-api", http.url("/wayback")
    )
    found = by_url(report)
    assert status == 1
    assert ok not in found
    assert found[gone][0]["message"] == "HTTP 404" and found[gone][0]["severity"] == "error"
    assert found[gone][0]["suggestion"] == f"http://web.archive.test/2016/{gone}"
    assert found[broken][0]["message"] == "HTTP 500"
    assert http.hits["/status/500"] == 2  # one retry on a 5xx
    assert report["stats"]["urls"] == 3


def test_redirect_chain_is_followed_quietly(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/chain/3")))
    assert status == 0 and report["findings"] == []
    assert http.hits["/chain/1"] == 1 and http.hits["/ok"] == 1


def test_redirect_loop_is_an_error(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/loop/a")))
    assert status == 1
    assert report["findings"][0]["message"].startswith("redirect loop: ")


def test_too_many_redirects(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/chain/5")), "--max-redirects", "2")
    assert status == 1
    assert report["findings"][0]["message"] == "too many redirects (more than 2)"
    assert http.hits["/ok"] == 0


def test_permanent_redirect_warns_with_final_url(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/moved#section")))
    assert status == 0
    (finding,) = report["findings"]
    assert finding["severity"] == "warning" and finding["check"] == "redirect"
    assert finding["suggestion"] == http.url("/ok#section")


def test_redirect_to_404_is_an_error(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/redirect-404")))
    assert status == 1
    assert report["findings"][0]["message"] == f"redirect ends in HTTP 404 at {http.url('/status/404')}"


def test_429_then_200_honours_retry_after(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/limited")))
    assert status == 0 and report["findings"] == []
    assert http.hits["/limited"] == 2


def test_503_then_200_is_retried(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/flaky")))
    assert status == 0 and report["findings"] == []
    assert http.hits["/flaky"] == 2


def test_head_405_falls_back_to_get(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/no-head")))
    assert status == 0 and report["findings"] == []
    assert [m for m, p in http.methods if p == "/no-head"] == ["HEAD", "GET"]


def test_403_to_a_bot_is_retried_as_a_browser(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/ua-filter")))
    assert status == 0 and report["findings"] == []
    assert "Mozilla" not in http.user_agents[0] and "Mozilla" in http.user_agents[-1]


def test_bot_challenge_is_a_warning_not_an_error(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/challenge")))
    assert status == 0
    (finding,) = report["findings"]
    assert finding["severity"] == "warning" and finding["check"] == "blocked"
    assert finding["message"].startswith("blocked")


def test_slow_response_times_out(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/slow")), "--timeout", "0.5", "--retries", "0")
    assert status == 1
    assert report["findings"][0]["message"] == "timed out after 0.5 s"


def test_refused_port_is_an_error_without_retries(tmp_path, capsys):
    url = f"http://127.0.0.1:{free_port()}/"
    status, report = run(tmp_path, capsys, links(url))
    assert status == 1
    assert report["findings"][0]["message"].startswith("cannot connect")


def test_page_cut_at_the_cap_gives_no_false_fragment_error(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, links(http.url("/endless#x")))
    assert http.hits["/endless"] == 1
    assert status == 0
    (finding,) = report["findings"]  # the page was read up to the cap and searched: a warning, not an error
    assert finding["check"] == "fragment" and finding["severity"] == "warning"
    assert finding["message"].startswith("page too large to check fragment '#x': not in the first 5 MB")


# --- fragments ------------------------------------------------------------------------------------------
def test_fragments_on_external_pages(tmp_path, capsys, http: Server):
    good, named, missing = http.url("/ok#section"), http.url("/ok#old-anchor"), http.url("/ok#nowhere")
    status, report = run(tmp_path, capsys, links(good, named, missing))
    assert status == 1
    found = by_url(report)
    assert set(found) == {missing}
    assert found[missing][0]["message"] == f"fragment '#nowhere' not found in {http.url('/ok')}"
    assert http.hits["/ok"] == 1  # one fetch for the three links


def test_url_used_on_several_pages_is_fetched_once_with_what_all_need(tmp_path, capsys, http: Server):
    """a.md needs only the status, b.md the page itself: one GET serves both."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(links(http.url("/ok")), encoding="utf-8")
    (docs / "b.md").write_text(links(http.url("/ok#nowhere"), http.url("/ok#section")), encoding="utf-8")
    capsys.readouterr()
    argv = [str(docs), "--online", "--format", "json", "--no-cache", "--allow-private", "--host-request-interval", "0"]
    status = main(argv)
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    (finding,) = report["findings"]
    assert finding["check"] == "fragment" and finding["url"].endswith("/ok#nowhere")
    assert [m for m, p in http.methods if p == "/ok"] == ["GET"]
    assert report["stats"]["urls"] == 1


# --- quotes ---------------------------------------------------------------------------------------------
def quote(text: str, url: str) -> str:
    body = "\n>\n".join("> " + line for line in text.split("\n\n"))
    return f"{body}\n>\n> — [A guide]({url})\n"


QUOTE_CASES = {
    "exact": "The worker processes handle these events but they don't wait around for them to be completed.",
    "reformatted": (
        "An event happens ----&gt; worker sends the request -----&gt; on completion it sends back the response.\n\n"
        "A coroutine\nis a *lightweight\\(green\\)* thread that is spawned from the lua’s execution environment.\n\n"
        "The directive always runs after the standard `http_rewrite_module`. So if you are using both keep that "
        'in mind.\n\n"Curly quotes" and an em-dash live here.'
    ),
    "elided": "Events coming on the master process … they don't wait around for them to be completed.",
    "altered": "The worker processes handle these events but they do wait around for them to be finished.",
    "missing": "Nothing like this sentence appears anywhere on that page at all, not even close.",
    "script": 'var hidden = "The worker processes handle these events";',
}


def test_quote_fidelity(tmp_path, capsys, http: Server):
    url = http.url("/quote-source#concurrency")
    blocks, lines, line = [], {}, 1
    for name, text in QUOTE_CASES.items():
        block = quote(text, url)
        lines[line] = name
        blocks.append(block)
        line += block.count("\n") + 3
    # Python-Markdown merges blockquotes parted only by a blank line: a comment keeps them apart.
    status, report = run(tmp_path, capsys, "\n<!-- -->\n\n".join(blocks))
    results = {lines[f["line"]]: f for f in report["findings"] if f["check"] == "quote"}
    assert status == 1
    for name in ("exact", "reformatted", "elided"):
        assert results[name]["severity"] == "info", results[name]
        assert results[name]["message"].startswith("quote verified against its source (fetched ")
    altered = results["altered"]
    assert altered["severity"] == "error"
    assert re.fullmatch(
        r"quote not found in its source \(fetched .*\); the closest passage is \d+% similar", altered["message"]
    )
    assert altered["suggestion"].startswith("The worker processes handle these events but they don't wait")
    assert results["missing"]["severity"] == "error"
    assert results["script"]["severity"] == "error"  # script text is not readable text
    assert http.hits["/quote-source"] == 1


@pytest.mark.parametrize("path", ["/gbk-header", "/gbk-meta"])
def test_gbk_pages_are_decoded(tmp_path, capsys, http: Server, path: str):
    status, report = run(tmp_path, capsys, quote(GBK_TEXT, http.url(path + "#gaishu")))
    assert status == 0, report
    (finding,) = report["findings"]
    assert finding["severity"] == "info" and finding["message"].startswith("quote verified")


def test_unreachable_quote_source_is_an_error(tmp_path, capsys, http: Server):
    status, report = run(tmp_path, capsys, quote("Anything at all here.", http.url("/status/404")))
    assert status == 1
    messages = {f["check"]: f["message"] for f in report["findings"]}
    assert messages["quote"] == "quote source unreachable: HTTP 404"


# --- cache ----------------------------------------------------------------------------------------------
def test_cache_reuse_and_snapshot_reverification(tmp_path, capsys, http: Server):
    cache = tmp_path / "cache"
    page = (
        links(http.url("/ok"), http.url("/status/404")) + "\n" + quote(QUOTE_CASES["exact"], http.url("/quote-source"))
    )
    run(tmp_path, capsys, page, "--cache", str(cache))
    assert http.hits["/ok"] == 1 and http.hits["/quote-source"] == 1
    status, report = run(tmp_path, capsys, page, "--cache", str(cache))
    assert http.hits["/ok"] == 1 and http.hits["/quote-source"] == 1  # successes reused
    assert http.hits["/status/404"] == 2  # failures always rechecked
    assert report["stats"]["from_cache"] == 2
    # Offline, the quote is checked against the kept text.
    capsys.readouterr()
    status = main([str(tmp_path / "page.md"), "--format", "json", "--cache", str(cache)])
    offline = json.loads(capsys.readouterr().out)
    (note,) = [f for f in offline["findings"] if f["check"] == "quote"]
    assert note["message"].startswith("quote verified against snapshot of 20")
    assert status == 0


def test_cache_expiry(tmp_path, capsys, http: Server):
    cache = tmp_path / "cache"
    run(tmp_path, capsys, links(http.url("/ok")), "--cache", str(cache))
    run(tmp_path, capsys, links(http.url("/ok")), "--cache", str(cache), "--max-cache-age", "0")
    assert http.hits["/ok"] == 2


def test_corrupt_cache_is_set_aside_with_a_warning(tmp_path, capsys, http: Server):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "links.json").write_text("{not json", encoding="utf-8")
    status, report = run(tmp_path, capsys, links(http.url("/ok")), "--cache", str(cache))
    assert status == 0
    (warning,) = [f for f in report["findings"] if f["check"] == "cache"]
    assert warning["severity"] == "warning" and "unreadable" in warning["message"]
    assert list(cache.glob("links.json.corrupt-*"))
    assert json.loads((cache / "links.json").read_text(encoding="utf-8"))["format"] == 1


@pytest.mark.parametrize(
    "entry",
    [
        {"checked": "yesterday", "status": 200},
        {"checked": 1.0, "status": "200"},
        {"checked": 1.0, "status": 200, "anchors": "section"},
        {"checked": 1.0, "status": 200, "chain": [["http://a/", "301"]]},
        {"checked": 1.0, "status": 200, "body": 1},
        ["not", "an", "entry"],
    ],
)
def test_wrong_typed_cache_entry_is_set_aside(tmp_path, capsys, http: Server, entry):
    cache = tmp_path / "cache"
    cache.mkdir()
    data = {"format": 1, "urls": {http.url("/ok"): entry}}
    (cache / "links.json").write_text(json.dumps(data), encoding="utf-8")
    status, report = run(tmp_path, capsys, links(http.url("/ok")), "--cache", str(cache), "--max-cache-age", "1000w")
    assert status == 0
    (warning,) = [f for f in report["findings"] if f["check"] == "cache"]
    assert "wrong type" in warning["message"] and list(cache.glob("links.json.corrupt-*"))
    assert http.hits["/ok"] == 1  # checked afresh


def test_wrong_typed_snapshot_is_set_aside(tmp_path, capsys, http: Server):
    cache = tmp_path / "cache"
    page = quote(QUOTE_CASES["exact"], http.url("/quote-source"))
    run(tmp_path, capsys, page, "--cache", str(cache))
    (snapshot,) = (cache / "snapshots").glob("*.json")
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    snapshot.write_text(json.dumps({**data, "text": ["not", "text"]}), encoding="utf-8")
    status, report = run(tmp_path, capsys, page, "--cache", str(cache))
    assert status == 0
    assert any(f["check"] == "cache" and "wrong type" in f["message"] for f in report["findings"])
    assert http.hits["/quote-source"] == 2


# --- private-address guard ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "host", ["localhost", "[::1]", "127.1", "2130706433", "0x7f000001", "127.0.0.1", "0177.0.0.1", "LOCALHOST."]
)
def test_private_addresses_are_refused_without_a_byte(tmp_path, capsys, http: Server, host: str):
    url = f"http://{host}:{http.port}/ok"
    status, report = run(tmp_path, capsys, links(url), "--strict-private")
    assert status == 1
    (finding,) = report["findings"]
    assert finding["check"] == "private-address" and "--allow-private" in finding["message"]
    assert http.hits["/ok"] == 0


class FakeResolver:
    """DNS stand-in: names map to fixed addresses."""

    def __init__(self, answers: dict[str, str]) -> None:
        self.answers = answers

    async def resolve(self, host, port=0, family=0):
        address = self.answers[host.rstrip(".")]
        return [{"hostname": host, "host": address, "port": port, "family": 2, "proto": 0, "flags": 0}]

    async def close(self):
        pass


def check_page(urls: list[str], **kwargs) -> list:
    """Check links without the collector: a stand-in page holding only what the online checker reads."""
    links = [SimpleNamespace(url=url, position=Position("page.md", n, 1)) for n, url in enumerate(urls, 1)]
    settings = FetchSettings(timeout=3, retries=0, retry_wait=0.01, host_request_interval=0)
    page = SimpleNamespace(links=links, quotes=[], external=None)
    return OnlineChecker(settings, allow_private=False, cache=None, **kwargs).run([page])


def test_dns_answer_is_checked(tmp_path, http: Server):
    url = f"http://intranet.test:{http.port}/ok"
    findings = check_page([url], resolver=FakeResolver({"intranet.test": "127.0.0.1"}))
    (finding,) = findings
    assert finding.check == "private-address"
    assert "resolves to 127.0.0.1" in finding.message
    assert http.hits["/ok"] == 0


def test_redirect_hop_to_a_private_address_is_refused(tmp_path, http: Server):
    other = Server()
    other.start()
    try:
        target = other.url("/ok")
        url = http.url(f"/redirect-to?to={target}")
        # The first server stands in for a public site; the second one must never be contacted.
        findings = check_page([url], exempt={("127.0.0.1", http.port)})
        (finding,) = findings
        assert finding.check == "private-address"
        assert http.hits["/redirect-to"] == 1 and other.hits["/ok"] == 0
    finally:
        other.stop()


def test_retry_after_forms_and_host_slowdown() -> None:
    import email.utils
    import time

    from notes_validator.online.fetch import HostGate, retry_after_seconds

    assert retry_after_seconds("5") == 5
    assert retry_after_seconds("3600") == 60  # capped
    date = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= (retry_after_seconds(date) or 0) <= 30
    assert retry_after_seconds("soon") is None
    gate = HostGate(concurrency=1, interval=0.0)
    gate.slow_down(2.0)
    assert gate.interval > 0 and gate.next_at >= time.monotonic() + 1.5


# --- the whole command ------------------------------------------------------------------------------------
def test_unreadable_page_online_is_one_line_exit_2(tmp_path: Path, http: Server) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(links(http.url("/ok")), encoding="utf-8")
    (docs / "b.md").write_bytes("# 标题\n".encode("gbk"))
    result = subprocess.run(
        [sys.executable, str(VALIDATE), "docs", "--online", "--allow-private", "--no-cache"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("validate.py: error: ") and "docs/b.md" in line and "UTF-8" in line
