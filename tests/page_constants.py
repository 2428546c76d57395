"""Constants of the page's own scripts, read from the one script that declares each, so that
no test keeps a copy: a top-level `const NAME = <JSON literal>;` (exported or not) in
overrides/assets/js/. Whatever the scripts are called, exactly one of them must declare it."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "js"


@functools.cache
def script_constant(name: str) -> object:
    """The value the page's scripts give `name`."""
    declaration = re.compile(rf"^(?:export )?const {re.escape(name)} = (.+?);\s*$", re.MULTILINE)
    found = [(path.name, match.group(1)) for path in sorted(SCRIPTS.glob("*.*js"))
             for match in declaration.finditer(path.read_text(encoding="utf-8"))]
    assert len(found) == 1, f"{name} should be declared in one page script, not: {found}"
    return json.loads(found[0][1])


# The self-assessment's saved answers (localStorage).
STORAGE_KEY = script_constant("STORAGE_KEY")
# The name and imaging provider a person typed for their documents, kept apart from them.
WHO_KEY = script_constant("WHO_KEY")
# The longest share-link fragment read; a longer one is cut, with a note.
MAX_FRAGMENT = script_constant("MAX_FRAGMENT")
