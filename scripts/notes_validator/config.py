"""A first, cheap look at mkdocs.yml: where docs_dir is, and whether toc's slugify can be used.

MkDocs' YAML uses tags (!ENV, !relative, !!python/name, !!python/object/apply). We read it with a
safe loader that understands the first two and keeps Python tags as inert references, so a bad
setting becomes one line naming it (MkDocs' own loader, used for rendering, would import everything
and fail with a YAML traceback). Only the toc `slugify` is imported here, and called once: Python-Markdown
calls it as slugify(text, separator) on every heading.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import UsageError

Slugify = Callable[[str, str], str]
# Where the modules a mkdocs.yml names usually come from (for "install ..." hints).
PACKAGES = {"pymdownx": "pymdown-extensions", "material": "mkdocs-material", "markdown": "Markdown"}


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


@dataclass
class SiteConfig:
    """Where the site is: its mkdocs.yml (None: no config, each file is a page of a default site) and docs_dir."""

    config_file: Path | None
    docs_dir: Path | None


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
    except ModuleNotFoundError as exc:
        package = PACKAGES.get((exc.name or "").split(".")[0], (exc.name or "").split(".")[0])
        hint = f"install the package that provides it, e.g. pip install {package}"
        raise UsageError(f"{where}: cannot load {ref.target}: {exc} ({hint})") from None
    except Exception as exc:
        raise UsageError(f"{where}: cannot load {ref.target}: {exc}") from None
    raise UsageError(f"{where}: unsupported tag !!python/{ref.kind}")


def _check_slugify(slugify: Callable[..., Any], where: str) -> None:
    """Python-Markdown calls slugify(text, separator) and needs a string back: try it once."""
    try:
        result = slugify("Slug Test 标题", "-")
    except Exception as exc:
        raise UsageError(f"{where} must be callable as slugify(text, separator): {exc}") from None
    if not isinstance(result, str):
        raise UsageError(f"{where} must return a string, not {type(result).__name__}")


def load_config(path: Path | None) -> SiteConfig:
    """Read a mkdocs.yml (None: no config, each file is a page of a default site)."""
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
    slugify = extensions.get("toc", {}).get("slugify")
    if isinstance(slugify, PythonRef):
        resolved = resolve_python(slugify, f"{path}: toc slugify")
        if not callable(resolved):
            raise UsageError(f"{path}: toc slugify {slugify.target} is not a function")
        _check_slugify(resolved, f"{path}: markdown_extensions.toc.slugify ({slugify.target})")
    elif slugify is not None:
        raise UsageError(f"{path}: toc slugify must be a !!python/name or !!python/object/apply tag")
    return SiteConfig(config_file=path, docs_dir=docs_dir)
