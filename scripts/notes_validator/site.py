"""A run's pages: render (or take from the page cache) every Markdown file, then check them offline.

Files of the config's docs_dir are rendered as that site renders them. A Markdown file outside it
(or any file when there is no mkdocs.yml) is rendered as a page of a default MkDocs site whose
docs_dir is the file's folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .collect import page_from_render
from .config import SiteConfig
from .errors import UsageError
from .model import WARNING, Finding, Page, Position
from .offline import PageStore, check_page
from .pagecache import PageCache
from .render import Renderer, SiteLayout
from .urls import external_targets, kind_of


@dataclass
class Group:
    """Pages rendered by one MkDocs config."""

    config_file: Path | None
    docs_dir: Path
    files: list[Path] = field(default_factory=list)
    renderer: Renderer | None = None
    cache: PageCache | None = None
    layout: SiteLayout | None = None

    def open(self, cache_dir: Path | None) -> None:
        if cache_dir is not None:
            self.cache = PageCache(cache_dir, self.config_file, self.docs_dir)
            self.layout = self.cache.layout
        if self.layout is None:
            self.start()

    def start(self) -> Renderer:
        if self.renderer is None:
            self.renderer = _renderer(self.config_file, self.docs_dir)
            self.layout = self.renderer.layout
            if self.cache is not None:
                self.cache.layout = self.layout
        return self.renderer

    def page(self, path: Path, data: bytes | None = None) -> Page | None:
        """The page of one file: from the cache when unchanged, else rendered (None: not a page of the site)."""
        if data is None:
            try:
                data = path.read_bytes()
            except OSError:
                return None
        digest = PageCache.digest(data) if self.cache is not None else ""
        if self.cache is not None:
            cached = self.cache.get(path, digest)
            if cached is not None:
                return cached
        try:
            source = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UsageError(f"{path}: not UTF-8 (byte {exc.start})") from None
        renderer = self.start()
        rendered = renderer.render(path)
        if rendered is None:
            return None
        assert self.layout is not None
        page = page_from_render(rendered, self.layout, source)
        page.external = external_targets([link.url for link in page.links])
        if self.cache is not None:
            self.cache.put(path, digest, page)
        return page

    def by_uri(self, src_uri: str) -> Page | None:
        return self.page(self.docs_dir / src_uri)

    def warnings(self) -> list[Finding]:
        where = str(self.config_file) if self.config_file else "mkdocs.yml"
        messages = list(self.renderer.warnings) if self.renderer else (self.cache.plugin_warnings if self.cache else [])
        if self.cache is not None and self.renderer is not None:
            self.cache.plugin_warnings = list(self.renderer.warnings)
        return [Finding(Position(where, 1, 1), WARNING, "plugin", message) for message in messages]

    def close(self) -> None:
        if self.cache is not None:
            self.cache.save()
        if self.renderer is not None:
            self.renderer.close()


def _renderer(config_file: Path | None, docs_dir: Path) -> Renderer:
    return Renderer(config_file, None if config_file else docs_dir)


def groups_for(config: SiteConfig, files: list[Path]) -> list[Group]:
    groups: dict[tuple[Path | None, Path], Group] = {}
    site_docs = config.docs_dir.resolve() if config.docs_dir else None
    for file in files:
        resolved = file.resolve()
        if site_docs is not None and resolved.is_relative_to(site_docs):
            key: tuple[Path | None, Path] = (config.config_file, site_docs)
        else:
            key = (None, resolved.parent)
        group = groups.setdefault(key, Group(key[0], key[1]))
        group.files.append(file)
    return list(groups.values())


@dataclass
class Run:
    pages: list[Page]
    findings: list[Finding]
    stats: dict[str, object]


def check_site(config: SiteConfig, files: list[Path], cache_dir: Path | None) -> Run:
    """Render (or reuse) every file's page and check it offline."""
    pages: list[Page] = []
    findings: list[Finding] = []
    for group in groups_for(config, files):
        group.open(cache_dir)
        try:
            mine = [page for page in _pages(group) if page is not None]
            assert group.layout is not None
            store = PageStore(group.layout, mine, group.by_uri)
            for page in mine:
                findings.extend(check_page(page, store))
            findings.extend(group.warnings())
            if group.cache is not None:
                where = Position(str(group.cache.file), 1, 1)
                findings.extend(Finding(where, WARNING, "cache", message) for message in group.cache.warnings)
        finally:
            group.close()
        pages.extend(mine)
    return Run(pages, findings, page_stats(pages))


def _pages(group: Group) -> Iterator[Page | None]:
    for file in group.files:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise UsageError(f"{file}: cannot read: {exc.strerror or exc}") from None
        yield group.page(file, data)


def collect_page(path: Path, config: SiteConfig | None = None) -> Page:
    """One file's page, rendered with its site's config (for tests and tools)."""
    config = config or SiteConfig(None, None)
    (group,) = groups_for(config, [path])
    group.open(None)
    page = group.page(path)
    if page is None:
        raise UsageError(f"{path}: not a page of the site")
    return page


def page_stats(pages: list[Page]) -> dict[str, object]:
    links = [link for page in pages for link in page.links]
    return {
        "files": len(pages),
        "links": len(links),
        "external_links": sum(1 for link in links if kind_of(link.url) == "external"),
        "quotes": sum(len(page.quotes) for page in pages),
    }
