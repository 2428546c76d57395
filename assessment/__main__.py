"""`python -m assessment`: the self-assessment on the command line (see `cli.py`)."""

import io
import sys

from .cli import main

for stream in (sys.stdout, sys.stderr):  # the checklist uses typographic quotes
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8")
sys.exit(main())
