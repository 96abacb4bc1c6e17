"""Re-create the JavaScript the site ships from other projects, from their npm packages.

    python scripts/update_vendor.py            # the versions pinned below
    python scripts/update_vendor.py --check    # exit 1 if the files in docs/ differ from the packages

Each package is fetched with the ordinary client (`npm pack NAME@VERSION`, checked against the integrity
recorded here), unpacked in a temporary directory, and only the files the site needs are written, each
with its licence beside it or at its top:

- iframe-worker (MIT): shim/index.js -> docs/javascripts/iframe-worker-shim.js, the licence as a header
  comment. Material's offline plugin loads it so that search runs from file://.
- wasmoon (MIT, Lua 5.4 compiled to WebAssembly): dist/index.js -> docs/javascripts/vendor/wasmoon/wasmoon.js
  unchanged; dist/glue.wasm -> glue-wasm.js as a base64 data: URI, because a page opened from file://
  may not fetch() a .wasm file; LICENSE beside them. docs/javascripts/lua-run.js loads both on the
  first press of a 运行 button.

To update: change VERSION and INTEGRITY below (the integrity is what `npm view NAME@VERSION dist.integrity`
prints), run this script, run the browser tests (`pytest -m browser`), commit the changed files.
"""

from __future__ import annotations

import argparse
import base64
import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "docs" / "javascripts"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    integrity: str


IFRAME_WORKER = Package(
    "iframe-worker",
    "1.0.4",
    "sha512-roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q==",
)
WASMOON = Package(
    "wasmoon",
    "1.16.0",
    "sha512-FlRLb15WwAOz1A9OQDbf6oOKKSiefi5VK0ZRF2wgH9xk3o5SnU11tNPaOnQuAh1Ucr66cwwvVXaeVRaFdRBt5g==",
)

SHIM_HEADER = """/*!
 * iframe-worker {version} — shim/index.js, vendored unchanged from the npm package
 * (https://github.com/squidfunk/iframe-worker) so that search works from file://
 * without loading the shim from a CDN. The offline plugin only skips its own unpkg
 * copy because this file's name contains "iframe-worker".
 *
{licence} */
"""


def npm_pack(package: Package, into: Path) -> Path:
    """`npm pack` one exact version into `into`, check its integrity, return the unpacked package/ folder."""
    result = subprocess.run(
        ["npm", "pack", "--json", f"{package.name}@{package.version}"],
        cwd=into,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"error: npm pack {package.name}@{package.version} failed:\n{result.stderr.strip()}")
    info = json.loads(result.stdout)[0]
    if info["integrity"] != package.integrity:
        raise SystemExit(f"error: {package.name}@{package.version}: integrity {info['integrity']} is not pinned")
    with tarfile.open(into / info["filename"]) as archive:
        archive.extractall(into / package.name, filter="data")
    return into / package.name / "package"


def _comment(text: str) -> str:
    return "".join(f" * {line}".rstrip() + "\n" for line in text.strip().split("\n"))


def vendored_files(tmp: Path) -> dict[Path, bytes]:
    """Every vendored file, path -> content, as built from the pinned packages."""
    files: dict[Path, bytes] = {}
    shim = npm_pack(IFRAME_WORKER, tmp)
    header = SHIM_HEADER.format(version=IFRAME_WORKER.version, licence=_comment((shim / "LICENSE").read_text()))
    files[JS / "iframe-worker-shim.js"] = (header + (shim / "shim" / "index.js").read_text()).encode()

    wasmoon = npm_pack(WASMOON, tmp)
    target = JS / "vendor" / "wasmoon"
    files[target / "wasmoon.js"] = (wasmoon / "dist" / "index.js").read_bytes()
    wasm = base64.b64encode((wasmoon / "dist" / "glue.wasm").read_bytes()).decode()
    files[target / "glue-wasm.js"] = (
        f"/*! wasmoon {WASMOON.version} dist/glue.wasm (MIT, see LICENSE beside this file), as a data: URI so that\n"
        " * a page opened from file:// can start the Lua VM without fetch(). Written by scripts/update_vendor.py. */\n"
        f'window.WASMOON_GLUE_WASM = "data:application/octet-stream;base64,{wasm}";\n'
    ).encode()
    files[target / "LICENSE"] = (wasmoon / "LICENSE").read_bytes()
    files[target / "VERSION"] = f"wasmoon {WASMOON.version} (npm), Lua 5.4\n".encode()
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if a vendored file differs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lua-notes-vendor-") as tmp:
        files = vendored_files(Path(tmp))
    changed = [path for path, data in files.items() if not path.is_file() or path.read_bytes() != data]
    for path in changed:
        print(f"{'differs' if args.check else 'wrote'}: {path.relative_to(ROOT)}")
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[path])
    if not changed:
        print("vendored files are up to date")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
