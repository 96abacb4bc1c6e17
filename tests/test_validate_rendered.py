"""The validator reads the HTML MkDocs renders: its internal-link verdicts equal the built site's.

tests/data/mkdocs-fixture is a small site with one link (or one line) per pattern below. The test
builds it with `mkdocs build`, resolves every case's link in the built HTML (the file exists under the
site_url path, the fragment is an id of the target page), and requires the validator to report an
error on the case's source line exactly when the built site's link is broken. Each case failed with
the validator that parsed Markdown with markdown-it (checked before the switch).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench_precision  # noqa: E402  (scripts/ is not a package)

FIXTURE = ROOT / "tests" / "data" / "mkdocs-fixture"
VALIDATE = ROOT / "scripts" / "validate.py"
SITE_URL = "https://example.com/proj/"

# (case, page): the case's marker text appears on one line of the page, in a link's text, an image's
# alt text, or plain text when the pattern must give no link at all.
CASES = [
    ("case-plain-blockquote", "index.md"),  # a plain blockquote is not this project's quoted note
    ("case-math-inline", "index.md"),  # $a[i][j]$ under arithmatex is not a reference
    ("case-math-block", "index.md"),  # $$ [y_0](x-x_0) $$ is not a link
    ("case-escaped", "index.md"),  # T\[x]\[y] is not a reference
    ("case-attr-list", "index.md"),  # {  id="x" } on a heading
    ("case-footnote-ref", "index.md"),  # #fn:1
    ("case-footnote-back", "index.md"),  # #fnref:1
    ("case-dup-label", "index.md"),  # a label defined twice: the last definition wins
    ("case-raw-dir-url", "sub/page.md"),  # raw HTML href resolved against the page URL (directory URLs)
    ("case-raw-good", "sub/page.md"),
    ("case-raw-img", "sub/page.md"),  # <img src="img/x.png"> that 404s on the built site
    ("case-query", "sub/page.md"),  # [s](?q=x)
    ("case-query-fragment", "sub/page.md"),
    ("case-snippet-heading", "index.md"),  # a heading brought in by --8<--
    ("case-snippet-ref", "index.md"),  # a reference definition brought in by --8<--
    ("case-auto-append", "index.md"),  # a reference definition from snippets' auto_append
    ("case-javascript", "index.md"),  # a javascript: reference definition
    ("case-tabbed", "index.md"),  # ids made by pymdownx.tabbed
    ("case-code-id", "index.md"),  # an id from fenced-code attributes
    ("case-emoji", "index.md"),  # an emoji shortcode is not part of the heading's slug
    ("case-hook-ref", "index.md"),  # a definition added by the project's hook
    ("case-hook-id", "index.md"),  # an id added by the project's hook
    ("case-front-matter", "index.md"),  # YAML front matter is no setext heading (no phantom anchor)
    ("case-div-markdown", "index.md"),  # a broken link inside <div markdown>
    ("case-details-markdown", "index.md"),  # ... inside <details markdown>
    ("case-figcaption-markdown", "index.md"),  # ... inside <figcaption markdown>
    ("case-after-fence", "index.md"),  # a link after a fence that is never closed
    ("case-abs-img", "index.md"),  # /img/logo.png under a site_url with a sub-path
    ("case-good", "index.md"),
]
LINK_CHECKS = {"link", "anchor", "reference", "quote", "url"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("fixture") / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(FIXTURE / "mkdocs.yml"), "-d", str(site)],
        check=True,
        capture_output=True,
        cwd=FIXTURE,
    )
    return site


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    work = tmp_path_factory.mktemp("validate") / "fixture"
    shutil.copytree(FIXTURE, work)
    result = subprocess.run(
        [sys.executable, str(VALIDATE), "--no-cache", "--format", "json"], capture_output=True, text=True, cwd=work
    )
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def _html_path(site: Path, page: str) -> Path:
    stem = page.removesuffix(".md")
    return site / ("index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html")


def _page_url(page: str) -> str:
    stem = page.removesuffix(".md")
    return SITE_URL + ("" if stem == "index" else stem.removesuffix("/index") + "/")


def built_broken(site: Path, page_url: str, href: str) -> bool:
    """Whether a link of the built site leads nowhere (the resolver scripts/bench_precision.py measures with)."""
    return bench_precision.built_broken(site, SITE_URL, page_url, href, _IDS) is True


_IDS: dict[Path, set[str]] = {}  # the ids of each built page, read once


def case_link(site: Path, case: str, page: str) -> str | None:
    """The href (or src) the built page has for the case, or None when the case makes no link."""
    tree = LexborHTMLParser(_html_path(site, page).read_text(encoding="utf-8"))
    main = tree.css_first("[role=main]")
    assert main is not None
    for node in main.css("a[href]"):
        if node.text(deep=True).strip() == case:
            return node.attributes.get("href")
    for node in main.css("img[src]"):
        if node.attributes.get("alt") == case:
            return node.attributes.get("src")
    return None


def case_line(case: str, page: str) -> int:
    lines = (FIXTURE / "docs" / page).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if case in line)


@pytest.mark.parametrize(("case", "page"), CASES, ids=[c for c, _ in CASES])
def test_verdict_equals_the_built_site(built: Path, report: dict, case: str, page: str) -> None:
    href = case_link(built, case, page)
    broken = href is not None and built_broken(built, _page_url(page), href)
    line = case_line(case, page)
    errors = [
        f
        for f in report["findings"]
        if f["file"] == f"docs/{page}" and f["line"] == line and f["severity"] == "error" and f["check"] in LINK_CHECKS
    ]
    assert bool(errors) == broken, f"{case}: built site says {'broken' if broken else 'fine'} ({href}); {errors}"


def test_every_link_of_the_built_pages_has_the_same_verdict(built: Path) -> None:
    """Not just the cases: every link in the content of every built page, matched by its rendered href."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from notes_validator.config import load_config
    from notes_validator.site import check_site

    config = load_config(FIXTURE / "mkdocs.yml")
    files = sorted((FIXTURE / "docs").rglob("*.md"))
    run = check_site(config, files, None)
    errors = {
        (f.position.file, f.position.line, f.position.column, f.url) for f in run.findings if f.severity == "error"
    }
    compared = 0
    for page in run.pages:
        rel = page.path.relative_to(FIXTURE / "docs").as_posix()
        tree = LexborHTMLParser(_html_path(built, rel).read_text(encoding="utf-8"))
        main = tree.css_first("[role=main]")
        assert main is not None
        hrefs = [n.attributes.get("href") or n.attributes.get("src") or "" for n in main.css("a[href], img[src]")]
        ours = {link.href: link for link in page.links if link.kind != "reference-definition"}
        for href in hrefs:
            if href.startswith("#") and href not in {link.href for link in page.links}:
                continue  # permalinks, footnote back-links: made by an extension with their target
            assert href in ours, f"{rel}: the built page links to {href!r}, the validator never saw it"
            link = ours[href]
            flagged = (link.position.file, link.position.line, link.position.column, link.url) in errors
            assert flagged == built_broken(built, _page_url(rel), href), f"{rel}: {href}"
            compared += 1
    assert compared >= 25


def test_missing_plugin_warns_and_pages_render_without_it(tmp_path: Path) -> None:
    """A plugin that is not installed (here a macros plugin) is one warning; the pages still render."""
    work = tmp_path / "fixture"
    shutil.copytree(FIXTURE, work)
    config = work / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("plugins: []", "plugins:\n  - no-such-macros-plugin"),
        encoding="utf-8",
    )
    (work / "docs" / "jinja.md").write_text("# 宏\n\n{{ macro_value }} [坏](missing.md)\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(VALIDATE), "--no-cache", "--format", "json"], capture_output=True, text=True, cwd=work
    )
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    plugin = [f for f in findings if f["check"] == "plugin"]
    assert len(plugin) == 1 and "no-such-macros-plugin" in plugin[0]["message"]
    assert plugin[0]["severity"] == "warning"
    assert any(f["file"] == "docs/jinja.md" and f["message"] == "'missing.md' not found" for f in findings)


def test_links_from_snippets_are_reported_where_they_are_included(tmp_path: Path) -> None:
    """locate.py's rule: text not in the page comes from a snippet: its `--8<--` line, or the last line
    for auto_append."""
    work = tmp_path / "fixture"
    shutil.copytree(FIXTURE, work)
    (work / "snippets" / "part.md").write_text(
        "## 片段标题\n\n[in-snippet](gone-from-snippet.md)\n\n[snipref]: other.md\n"
    )
    (work / "snippets" / "appended.md").write_text("[appref]: other.md\n\n[appended](gone-appended.md)\n")
    result = subprocess.run(
        [sys.executable, str(VALIDATE), "--no-cache", "--format", "json", "docs/index.md"],
        capture_output=True,
        text=True,
        cwd=work,
    )
    findings = {f["url"]: (f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]}
    lines = (work / "docs" / "index.md").read_text(encoding="utf-8").splitlines()
    include = next(n for n, line in enumerate(lines, 1) if line.startswith('--8<-- "part.md"'))
    assert findings["gone-from-snippet.md"] == (include, 9)  # at the included file's name
    assert findings["gone-appended.md"] == (len(lines), 1)
