"""Copies of the rules folder with one mistake put in, for the tests that check the loader
refuses a broken file naming it and its key."""

from __future__ import annotations

import shutil
from pathlib import Path

from assessment.reading.loader import RULES_DIR


def rules_with(target: Path, file: str, old: str, new: str) -> Path:
    """Copy the rules into `target` with the one `old` of `file` replaced by `new`; the path
    of the file changed."""
    shutil.copytree(RULES_DIR, target)
    path = target / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the test's text to replace is not unique in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path
