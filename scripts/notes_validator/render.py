"""Render the site's pages the way `mkdocs build` does, in-process, and keep what the collector needs.

The config is loaded with MkDocs' own `load_config`; the plugin events that shape a page's content run
in build order (on_startup, on_config, on_pre_build, on_files, on_nav, on_pre_page, on_page_read_source,
on_page_markdown, on_page_content), and the Markdown is converted by MkDocs' `Page.render`, so the
project's extensions, hooks and plugins all apply. Left out: the theme's templates (they hold no content
links) and plugins that only cost time here (search index, social cards, git dates, minifiers). A plugin
that is not installed is dropped with one warning; the pages render without it.

One small Markdown extension rides along (`_Tracer`) to record, before MkDocs rewrites them, the URL
the author wrote on every link and image, the raw source of inline links and references, the
references that were used, defined twice or never defined.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import get_plugins
from mkdocs.structure.files import get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page as MkDocsPage

from .config import PACKAGES
from .errors import UsageError

# Plugins that do not change a page's links or ids and cost time (or network) to run.
SKIPPED_PLUGINS = frozenset(
    {
        "search",
        "social",
        "privacy",
        "optimize",
        "minify",
        "rss",
        "git-revision-date-localized",
        "git-revision-date",
        "git-committers",
        "git-authors",
        "htmlproofer",
        "print-site",
        "pdf-export",
        "with-pdf",
    }
)
# Attributes the tracer sets on elements (they stay in the HTML the validator reads, not in any build).
ORIGINAL = "data-nv-url"  # the URL as written, before MkDocs rewrote it
SOURCE = "data-nv-src"  # the inline link's or reference's own Markdown (inline patterns only)
REFERENCE = "data-nv-ref"  # the reference label a link used
BROKEN_LINK = re.compile(r"\]\((?:<)?(https?://[^\s)>]*)")
ESCAPED = re.compile("\x02(\\d+)\x03")
PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
LINK_PATTERNS = ("link", "image_link", "autolink", "automail")
REFERENCE_PATTERNS = ("reference", "image_reference", "short_reference", "short_image_ref")
FULL_REFERENCES = ("reference", "image_reference")  # `[text][label]`: an undefined label is an error


def readable(raw: str) -> str:
    """Inline source as the author wrote it: escapes restored, placeholders of nested markup dropped."""
    return PLACEHOLDER.sub("", ESCAPED.sub(lambda m: chr(int(m.group(1))), raw))


class _References(dict):
    """Python-Markdown's reference table, remembering labels defined more than once."""

    def __init__(self) -> None:
        super().__init__()
        self.defined_twice: set[str] = set()

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self:
            self.defined_twice.add(key)
        super().__setitem__(key, value)


@dataclass
class Trace:
    """What the tracer saw while one page was converted."""

    references: _References = field(default_factory=_References)
    used: set[str] = field(default_factory=set)
    undefined: list[tuple[str, str]] = field(default_factory=list)  # (label, source of the attempt)
    unparsed: list[str] = field(default_factory=list)  # URLs in text that look like a failed link


INLINE_PLACEHOLDER = re.compile("\x02klzzwxh:(\\d+)\x03")


def _stashed_text(md: markdown.Markdown, raw: str) -> str:
    """A label made of other inline markup (`[`code`][]`): the text of the elements it stands for."""
    inline = md.treeprocessors["inline"] if "inline" in md.treeprocessors else None  # noqa: SIM401 - no .get()
    nodes = getattr(inline, "stashed_nodes", {})

    def text(match: re.Match[str]) -> str:
        node = nodes.get(match.group(1))
        return node if isinstance(node, str) else "".join(node.itertext()) if node is not None else ""

    return readable(INLINE_PLACEHOLDER.sub(text, raw))


def _wrap(processor: Any, name: str, trace: Trace) -> None:
    handle = processor.handleMatch
    evaluate = getattr(processor, "evalId", None)
    last: list[str] = [""]
    if evaluate is not None:

        def eval_id(data: str, index: int, text: str) -> tuple[Any, int, bool]:
            result = evaluate(data, index, text)
            last[0] = re.sub(r"\s+", " ", result[0]) if result[0] else ""
            return result

        processor.evalId = eval_id

    def handle_match(m: re.Match[str], data: str) -> tuple[Any, Any, Any]:
        last[0] = ""
        el, start, end = handle(m, data)
        if start is None or end is None:
            return el, start, end
        source = data[start:end]
        if el is None:
            if name in FULL_REFERENCES and last[0]:
                shown = readable(last[0]).strip() or _stashed_text(processor.md, last[0]).strip() or "?"
                trace.undefined.append((shown, readable(source)))
            return el, start, end
        if isinstance(el, etree.Element):
            el.set(SOURCE, readable(source))
            if name in REFERENCE_PATTERNS and last[0]:
                el.set(REFERENCE, last[0])
                trace.used.add(last[0])
        return el, start, end

    processor.handleMatch = handle_match


class _Marker(Treeprocessor):
    """Runs after toc and attr_list, before MkDocs rewrites links: records each link as written."""

    def __init__(self, md: markdown.Markdown, trace: Trace) -> None:
        super().__init__(md)
        self.trace = trace

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else ""
            if key and element.get(key) is not None:
                element.set(ORIGINAL, element.get(key) or "")
            if element.tag in ("code", "pre", "script", "style"):
                continue
            for text in (element.text, *(child.tail for child in element)):
                if text and not isinstance(text, AtomicString) and "](" in text:
                    self.trace.unparsed.extend(m.group(1) for m in BROKEN_LINK.finditer(text))


LONG_BLOCK = 20_000  # characters: longer blocks are handed to Python-Markdown in pieces
PIECE = 4_000
PREFIX = re.compile(r"^([ \t>]*)((?:[-*+]|\d{1,9}[.)])[ \t]+)?")
CLOSERS = {"[": "]", "(": ")", "<": ">"}
SPECIAL = re.compile(r"\\|`+|[$\[\]()<> \n]")


def _prefix(first_line: str) -> str:
    """The prefix that keeps a new paragraph in the block's container (blockquote, list item)."""
    match = PREFIX.match(first_line)
    if match is None:
        return ""
    return match.group(1) + ("    " if match.group(2) else "")  # a list item's paragraphs: four spaces in


def split_long_block(text: str) -> str:
    """Cut a block of more than LONG_BLOCK characters into paragraphs of about PIECE characters.

    Python-Markdown's inline parser rescans a paragraph from its start after every inline element it
    replaces, so its time grows with the square of the elements in one paragraph (`mkdocs build` takes
    hours on a 6 MB paragraph). Cutting only at a space outside code spans, math, brackets, parentheses
    and tags leaves every link, image and id as it was; only emphasis that spans a cut changes.
    """
    first = text.split("\n", 1)[0]
    if first.lstrip().startswith(("#", "|")) or "|" in first[:200]:
        return text  # a heading's id, a table's rows: never cut
    prefix = _prefix(first)
    blank = prefix.rstrip()
    out: list[str] = []
    start = 0
    fence = 0  # length of the backtick run that opened a code span (0: none open)
    math = False
    stack: list[str] = []
    skip_to = 0
    for match in SPECIAL.finditer(text):
        index = match.start()
        if index < skip_to:
            continue  # the character after a backslash
        token = match.group(0)
        char = token[0]
        if char == "\\":
            skip_to = index + 2
        elif char == "`":
            if not fence:
                fence = len(token)
            elif len(token) == fence:
                fence = 0
        elif fence:
            continue
        elif char == "$":
            math = not math
        elif math:
            continue
        elif char in CLOSERS:
            stack.append(CLOSERS[char])
        elif stack and char == stack[-1]:
            stack.pop()
        elif char in " \n" and not stack and index - start >= PIECE and len(text) - index > PIECE // 2:
            out.append(text[start:index])
            out.append("\n" + blank + "\n" + prefix)
            start = index + 1
    if start == 0:
        return text
    out.append(text[start:])
    return "".join(out)


class _Splitter(Preprocessor):
    """Hands over-long blocks to Python-Markdown in pieces (see split_long_block)."""

    def run(self, lines: list[str]) -> list[str]:
        if sum(len(line) for line in lines) <= LONG_BLOCK:
            return lines
        result: list[str] = []
        block: list[str] = []
        for line in [*lines, ""]:
            if line.strip():
                block.append(line)
                continue
            if block:
                joined = "\n".join(block)
                result.extend((split_long_block(joined) if len(joined) > LONG_BLOCK else joined).split("\n"))
                block = []
            result.append(line)
        return result[:-1]


class _Tracer(Extension):
    """Added to the project's markdown_extensions for the validator's renders only."""

    def __init__(self) -> None:
        super().__init__()
        self.trace = Trace()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        self.trace = Trace()
        md.references = self.trace.references
        for name in (*LINK_PATTERNS, *REFERENCE_PATTERNS):
            if name in md.inlinePatterns:
                _wrap(md.inlinePatterns[name], name, self.trace)
        md.treeprocessors.register(_Marker(md, self.trace), "notes_validator", 2)
        # After the fences and HTML blocks are stashed (priorities 25 and 20), before block parsing.
        md.preprocessors.register(_Splitter(md), "notes_validator_split", 5)


@dataclass
class RenderedPage:
    """One page as MkDocs renders it, and where it sits in the built site."""

    src_path: Path  # the Markdown file
    src_uri: str  # relative to docs_dir, with '/'
    url: str  # the page's URL relative to the site root ('' for the home page)
    html: str = ""
    trace: Trace = field(default_factory=Trace)
    error: str = ""  # set when a hook, plugin or extension failed on this page


@dataclass
class SiteLayout:
    """How URLs map to files on the built site."""

    base_path: str  # the path of site_url ('/' without one)
    use_directory_urls: bool
    docs_dir: Path
    destinations: dict[str, str]  # dest_uri → src_uri of every file the build writes
    pages: dict[str, str]  # src_uri → url of every documentation page
    snippet_dirs: list[Path] = field(default_factory=list)
    auto_append: list[str] = field(default_factory=list)
    quoted_notes: bool = False


class _Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())


def _plugin_entries(raw: Any) -> list[tuple[str, Any]]:
    if isinstance(raw, dict):
        return list(raw.items())
    entries = []
    for item in raw or []:
        if isinstance(item, dict) and len(item) == 1:
            entries.append(next(iter(item.items())))
        elif isinstance(item, str):
            entries.append((item, None))
    return entries


def _installed_plugins() -> set[str]:
    return set(get_plugins())


def choose_plugins(raw: Any, theme: str) -> tuple[list[Any], list[str], list[str]]:
    """(plugins to load, in MkDocs' list form; skipped for speed; not installed)."""
    installed = _installed_plugins()
    keep: list[Any] = []
    skipped: list[str] = []
    missing: list[str] = []
    for name, options in _plugin_entries(raw):
        name = str(name)
        base = name.rsplit("/", 1)[-1]
        if base in SKIPPED_PLUGINS:
            skipped.append(name)
            continue
        if name.startswith("/"):
            name = name[1:]
        if name not in installed and f"{theme}/{name}" not in installed:
            missing.append(name)
            continue
        keep.append({name: options} if options is not None else name)
    return keep, skipped, missing


def _hint(message: str) -> str:
    match = re.search(r"No module named '([\w.]+)'", message)
    if match:
        module = match.group(1)
        package = PACKAGES.get(module.split(".")[0], module.split(".")[0])
        return f" (install the Python package that provides '{module}', e.g. pip install {package})"
    return ""


def _first_line(text: str) -> str:
    return " ".join(text.split("\n", 1)[0].split())


class Renderer:
    """Loads a MkDocs config once and renders its pages on request."""

    def __init__(self, config_file: Path | None, docs_dir: Path | None = None) -> None:
        """Render the site of `config_file`; without one, a default site whose docs_dir is `docs_dir`."""
        self.config_file = config_file
        self.warnings: list[str] = []
        self.captured = _Captured()
        self._logger = logging.getLogger("mkdocs")
        self._saved_level = self._logger.level
        self._logger.addHandler(self.captured)
        self._logger.setLevel(logging.ERROR)
        self._logger.propagate = False
        try:
            self._load(config_file, docs_dir)
        except BaseException:
            self._restore_logging()
            raise

    def _load(self, config_file: Path | None, docs_dir: Path | None) -> None:
        where = config_file or docs_dir
        try:
            config = self._load_config(config_file, docs_dir)
        except UsageError:
            raise
        except (Abort, ConfigurationError) as exc:
            detail = self.captured.errors[0] if self.captured.errors else str(exc)
            raise UsageError(f"{where}: {_first_line(detail)}{_hint(detail)}") from None
        except Exception as exc:  # a plugin's or extension's own code
            raise UsageError(f"{where}: cannot load the MkDocs config: {_first_line(str(exc))}") from None
        try:
            self._prepare(config)
        except UsageError:
            raise
        except Exception as exc:
            raise UsageError(
                f"{config_file}: a plugin failed while preparing the site: {_first_line(str(exc))}"
            ) from None

    def _load_config(self, config_file: Path | None, docs_dir: Path | None) -> MkDocsConfig:
        """MkDocs' own load_config, with the plugins that are skipped or not installed left out.

        Done in its steps (load_file, then the plugin list edited, then validate) so that YAML tags such
        as `!relative` stay bound to this config, as they are in a build.
        """
        if config_file is None:
            source: Any = io.StringIO(json.dumps({"site_name": "validate", "docs_dir": str(docs_dir)}))
            path = str(Path(docs_dir or ".").resolve().parent / "mkdocs.yml")
        else:
            source, path = open(config_file, "rb"), str(config_file)  # noqa: SIM115 - closed below
        try:
            config = MkDocsConfig(config_file_path=path)
            config.load_file(source)
        finally:
            source.close()
        theme = config.get("theme")
        theme_name = theme.get("name", "") if isinstance(theme, dict) else str(theme or "mkdocs")
        raw = config.get("plugins", ["search"]) if config_file is not None else []
        plugins, _skipped, missing = choose_plugins(raw, str(theme_name))
        for name in missing:
            self.warnings.append(
                f"plugin '{name}' is not installed: pages are rendered without it "
                f"(pip install the package that provides it to check what it adds)"
            )
        config.load_dict({"plugins": plugins})
        errors, _warnings = config.validate()
        if errors:
            name, error = errors[0]
            detail = f"Config value '{name}': {error}"
            raise UsageError(f"{config_file or docs_dir}: {_first_line(detail)}{_hint(detail)}")
        return config

    def _prepare(self, config: Any) -> None:
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        config.plugins.on_nav(nav, config=config, files=files)
        self.tracer = _Tracer()
        config["markdown_extensions"] = [*config["markdown_extensions"], self.tracer]
        self.config = config
        self.files = files
        included = [file for file in files if file.inclusion.is_included()]
        self.page_files = {file.src_uri: file for file in included if file.is_documentation_page()}
        snippets = (config["mdx_configs"] or {}).get("pymdownx.snippets", {})
        base = snippets.get("base_path", ["."])
        base = [base] if isinstance(base, str) else list(base)
        extra = config.get("extra") or {}
        settings = extra.get("notes_validator") if isinstance(extra, Mapping) else None
        self.layout = SiteLayout(
            base_path=urlsplit(config["site_url"] or "").path or "/",
            use_directory_urls=bool(config["use_directory_urls"]),
            docs_dir=Path(config["docs_dir"]),
            destinations={file.dest_uri: file.src_uri for file in included},
            pages={uri: file.url for uri, file in self.page_files.items()},
            snippet_dirs=[Path(str(p)) for p in base],
            auto_append=[str(p) for p in snippets.get("auto_append", [])],
            quoted_notes=bool(isinstance(settings, Mapping) and settings.get("quoted_notes")),
        )
        if not self.layout.base_path.endswith("/"):
            self.layout.base_path += "/"

    def src_uri(self, path: Path) -> str | None:
        try:
            return path.resolve().relative_to(self.layout.docs_dir.resolve()).as_posix()
        except ValueError:
            return None

    def render(self, path: Path) -> RenderedPage | None:
        """The page for a Markdown file of docs_dir (None when the build would not render it)."""
        uri = self.src_uri(path)
        file = self.page_files.get(uri or "")
        if file is None:
            return None
        result = RenderedPage(path, file.src_uri, file.url)
        config, files = self.config, self.files
        page = file.page or MkDocsPage(None, file, config)
        config._current_page = page
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            page.render(config, files)
            page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
            result.html = page.content or ""
        except Exception as exc:
            result.error = _first_line(str(exc)) or type(exc).__name__
        finally:
            config._current_page = None
        result.trace = self.tracer.trace
        return result

    def close(self) -> None:
        with contextlib.suppress(Exception):  # nothing left to report
            self.config.plugins.on_shutdown()
        self._restore_logging()

    def _restore_logging(self) -> None:
        self._logger.removeHandler(self.captured)
        self._logger.setLevel(self._saved_level)
        self._logger.propagate = True


def iter_rendered(renderer: Renderer, paths: list[Path]) -> Iterator[RenderedPage | None]:
    for path in paths:
        yield renderer.render(path)
