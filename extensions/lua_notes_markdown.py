"""A Python-Markdown extension that expands example and diagram markers; MkDocs and Zensical both load it.

A page writes one line per example, relative to the page:

    <!-- example: examples/generator.lua -->

and this extension replaces it, before any other preprocessor runs, with snippet includes
(pymdownx.snippets does the actual reading, so a missing file fails the build)
followed by the runtimes the example declares on its first line:

    -- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit

The tests run every example on every runtime and check that this declaration
is exactly true, so the line shown to readers is generated, never typed.

A line `<!-- diagram: diagrams/NAME.svg -->` inlines a hand-written SVG as a captioned figure.

In mkdocs.yml (the package is installed by requirements.txt as `-e ./extensions`):

    markdown_extensions:
      - lua_notes_markdown:
          docs_dir: docs

Markers are resolved relative to the page being rendered. Python-Markdown does not know which page
that is, so the preprocessor asks the generator: MkDocs registers a tree processor that holds the
page's File, Zensical a preprocessor that holds its Page. Outside both, pass `page` in the config.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# A marker may be indented (e.g. inside a collapsed `??? success "参考答案"` block under an exercise);
# the expansion keeps that indentation so it stays inside the block.
MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*example:\s*(?P<path>\S+)\s*-->[ \t]*$", re.MULTILINE)
DIAGRAM = re.compile(r"^(?P<indent>[ \t]*)<!--\s*diagram:\s*(?P<path>\S+\.svg)\s*-->[ \t]*$", re.MULTILINE)
SVG_TITLE = re.compile(r"<title[^>]*>(?P<title>.*?)</title>", re.S)
RUNS_ON = re.compile(r"^--\s*runs-on:(?P<runtimes>.*)$")
LUA_VERSIONS = ("5.1", "5.2", "5.3", "5.4", "5.5")
KNOWN_RUNTIMES = (*LUA_VERSIONS, "luajit")
# The Lua that the 运行 button runs in the reader's browser (wasmoon, docs/javascripts/vendor/wasmoon/).
BROWSER_LUA = "5.4"
# An example the browser VM cannot run (it writes files, calls os.exit, ...) says so on its second line,
# with the reason: `-- browser: no（写文件需要真实的文件系统）`. Keep it rare.
BROWSER_OPT_OUT = re.compile(r"^--\s*browser:\s*no\b")


class ExampleError(Exception):
    """An example marker that cannot be expanded; the message names the file."""


def parse_runs_on(first_line: str, source: str) -> list[str]:
    """Return the runtimes declared on a Lua example's first line."""
    match = RUNS_ON.match(first_line.strip())
    if not match:
        raise ExampleError(f"{source}:1: first line must be '-- runs-on: 5.1 ... luajit'")
    runtimes = match.group("runtimes").split()
    unknown = [r for r in runtimes if r not in KNOWN_RUNTIMES]
    if unknown or not runtimes:
        raise ExampleError(f"{source}:1: unknown runtime(s) {unknown or '(none)'}; use {' '.join(KNOWN_RUNTIMES)}")
    return runtimes


def runs_in_browser(source: str) -> bool:
    """True when the 运行 button is shown: the example declares BROWSER_LUA and does not opt out."""
    lines = source.split("\n", 2)
    match = RUNS_ON.match(lines[0].strip())
    if not match or BROWSER_LUA not in match.group("runtimes").split():
        return False
    return not (len(lines) > 1 and BROWSER_OPT_OUT.match(lines[1].strip()))


def describe_runtimes(runtimes: list[str]) -> str:
    """Render ['5.1', '5.2', '5.3', '5.4', 'luajit'] as 'Lua 5.1–5.4、LuaJIT'."""
    indexes = sorted(LUA_VERSIONS.index(r) for r in set(runtimes) if r in LUA_VERSIONS)
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    parts = []
    for run in runs:
        first, last = LUA_VERSIONS[run[0]], LUA_VERSIONS[run[-1]]
        parts.append(f"Lua {first}" if first == last else f"Lua {first}–{last}")
    if "luajit" in runtimes:
        parts.append("LuaJIT")
    return "、".join(parts)


def _fence(lang: str, title: str, include: str) -> str:
    return f'```{lang} title="{title}"\n--8<-- "{include}"\n```'


def render_example(rel_path: str, page_src: str, docs_dir: Path) -> str:
    """Markdown for one example marker found on page `page_src` (relative to docs_dir)."""
    include = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), rel_path))
    file = docs_dir / include
    if not file.is_file():
        raise ExampleError(f"{page_src}: example '{rel_path}' not found (looked for docs/{include})")
    stem, suffix = posixpath.splitext(include)
    name = posixpath.basename(include)
    meta_attrs = ""
    if suffix == ".lua":
        source = file.read_text(encoding="utf-8")
        runtimes = parse_runs_on(source.split("\n", 1)[0], f"docs/{include}")
        if runs_in_browser(source):
            # docs/javascripts/lua-run.js adds the 运行 button, the editor and the output region here.
            meta_attrs = f' data-lua-run="{BROWSER_LUA}" data-example="{name}"'
        blocks = [_fence("lua", name, include), _fence("text", "输出", f"{stem}.out")]
        where = describe_runtimes(runtimes)
    elif suffix == ".c":
        blocks = [_fence("c", name, include), _fence("text", "输出", f"{stem}.out")]
        where = "Linux（glibc），用系统的 cc 编译"
    elif suffix == ".conf":
        # curl without -i prints only bodies; the http lexer would flag those lines as errors.
        out = docs_dir / f"{stem}.out"
        shows_status = out.is_file() and out.read_text(encoding="utf-8").startswith("HTTP/")
        blocks = [
            _fence("nginx", name, include),
            _fence("bash", "请求", f"{stem}.curl"),
            _fence("http" if shows_status else "text", "响应", f"{stem}.out"),
        ]
        # Every example is included into the shared main config that sits beside it.
        main_conf = posixpath.join(posixpath.dirname(rel_path), "nginx.conf")
        where = f"OpenResty，或 nginx + libnginx-mod-http-lua（Debian 12 上测试）· [主配置 nginx.conf]({main_conf})"
    else:
        raise ExampleError(f"{page_src}: example '{rel_path}' has an unknown kind (use .lua, .c or .conf)")
    # A Markdown link (not raw HTML) so mkdocs rewrites it for directory URLs and checks it.
    line = f'适用于：{where} · [下载 {name}]({rel_path}){{: download="{name}" }}\n{{: .example-meta{meta_attrs} }}'
    return "\n\n".join([*blocks, line])


def _indented(text: str, indent: str) -> str:
    return "\n".join(indent + line if line else line for line in text.split("\n"))


def render_diagram(rel_path: str, page_src: str, docs_dir: Path) -> str:
    """Raw HTML for one diagram marker: the SVG inline (so page CSS colours it in light and dark), captioned.

    Inline rather than <img> because an <img> SVG cannot see the page's colour scheme. The caption is
    the SVG's own <title>, which is also its accessible name.
    """
    include = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), rel_path))
    file = docs_dir / include
    if not file.is_file():
        raise ExampleError(f"{page_src}: diagram '{rel_path}' not found (looked for docs/{include})")
    svg = file.read_text(encoding="utf-8")
    svg = re.sub(r"<\?xml[^>]*\?>\s*", "", svg).strip()
    title = SVG_TITLE.search(svg)
    if not svg.startswith("<svg") or 'role="img"' not in svg or "viewBox" not in svg or not title:
        raise ExampleError(f'docs/{include}: a diagram must be an <svg> with role="img", a viewBox and a <title>')
    # Blank lines would end the raw HTML block in Markdown; an SVG never needs them.
    svg = "\n".join(line for line in svg.split("\n") if line.strip())
    caption = re.sub(r"\s+", " ", title.group("title")).strip()
    return f'<figure class="diagram">\n{svg}\n<figcaption>{caption}</figcaption>\n</figure>'


FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")


def _outside_fences(lines: list[str]):
    """Yield (index, line) for every line that is not inside fenced code."""
    fence = ""
    for index, line in enumerate(lines):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group("fence").startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
        elif opening:
            fence = opening.group("fence")
        else:
            yield index, line


def find_markers(markdown: str) -> list[tuple[str, str]]:
    """The markers a page uses, in order, as ("example" | "diagram", path relative to the page)."""
    found = []
    for _, line in _outside_fences(markdown.split("\n")):
        if example := MARKER.match(line):
            found.append(("example", example.group("path")))
        elif diagram := DIAGRAM.match(line):
            found.append(("diagram", diagram.group("path")))
    return found


def expand_examples(markdown: str, page_src: str, docs_dir: Path) -> str:
    """Expand markers outside fenced code (a page may show a marker as an example of the syntax)."""
    lines = markdown.split("\n")
    for index, line in list(_outside_fences(lines)):
        if example := MARKER.match(line):
            lines[index] = _indented(render_example(example.group("path"), page_src, docs_dir), example.group("indent"))
        elif diagram := DIAGRAM.match(line):
            lines[index] = _indented(render_diagram(diagram.group("path"), page_src, docs_dir), diagram.group("indent"))
    return "\n".join(lines)


def current_page(md: Markdown) -> tuple[str, dict[str, Any] | None] | None:
    """The page `md` is converting, as MkDocs or Zensical tells it: (path inside docs_dir, its metadata)."""
    if "relpath" in md.treeprocessors:  # MkDocs: _RelativePathTreeprocessor(file, files, config)
        file = getattr(md.treeprocessors["relpath"], "file", None)
        if file is not None and getattr(file, "src_uri", None):
            page = getattr(file, "page", None)
            return file.src_uri, getattr(page, "meta", None)
    for processor in md.preprocessors:  # Zensical: ContextPreprocessor(page=Page(path=..., meta=...))
        page = getattr(processor, "page", None)
        path = getattr(page, "path", None)
        if isinstance(path, str) and path:
            return path.replace("\\", "/"), getattr(page, "meta", None)
    return None


def contributors(docs_dir: Path, page_src: str, markdown: str) -> list[str]:
    """Who changed the page or the example and diagram files it shows, oldest first, from `git log`.

    Names only (%aN, so .mailmap applies): no e-mail addresses and no avatars, which would have to be
    fetched from the network. Outside a git checkout, or without git, the list is empty.
    """
    page = docs_dir / page_src
    paths = [page]
    for _, rel in find_markers(markdown):
        shown = (page.parent / rel).resolve()
        paths += [shown, shown.with_suffix(".out"), shown.with_suffix(".curl")]
    try:
        log = subprocess.run(
            ["git", "log", "--format=%aN", "--", *(str(p) for p in paths if p.exists())],
            cwd=docs_dir,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if log.returncode != 0:
        return []
    names = [line.strip() for line in reversed(log.stdout.splitlines()) if line.strip()]
    return list(dict.fromkeys(names))


def _mkdocs_error(message: str) -> Exception:
    """MkDocs prints a PluginError as one line ("Aborted with a BuildError!"), any other error as a traceback."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:
        return ExampleError(message)
    return PluginError(message)


class ExamplePreprocessor(Preprocessor):
    """Runs before pymdownx.snippets (priority 32) and the whitespace normalisers, as the MkDocs hook did."""

    def __init__(self, md: Markdown, docs_dir: Path, page: str, with_contributors: bool) -> None:
        super().__init__(md)
        self.docs_dir = docs_dir
        self.page = page
        self.with_contributors = with_contributors

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        found = (self.page, None) if self.page else current_page(self.md)
        if found is None:
            if MARKER.search(text) or DIAGRAM.search(text):
                raise ExampleError("lua_notes_markdown: cannot tell which page this is; set the `page` option")
            return lines
        page, meta = found
        # partials/source-file.html shows these names next to the last-updated date.
        if self.with_contributors and meta is not None and "contributors" not in meta:
            meta["contributors"] = contributors(self.docs_dir, page, text)
        if "<!--" not in text:
            return lines
        try:
            return expand_examples(text, page, self.docs_dir).split("\n")
        except ExampleError as error:
            raise _mkdocs_error(str(error)) from None


class ExampleExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "docs_dir": ["docs", "The docs directory; a relative path is relative to the working directory"],
            "page": ["", "The page's path inside docs_dir (MkDocs and Zensical tell it themselves)"],
            "contributors": [True, "Put the names from `git log` into the page's metadata as `contributors`"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        docs_dir = Path(self.getConfig("docs_dir")).resolve()
        preprocessor = ExamplePreprocessor(md, docs_dir, self.getConfig("page"), bool(self.getConfig("contributors")))
        md.preprocessors.register(preprocessor, "lua_notes_examples", 40)


def makeExtension(**kwargs: Any) -> ExampleExtension:
    return ExampleExtension(**kwargs)
