"""The offline zip as a reader gets it: one folder, index.html on top, search and the shim inside, nothing remote."""

from __future__ import annotations

import importlib.util
import re
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT


def _build_offline() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_offline", ROOT / "scripts" / "build_offline.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_zip_holds_one_folder_with_index_html_on_top(offline_zip: Path) -> None:
    names = zipfile.ZipFile(offline_zip).namelist()
    assert {name.split("/", 1)[0] for name in names} == {"lua-notes-offline"}
    for needed in ("index.html", "search/search_index.js", "javascripts/iframe-worker-shim.js"):
        assert f"lua-notes-offline/{needed}" in names, f"the zip lacks {needed}"


def test_shim_keeps_its_mit_notice(offline_site: Path) -> None:
    shim = (offline_site / "javascripts" / "iframe-worker-shim.js").read_text(encoding="utf-8")
    assert "Copyright (c) 2020-2022 Martin Donath" in shim
    assert "Permission is hereby granted, free of charge" in shim
    assert "window.Worker=o" in shim  # the shim itself, not only its notice


def test_offline_pages_load_nothing_remote_and_say_they_are_offline(offline_site: Path) -> None:
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) >= 2
    for html in pages:
        text = html.read_text(encoding="utf-8")
        where = html.relative_to(offline_site)
        assert "iframe-worker-shim.js" in text, f"{where}: the vendored shim is not loaded"
        assert "unpkg.com" not in text, f"{where}: refers to a CDN"
        assert 'data-md-component="source"' not in text, f"{where}: would ask api.github.com for repo facts"
        assert "你正在阅读<strong>离线版</strong>" in text, f"{where}: no offline banner"
        assert "download>下载离线版</a>" not in text, f"{where}: the offline banner offers the offline edition"
    assert _build_offline().network_references(offline_site) == []


def test_hosted_pages_offer_the_zip(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="lua-notes-offline\.zip" download>', home), "the home page has no download link"
    topic = (built_site / "coroutine" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../lua-notes-offline.zip" download>' in topic, "the link must be relative to the site root"
    assert "离线版</strong>" not in home


def test_network_check_flags_what_a_browser_would_fetch(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.example/css">\n'
        '<script src="//cdn.example/lib.js"></script>\n'
        '<img alt="" src="http://img.example/a.png">\n'
        '<a href="https://example.com/read-more">a link is fine: it loads nothing until clicked</a>\n'
        '<script src="assets/local.js"></script>\n',
        encoding="utf-8",
    )
    (tmp_path / "extra.css").write_text("body { background: url('https://img.example/bg.png') }", encoding="utf-8")
    found = _build_offline().network_references(tmp_path)
    assert found == [
        "extra.css:1: https://img.example/bg.png",
        "index.html:1: https://fonts.example/css",
        "index.html:2: //cdn.example/lib.js",
        "index.html:3: http://img.example/a.png",
    ]


def test_copy_into_puts_the_zip_beside_the_hosted_pages(offline_build: tuple[Path, Path]) -> None:
    zip_path, hosted = offline_build  # built with --copy-into, as the Pages workflow builds it
    copied = hosted / zip_path.name
    assert copied.read_bytes() == zip_path.read_bytes()
    assert zipfile.ZipFile(copied).testzip() is None
    assert not any(name.endswith(".map") for name in zipfile.ZipFile(copied).namelist())


def test_copy_into_a_missing_directory_fails_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = _build_offline().main(["--output", str(tmp_path / "out.zip"), "--copy-into", str(tmp_path / "nope")])
    assert status == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope: not a directory" in err
    assert not (tmp_path / "out.zip").exists(), "it should fail before spending time on a build"


def test_lua_vm_ships_with_its_licence_and_loads_without_fetch(offline_site: Path) -> None:
    vm = offline_site / "javascripts" / "vendor" / "wasmoon"
    assert "Permission is hereby granted, free of charge" in (vm / "LICENSE").read_text(encoding="utf-8")
    assert (vm / "VERSION").read_text(encoding="utf-8").startswith("wasmoon ")
    glue = (vm / "glue-wasm.js").read_text(encoding="utf-8")
    assert 'window.WASMOON_GLUE_WASM = "data:application/octet-stream;base64,AGFzbQ' in glue  # \0asm, inline
    assert "LuaFactory" in (vm / "wasmoon.js").read_text(encoding="utf-8")
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "lua-run.js" in home and "wasmoon.js" not in home, "the VM is loaded on demand, not by the page"
