"""Run a Lua file on one of the runtimes lupa bundles, printing what the script prints.

    python scripts/run_lua.py docs/coroutine/examples/generator.lua --runtime 5.4

Lua's print and io.write go to the C-level stdout of this process, so a caller
that runs this script as a subprocess captures exactly what a reader would see
from `lua FILE`. The tests do that, with a time limit, for every runtime.
Exit status: 0 when the chunk ran, 1 when it raised a Lua error, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

# Runtime names used in `-- runs-on:` lines, mapped to lupa's modules.
RUNTIMES = {
    "5.1": "lupa.lua51",
    "5.2": "lupa.lua52",
    "5.3": "lupa.lua53",
    "5.4": "lupa.lua54",
    "5.5": "lupa.lua55",
    "luajit": "lupa.luajit21",
}


def run(path: Path, runtime: str) -> int:
    module = importlib.import_module(RUNTIMES[runtime])
    lua = module.LuaRuntime(unpack_returned_tuples=True)
    # Compile and run inside Lua, so syntax and runtime errors come back as messages
    # ("generator.lua:3: ...") rather than Python tracebacks.
    run_chunk = lua.eval(
        """function(src, name)
             local chunk, err = (loadstring or load)(src, name)
             if not chunk then return false, err end
             local ok, message = xpcall(chunk, function(e) return tostring(e) end)
             io.stdout:flush()
             return ok, message
           end"""
    )
    ok, message = run_chunk(path.read_text(encoding="utf-8"), "@" + path.name)
    if not ok:
        sys.stdout.flush()
        print(message, file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--runtime", choices=sorted(RUNTIMES), default="5.4")
    args = parser.parse_args(argv)
    if not args.file.is_file():
        parser.error(f"{args.file}: no such file")
    return run(args.file, args.runtime)


if __name__ == "__main__":
    sys.exit(main())
