"""The example expansion moved into the Markdown extension extensions/lua_notes_markdown.py.

Kept so that tests which put overrides/hooks on sys.path and `import examples` still find its functions.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "extensions"))

from lua_notes_markdown import *  # noqa: F403
from lua_notes_markdown import ExampleError, describe_runtimes, expand_examples, parse_runs_on  # noqa: F401
