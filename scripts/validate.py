#!/usr/bin/env python3
"""Check every link and every quoted note of a MkDocs site (see README: 链接与引文检查).

    python scripts/validate.py [PATH ...] [--online] [--format text|json|github] ...

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or configuration error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notes_validator.cli import main

if __name__ == "__main__":
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (`| head`): as the Python docs advise, stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    sys.exit(status)
