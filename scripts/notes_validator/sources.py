"""What a run reads: the site's config and its Markdown files, from the command line's PATHs."""

from __future__ import annotations

import os
from pathlib import Path

from .config import SiteConfig, load_config
from .errors import UsageError


def config_path(option: str | None) -> Path | None:
    """--config, else ./mkdocs.yml when there is one."""
    if option:
        return Path(option)
    return Path("mkdocs.yml") if os.path.isfile("mkdocs.yml") else None


def read_site(config_option: str | None, paths: list[str]) -> tuple[SiteConfig, list[Path]]:
    """The config (from --config or ./mkdocs.yml) and the Markdown files to check."""
    config = load_config(config_path(config_option))
    return config, markdown_files(paths, config)


def markdown_files(paths: list[str], config: SiteConfig) -> list[Path]:
    if not paths:
        if config.docs_dir is None:
            raise UsageError("no PATH given and no ./mkdocs.yml to take docs_dir from")
        paths = [str(config.docs_dir)]
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*.md")) if not any(part.startswith(".") for part in p.parts))
        elif path.is_file():
            if path.suffix.lower() not in (".md", ".markdown"):
                raise UsageError(f"{raw}: not a Markdown file")
            files.append(path)
        else:
            raise UsageError(f"{raw}: no such file or folder")
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return list(unique.values())
