"""Read the parts of mkdocs.yml that decide where pages are and what their anchors are called.

MkDocs' YAML uses tags (!ENV, !relative, !!python/name, !!python/object/apply). We read it with a
safe loader that understands the first two and keeps Python tags as inert references; only the toc
`slugify` reference is ever imported, because anchors must be computed by the very function the
site uses.
"""

from __future__ import annotations

import importlib
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import UsageError

Slugify = Callable[[str, str], str]


@dataclass(frozen=True)
class PythonRef:
    """A `!!python/...` tag left unevaluated until something really needs it."""

    kind: str  # "name", "module", "object/apply", ...
    target: str
    value: Any = None


class _Loader(yaml.SafeLoader):
    """SafeLoader plus MkDocs' tags."""


def _env_tag(loader: _Loader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        raise yaml.constructor.ConstructorError(None, None, "!ENV expects a name or a list", node.start_mark)
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else ""
    return default


def _relative_tag(loader: _Loader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node)) if isinstance(node, yaml.ScalarNode) else ""


def _python_tag(loader: _Loader, suffix: str, node: yaml.Node) -> PythonRef:
    kind, _, target = suffix.partition(":")
    if isinstance(node, yaml.MappingNode):
        value: Any = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_scalar(node)
    return PythonRef(kind, target, value)


_Loader.add_constructor("!ENV", _env_tag)
_Loader.add_constructor("!relative", _relative_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)


def _markdown_slugify(value: str, separator: str) -> str:
    """Python-Markdown's default toc slugify (used only if Markdown itself is not importable)."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


def default_slugify() -> Slugify:
    try:
        from markdown.extensions.toc import slugify
    except ImportError:  # pragma: no cover - Markdown is always there where MkDocs is
        return _markdown_slugify
    return slugify


def _unique(id: str, ids: set[str], counters: dict[str, int] | None = None) -> str:
    """Python-Markdown's toc rule for repeated ids: append _1, _2, … (used only without Markdown)."""
    if id in ids or not id:
        match = re.match(r"^(.*)_([0-9]+)$", id)
        base, count = (match.group(1), int(match.group(2))) if match else (id, 0)
        count += 1
        while f"{base}_{count}" in ids:
            count += 1
        id = f"{base}_{count}"
    ids.add(id)
    return id


@lru_cache(maxsize=1)
def _markdown_unique() -> Callable[[str, set[str], dict[str, int] | None], str]:
    try:
        from markdown.extensions.toc import unique as markdown_unique
    except ImportError:  # pragma: no cover - Markdown is always there where MkDocs is
        return _unique
    return markdown_unique


def unique(id: str, ids: set[str], counters: dict[str, int] | None = None) -> str:
    """Python-Markdown's own rule for repeated ids, imported on first use (importing Markdown takes 12 ms)."""
    return _markdown_unique()(id, ids, counters)


@dataclass
class SiteConfig:
    """What the checks need to know about the site."""

    config_file: Path | None
    docs_dir: Path | None
    slugify: Slugify | None = None  # None: Python-Markdown's default, imported on first use
    separator: str = "-"
    attr_list: bool = False
    slug_id: str = "default"  # names the slugify as configured (for caches of parsed pages)

    def slug(self, text: str) -> str:
        if self.slugify is None:
            self.slugify = default_slugify()
        return self.slugify(text, self.separator)


def _load_yaml(path: Path, seen: set[Path]) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: config is not UTF-8") from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise UsageError(f"{where}: invalid YAML: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UsageError(f"{path}: config must be a mapping of settings, not {type(data).__name__}")
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str):
        parent_path = (path.parent / parent).resolve()
        if parent_path in seen:
            raise UsageError(f"{path}: INHERIT loop through {parent}")
        base = _load_yaml(parent_path, seen | {parent_path})
        data = _merge(base, data)
    return data


def read_yaml(path: Path) -> dict[str, Any]:
    """A config file as data (INHERIT merged), with Python tags left unevaluated."""
    return _load_yaml(path, {path.resolve()})


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _extensions(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """markdown_extensions as {short name: options}."""
    raw = data.get("markdown_extensions") or []
    if isinstance(raw, dict):
        raw = [{k: v} for k, v in raw.items()]
    if not isinstance(raw, list):
        raise UsageError(f"{path}: markdown_extensions must be a list")
    found: dict[str, Any] = {}
    for item in raw:
        if isinstance(item, str):
            name, options = item, {}
        elif isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
        else:
            raise UsageError(f"{path}: markdown_extensions entry {item!r} is neither a name nor a one-key mapping")
        short = str(name).removeprefix("markdown.extensions.")
        found[short] = options if isinstance(options, dict) else {}
    return found


def resolve_python(ref: PythonRef, where: str) -> Any:
    """Import (and for object/apply, call) what a !!python tag names."""
    module_name, _, attr = ref.target.rpartition(".")
    try:
        obj = getattr(importlib.import_module(module_name), attr) if module_name else importlib.import_module(attr)
        if ref.kind == "name":
            return obj
        if ref.kind == "object/apply":
            value = ref.value
            if isinstance(value, dict):
                return obj(*value.get("args", []), **value.get("kwds", {}))
            if isinstance(value, list):
                return obj(*value)
            return obj()
    except Exception as exc:
        raise UsageError(f"{where}: cannot load {ref.target}: {exc}") from None
    raise UsageError(f"{where}: unsupported tag !!python/{ref.kind}")


def load_config(path: Path | None) -> SiteConfig:
    """Read a mkdocs.yml; None gives the defaults of a site without config (toc's own slugify)."""
    if path is None:
        return SiteConfig(config_file=None, docs_dir=None)
    if not path.is_file():
        raise UsageError(f"{path}: config file not found")
    data = _load_yaml(path, {path.resolve()})
    docs = data.get("docs_dir", "docs")
    if not isinstance(docs, str) or not docs:
        raise UsageError(f"{path}: docs_dir must be a folder name")
    docs_dir = (path.parent / docs).resolve()
    if not docs_dir.is_dir():
        raise UsageError(f"{path}: docs_dir '{docs}' is not a folder")
    extensions = _extensions(data, path)
    config = SiteConfig(config_file=path, docs_dir=docs_dir)
    config.attr_list = "attr_list" in extensions or "extra" in extensions
    toc = extensions.get("toc", {})
    slugify = toc.get("slugify")
    if isinstance(slugify, PythonRef):
        resolved = resolve_python(slugify, f"{path}: toc slugify")
        if not callable(resolved):
            raise UsageError(f"{path}: toc slugify {slugify.target} is not a function")
        config.slugify = resolved
        config.slug_id = f"{slugify.kind}:{slugify.target}:{slugify.value!r}"
    elif slugify is not None:
        raise UsageError(f"{path}: toc slugify must be a !!python/name or !!python/object/apply tag")
    separator = toc.get("separator", "-")
    if not isinstance(separator, str):
        raise UsageError(f"{path}: toc separator must be a string")
    config.separator = separator
    return config
