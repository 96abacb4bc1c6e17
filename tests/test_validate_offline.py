"""The validator's offline checks and its command line: links, anchors, references, quotes, reports."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from validate_servers import Server, http_fixture, server_fixture  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from notes_validator.cli import main  # noqa: E402

# The project's own example expansion (a Markdown extension) is part of what the validator renders.
CONFIG = """site_name: test
docs_dir: docs
extra:
  notes_validator:
    quoted_notes: true
markdown_extensions:
  - lua_notes_markdown:
      docs_dir: docs
  - attr_list
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
"""

TARGET = """# 目标页

## 协程的状态

## 协程的状态

## 自定义 {#custom-id}

<a id="raw-id"></a>
"""

GOOD = """# 好页面

## 本页的标题

[同页](#本页的标题) [目标](guide/target.md) [锚点](guide/target.md#协程的状态)
[重复标题](guide/target.md#协程的状态_1) [属性](guide/target.md#custom-id) [原始](guide/target.md#raw-id)
[目录](guide/) [目录 2](guide) [示例](examples/hello.lua)
[百分号](guide/target.md#%E5%8D%8F%E7%A8%8B%E7%9A%84%E7%8A%B6%E6%80%81)
![图](examples/hello.lua) [邮件](mailto:someone@example.com) [引用][ref]

[ref]: guide/target.md

<!-- example: examples/hello.lua -->

```
[代码块里](missing.md)
```

还有 `[行内代码](missing.md)`。

> 引用的一句话。
>
> — [来源](https://example.com/source)
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "examples").mkdir()
    (docs / "guide" / "target.md").write_text(TARGET, encoding="utf-8")
    (docs / "guide" / "index.md").write_text("# 指南\n", encoding="utf-8")
    (docs / "examples" / "hello.lua").write_text("-- runs-on: 5.4\nprint('hi')\n", encoding="utf-8")
    (docs / "examples" / "hello.out").write_text("hi\n", encoding="utf-8")
    (docs / "index.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def validate(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    capsys.readouterr()
    status = main([*argv, "--format", "json"])
    return status, json.loads(capsys.readouterr().out)


def write_page(site: Path, text: str) -> str:
    (site / "docs" / "page.md").write_text(text, encoding="utf-8")
    return "docs/page.md"


def messages(report: dict) -> list[tuple[int, str, str]]:
    return [(f["line"], f["severity"], f["message"]) for f in report["findings"]]


def test_good_site_has_no_findings(site: Path, capsys) -> None:
    status, report = validate(capsys)
    assert report["findings"] == []
    assert status == 0
    assert report["stats"]["files"] == 3 and report["stats"]["quotes"] == 1


def test_broken_internal_links_and_anchors(site: Path, capsys) -> None:
    page = write_page(
        site,
        "# 页\n\n[缺文件](nope.md)\n[缺锚点](guide/target.md#协程状态)\n[同页](#没有)\n"
        "[空目录](empty/)\n[外面](../mkdocs.yml)\n[示例](examples/missing.lua)\n",
    )
    (site / "docs" / "empty").mkdir()
    status, report = validate(capsys, page)
    assert status == 1
    found = messages(report)
    assert (3, "error", "'nope.md' not found") in found
    assert (4, "error", "anchor '#协程状态' not found in docs/guide/target.md") in found
    assert (5, "error", "anchor '#没有' not found on this page") in found
    assert (6, "error", "'empty/' not found") in found
    assert (7, "error", "'../mkdocs.yml' points outside docs_dir") in found
    assert (8, "error", "'examples/missing.lua' not found") in found
    anchor = next(f for f in report["findings"] if f["line"] == 4)
    assert anchor["suggestion"] == "#协程的状态" and anchor["column"] == 7


def test_raw_html_links_are_checked(site: Path, capsys) -> None:
    # docs/page.md is served as page/: raw HTML is resolved against that URL, as the browser does.
    page = write_page(
        site,
        '# 页\n\n<div><a href="gone.md">x</a> <img src="examples/hello.lua"> <img src="../examples/hello.lua"></div>\n',
    )
    _, report = validate(capsys, page)
    assert [(line, message.split(" on the built site")[0]) for line, _, message in messages(report)] == [
        (3, "'gone.md' not found"),
        (3, "'examples/hello.lua' not found"),
    ]
    assert [f["column"] for f in report["findings"]] == [15, 40]
    assert report["findings"][1]["suggestion"] == "../examples/hello.lua"


def test_references(site: Path, capsys) -> None:
    page = write_page(
        site, "# 页\n\n[用了][a] 和 [没定义][b]\n\n[a]: guide/target.md\n[unused]: https://example.com/\n"
    )
    status, report = validate(capsys, page)
    assert status == 1
    assert messages(report) == [
        (3, "error", "undefined reference [b]"),
        (6, "warning", "unused reference definition [unused]"),
    ]


def test_malformed_external_urls(site: Path, capsys) -> None:
    page = write_page(
        site,
        '# 页\n\n[空格](<https://example.com/a b>)\n<a href="https://exa mple.com/">x</a>\n'
        "[括号](https://en.wikipedia.org/wiki/Foo_(bar)\n[无主机](https:///path)\n[坏主机](https://-bad-.example/)\n"
        "[尖括号](<https://example.com/a_(b>)\n",
    )
    status, report = validate(capsys, page)
    assert status == 1
    found = {line: message for line, _, message in messages(report)}
    assert found[3] == "URL contains whitespace"
    assert found[4] == "URL contains whitespace"
    assert found[5].startswith("text looks like a link that did not parse")
    assert found[6] == "URL has no host"
    assert found[7] == "invalid host name '-bad-.example'"
    assert found[8].startswith("unbalanced parentheses")


def test_quote_structure(site: Path, capsys) -> None:
    page = write_page(
        site,
        "# 页\n\n> 没有出处。\n\n一\n\n"
        "> 出处不是网址。\n>\n> — [书](book.md)\n\n二\n\n"
        "> — [只有出处](https://example.com/)\n\n三\n\n"
        "> 两个链接。\n>\n> — [一](https://example.com/) [二](https://example.org/)\n",
    )
    status, report = validate(capsys, page)
    assert status == 1
    found = messages(report)
    assert (3, "error", "quoted note has no source line: its last paragraph must be '— [title](url)'") in found
    assert (7, "error", "the quote's source must be an http(s) URL, not 'book.md'") in found
    assert (13, "error", "empty quote: nothing is quoted above the source line") in found
    assert (17, "error", "the source line must be an em dash, a space and exactly one Markdown link") in found


def test_a_hook_that_fails_is_one_finding_at_its_line(site: Path, capsys) -> None:
    # The project's example hook refuses a marker whose file is missing; the build would stop there.
    page = write_page(site, "# 页\n\n<!-- example: examples/nope.lua -->\n")
    _, report = validate(capsys, page)
    ((line, severity, message),) = messages(report)
    assert (line, severity) == (3, "error")
    assert message.startswith("page could not be rendered: ") and "example 'examples/nope.lua' not found" in message
    assert report["findings"][0]["column"] == 15


def test_offline_run_uses_no_network(site: Path, capsys, http: Server) -> None:
    page = write_page(
        site, f"# 页\n\n[外链]({http.url('/ok')})\n\n> 一句。\n>\n> — [源]({http.url('/quote-source')})\n"
    )
    status, report = validate(capsys, page)
    assert status == 0 and report["findings"] == []
    assert sum(http.hits.values()) == 0


# --- output formats and exit codes ------------------------------------------------------------------------
def test_text_format(site: Path, capsys) -> None:
    page = write_page(site, "# 页\n\n[缺](nope.md)\n\n[unused]: https://example.com/\n")
    capsys.readouterr()
    assert main([page]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "docs/page.md:3:5: error: 'nope.md' not found [link]"
    assert out[1] == "docs/page.md:5:1: warning: unused reference definition [unused] [reference]"
    assert out[-1].startswith("1 error, 1 warning in 1 file (1 page, 2 links, 0 quoted notes; offline")


def test_github_format(site: Path, capsys) -> None:
    page = write_page(site, "# 页\n\n[缺](nope.md)\n")
    capsys.readouterr()
    assert main([page, "--format", "github"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "::error file=docs/page.md,line=3,col=5,title=link::'nope.md' not found"


def test_json_schema(site: Path, capsys) -> None:
    page = write_page(site, "# 页\n\n[缺锚](guide/target.md#协程)\n")
    _, report = validate(capsys, page)
    (finding,) = report["findings"]
    assert set(finding) == {"file", "line", "column", "severity", "check", "url", "message", "suggestion"}
    assert finding["url"] == "guide/target.md#协程" and finding["check"] == "anchor"
    assert {"files", "links", "quotes", "online", "errors", "warnings", "duration_s"} <= set(report["stats"])


def test_warnings_alone_exit_zero(site: Path, capsys) -> None:
    page = write_page(site, "# 页\n\n[unused]: https://example.com/\n")
    status, report = validate(capsys, page)
    assert status == 0 and report["stats"]["warnings"] == 1


# --- bad input: one clear line, exit 2, never a traceback ---------------------------------------------
def cli(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), *argv], cwd=cwd, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("setup", "argv", "expected"),
    [
        (None, ["missing.md"], r"missing\.md: no such file or folder"),
        ("site_name: x\nnav: [unclosed\n", [], r"mkdocs\.yml:\d+:\d+: invalid YAML"),
        ("site_name: x\ndocs_dir: nowhere\n", [], r"docs_dir 'nowhere' is not a folder"),
        (
            "site_name: x\nmarkdown_extensions:\n  - toc:\n      slugify: !!python/name:no_such_module.slugify\n",
            [],
            r"toc slugify: cannot load no_such_module\.slugify",
        ),
        (
            "site_name: x\nmarkdown_extensions:\n  - toc:\n      slugify: !!python/name:os.getcwd\n",
            [],
            r"markdown_extensions\.toc\.slugify \(os\.getcwd\) must be callable as slugify\(text, separator\)",
        ),
        ("site_name: x\nmarkdown_extensions:\n  - pymdownx.nope\n", [], r"'pymdownx\.nope'.*\(install .*\)"),
        ("- just\n- a list\n", [], r"config must be a mapping"),
        (None, ["--format", "xml", "docs"], r"invalid choice: 'xml'"),
        (None, ["--timeout", "soon", "docs"], r"is not a number of seconds"),
    ],
    ids=[
        "missing-path",
        "bad-yaml",
        "no-docs-dir",
        "bad-slugify",
        "slugify-signature",
        "missing-extension",
        "not-a-mapping",
        "bad-format",
        "bad-number",
    ],
)
@pytest.mark.parametrize("mode", [[], ["--online", "--no-cache"]], ids=["offline", "online"])
def test_bad_input_is_one_line_exit_2(
    tmp_path: Path, setup: str | None, argv: list[str], expected: str, mode: list[str]
) -> None:
    # Online, mkdocs.yml and the files are read by the forked page parser: its errors must read the same.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# x\n", encoding="utf-8")
    if setup is not None:
        (tmp_path / "mkdocs.yml").write_text(setup, encoding="utf-8")
    result = cli(tmp_path, *mode, *argv)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert re.search(expected, result.stderr), result.stderr
    lines = [line for line in result.stderr.splitlines() if not line.startswith(("usage:", " "))]
    assert len(lines) == 1, result.stderr


def test_the_validator_calls_no_python_markdown_helper_itself() -> None:
    """The old collector called toc.unique with three arguments: Python-Markdown before 3.11.3 takes two, so
    every heading gave a traceback. Now Python-Markdown computes every id itself, in whatever version runs."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "scripts" / "notes_validator").rglob("*.py"))
    assert "unique" not in re.findall(r"markdown\.extensions\.toc import ([\w, ]+)", code)
    assert "toc.unique" not in code and "toc import slugify" not in code


def test_non_utf8_page_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes("# 标题\n".encode("gbk"))
    result = cli(tmp_path, "bad.md")
    assert result.returncode == 2 and result.stderr.startswith("validate.py: error: bad.md: not UTF-8")


@pytest.mark.parametrize("mode", [[], ["--online", "--no-cache"]], ids=["offline", "online"])
def test_no_path_and_no_config_is_exit_2(tmp_path: Path, mode: list[str]) -> None:
    result = cli(tmp_path, *mode)
    assert result.returncode == 2
    assert result.stderr.strip() == "validate.py: error: no PATH given and no ./mkdocs.yml to take docs_dir from"


def test_format_choices_match_the_report_writers() -> None:
    from notes_validator.cli import FORMAT_NAMES
    from notes_validator.report import FORMATS

    assert sorted(FORMAT_NAMES) == sorted(FORMATS)


def test_project_site_passes_offline() -> None:
    """The project's own pages: no broken internal link, anchor, reference or quoted-note shape."""
    result = cli(ROOT, "--no-cache")
    assert result.returncode == 0, result.stdout


def test_reference_links_are_reported_where_used(site: Path, capsys) -> None:
    page = write_page(site, "# 页\n\n[甲][r] 和 [乙][r]\n\n[r]: missing.md\n[u]: gone.md\n")
    _, report = validate(capsys, page)
    found = [(f["line"], f["column"], f["message"]) for f in report["findings"]]
    assert found == [
        (3, 1, "'missing.md' not found"),
        (3, 10, "'missing.md' not found"),
        (6, 1, "unused reference definition [u]"),
        (6, 6, "unused reference definition [u]: 'gone.md' not found"),
    ]


# --- cache of parsed pages (scripts/notes_validator/pagecache.py) ---------------------------------------------
def test_unchanged_pages_come_from_the_page_cache(site: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    page = write_page(site, "# 页\n\n[坏](missing.md) [好](guide/target.md#协程的状态)\n")
    _, first = validate(capsys, "docs")
    assert (site / ".cache" / "validate" / "pages.json").is_file()
    import notes_validator.render as render

    def no_rendering(*args, **kwargs):
        raise AssertionError("MkDocs was loaded although no page changed")

    monkeypatch.setattr(render.Renderer, "__init__", no_rendering)
    _, again = validate(capsys, "docs")
    assert again["findings"] == first["findings"]
    assert [f["message"] for f in again["findings"]] == ["'missing.md' not found"]
    monkeypatch.undo()
    monkeypatch.chdir(site)
    write_page(site, "# 页\n\n[坏](missing.mb) [好](guide/target.md#协程的状态)\n")  # same size, same instant
    _, edited = validate(capsys, "docs")
    assert [(f["file"], f["message"]) for f in edited["findings"]] == [(page, "'missing.mb' not found")]


def test_the_page_cache_is_dropped_when_a_file_appears(site: Path, capsys) -> None:
    """MkDocs rewrites `new.md` only when it exists: a cached page must not keep the old verdict."""
    write_page(site, "# 页\n\n[新](new.md)\n")
    _, first = validate(capsys, "docs")
    assert [f["message"] for f in first["findings"]] == ["'new.md' not found"]
    (site / "docs" / "new.md").write_text("# 新\n", encoding="utf-8")
    _, again = validate(capsys, "docs")
    assert again["findings"] == []


def test_the_page_cache_is_dropped_when_the_config_changes(site: Path, capsys) -> None:
    write_page(site, "# 页\n\n> 一段普通的引用。\n")
    _, first = validate(capsys, "docs")
    assert [f["check"] for f in first["findings"]] == ["quote"]
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("quoted_notes: true", "quoted_notes: false"))
    _, again = validate(capsys, "docs")
    assert again["findings"] == []  # without the opt-in, a blockquote without a source line is no quoted note


def test_unreadable_page_cache_is_rebuilt(site: Path, capsys) -> None:
    cache = site / ".cache" / "validate"
    cache.mkdir(parents=True)
    (cache / "pages.json").write_text("{not json", encoding="utf-8")
    status, report = validate(capsys)
    assert status == 0
    ((finding,),) = [report["findings"]]
    assert finding["severity"] == "warning" and "set aside" in finding["message"]
    assert json.loads((cache / "pages.json").read_text(encoding="utf-8"))["pages"]
    assert list(cache.glob("pages.json.corrupt-*"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: entry[1].__setitem__("anchors", 5),
        lambda entry: entry[1]["links"].append(["x", "line", 1, "link", "", ""]),
        lambda entry: entry[1].__setitem__("quotes", [[1, 1, "not a list", "", "", ""]]),
        lambda entry: entry.__setitem__(0, 7),
        lambda entry: entry[1].__setitem__("external", [[99, "a", "b", "c", "d"]]),
    ],
    ids=["anchors-not-a-list", "line-not-a-number", "paragraphs-not-a-list", "digest-not-a-string", "bad-index"],
)
def test_wrong_typed_page_cache_entry_is_set_aside(site: Path, capsys, damage) -> None:
    """A cache entry whose fields have the wrong types is dropped with a warning and the page rendered again."""
    write_page(site, "# 页\n\n[坏](missing.md)\n")
    _, first = validate(capsys, "docs")
    file = site / ".cache" / "validate" / "pages.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    key = next(k for k in data["pages"] if k.endswith("page.md"))
    damage(data["pages"][key])
    file.write_text(json.dumps(data), encoding="utf-8")
    status, again = validate(capsys, "docs")
    warnings = [f for f in again["findings"] if f["check"] == "cache"]
    assert len(warnings) == 1 and "malformed" in warnings[0]["message"]
    assert [f for f in again["findings"] if f["check"] != "cache"] == first["findings"]
    assert status == 1


def test_without_the_opt_in_only_well_formed_quoted_notes_are_checked(site: Path, capsys) -> None:
    """Another project's blockquotes (plain, or with its own attribution style) give no error."""
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("quoted_notes: true", "quoted_notes: false"))
    page = write_page(
        site,
        "# 页\n\n> 普通的引用。\n\n一\n\n> 别的写法。\n>\n> ——[书](https://example.com/book)\n\n二\n\n"
        "> 本站的写法。\n>\n> — [书](https://example.com/book)\n",
    )
    _, report = validate(capsys, page)
    assert report["findings"] == [] and report["stats"]["quotes"] == 1
    config.write_text(config.read_text(encoding="utf-8").replace("quoted_notes: false", "quoted_notes: true"))
    _, strict = validate(capsys, page)
    assert [(f["line"], f["check"]) for f in strict["findings"]] == [(3, "quote"), (7, "quote")]
