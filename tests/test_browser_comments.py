"""giscus comments: only in the hosted edition, only on content pages, loaded when the reader scrolls to them.

A fork turns them on with four environment variables (GISCUS_REPO, GISCUS_REPO_ID, GISCUS_CATEGORY,
GISCUS_CATEGORY_ID, read by mkdocs.yml's !ENV). These tests build the site with them set; giscus.app is
never reached: its client script and its frame are answered by local stubs through Playwright's routing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import Edition, goto, serve

from conftest import ROOT

# Three tests read the two giscus builds; grouped, one worker builds them once.
pytestmark = pytest.mark.xdist_group("giscus")

GISCUS_ENV = {
    "GISCUS_REPO": "lua-notes/lua-notes",
    "GISCUS_REPO_ID": "R_test",
    "GISCUS_CATEGORY": "Comments",
    "GISCUS_CATEGORY_ID": "DIC_test",
}
# What giscus.app/client.js does, in short: put an iframe from giscus.app after the script.
CLIENT_STUB = """
  const me = document.currentScript;
  window.__giscusScript = Object.assign({}, me.dataset);
  const frame = document.createElement("iframe");
  frame.className = "giscus-frame";
  frame.src = "https://giscus.app/widget?theme=" + me.dataset.theme;
  me.after(frame);
"""
WIDGET_STUB = """<!doctype html><title>giscus stub</title>
<script>window.__messages = []; addEventListener("message", e => window.__messages.push(e.data));</script>"""


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


@pytest.fixture(scope="module")
def giscus_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Both editions built with the four GISCUS_* values set, side by side (two builds, two cores)."""
    site = tmp_path_factory.mktemp("giscus-site")
    zip_path = tmp_path_factory.mktemp("giscus-offline") / "offline.zip"
    commands = [
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        [sys.executable, "scripts/build_offline.py", "--output", str(zip_path)],
    ]
    env = _env(**GISCUS_ENV)
    running = [
        subprocess.Popen(c, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    for process in running:
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr
    return site, zip_path


@pytest.fixture(scope="module")
def giscus_site(giscus_builds: tuple[Path, Path]) -> Path:
    return giscus_builds[0]


@pytest.fixture(scope="module")
def giscus_url(giscus_site: Path) -> Iterator[str]:
    with serve(giscus_site) as url:
        yield url


def test_hosted_content_pages_have_the_comments_section(giscus_site: Path) -> None:
    with_comments = {
        p.relative_to(giscus_site).as_posix()
        for p in giscus_site.rglob("index.html")
        if 'class="page-comments__frame"' in p.read_text(encoding="utf-8")
    }
    assert "coroutine/index.html" in with_comments and "lua/tour/index.html" in with_comments
    for not_content in ("index.html", "offline/index.html", "contributing/index.html"):
        assert not_content not in with_comments, f"{not_content} is not a content page"
    page = (giscus_site / "coroutine" / "index.html").read_text(encoding="utf-8")
    assert 'data-repo-id="R_test"' in page and 'data-category-id="DIC_test"' in page
    assert '<script src="https://giscus.app' not in page, "giscus must be loaded lazily, by script"


def test_without_configuration_there_is_no_comments_section(built_site: Path) -> None:
    for html in built_site.rglob("*.html"):
        assert "page-comments" not in html.read_text(encoding="utf-8"), f"{html}: comments without GISCUS_*"


def test_offline_edition_has_no_giscus_even_when_configured(giscus_builds: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(giscus_builds[1]) as archive:
        for name in archive.namelist():
            # Material's own stylesheet styles .giscus in case a site uses it; the theme's assets are not ours.
            if name.endswith((".html", ".js", ".css")) and "/assets/" not in name:
                text = archive.read(name).decode("utf-8", errors="replace")
                assert "giscus" not in text, f"{name} mentions giscus"
                assert 'class="page-comments' not in text, f"{name} has a comments section"


@pytest.mark.browser
def test_giscus_loads_only_when_scrolled_to_and_follows_the_palette(
    giscus_site: Path, giscus_url: str, open_reader: Any
) -> None:
    reader = open_reader(Edition("hosted-giscus", giscus_site, giscus_url), viewport={"width": 1280, "height": 700})
    giscus_requests: list[str] = []

    def giscus(route: Any) -> None:
        giscus_requests.append(route.request.url)
        if "/client.js" in route.request.url:
            route.fulfill(status=200, content_type="text/javascript", body=CLIENT_STUB)
        else:
            route.fulfill(status=200, content_type="text/html", body=WIDGET_STUB)

    reader.context.route("https://giscus.app/**", giscus)
    page = reader.new_page()
    goto(page, giscus_url + "coroutine/")
    page.wait_for_timeout(800)
    assert giscus_requests == [], "giscus was requested before the reader scrolled to the comments"
    assert page.locator(".page-comments__frame").count() == 1

    page.locator(".page-comments").scroll_into_view_if_needed()
    page.wait_for_function("() => window.__giscusScript !== undefined", timeout=10_000)
    assert giscus_requests[0] == "https://giscus.app/client.js"
    script = page.evaluate("window.__giscusScript")
    assert script["repo"] == "lua-notes/lua-notes" and script["lang"] == "zh-CN" and script["mapping"] == "pathname"
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert script["theme"] == ("dark" if scheme == "slate" else "light")

    for _ in range(100):
        widgets = [f for f in page.frames if f.url.startswith("https://giscus.app/widget")]
        if widgets:
            break
        page.wait_for_timeout(50)
    else:
        pytest.fail("the giscus frame never loaded")
    widget = widgets[0]
    widget.wait_for_load_state()
    widget.wait_for_function("() => Array.isArray(window.__messages)")
    for _ in range(3):  # auto -> light -> dark: press the palette toggle until the page is dark
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate":
            break
        page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    widget.wait_for_function("() => window.__messages.length > 0", timeout=5_000)
    assert {"giscus": {"setConfig": {"theme": "dark"}}} in widget.evaluate("window.__messages")
    assert [u for u in reader.outside if not u.startswith(("https://giscus.app/", "https://api.github.com/"))] == []
    assert reader.errors == []
