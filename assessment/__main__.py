"""`python -m assessment`: the self-assessment on the command line (see `cli.py`)."""

import sys

from .cli import main

if hasattr(sys.stdout, "reconfigure"):
    sys.stdout.reconfigure(encoding="utf-8")  # the checklist uses typographic quotes
    sys.stderr.reconfigure(encoding="utf-8")
sys.exit(main())
