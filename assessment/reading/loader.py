"""The rules as data: `load_rules()` reads the TOML files in `assessment/rules/` once,
checks them and returns frozen records (the result is cached per folder).

Checks run on every load: each key must be known, each reference must name something that
exists (rules_reader), and every question, option, evidence item and notice must be
reachable by some answers (validation). A mistake raises `RulesError` naming the file and
the key. Files are read by plain paths relative to this module, so the package works the
same when it is unpacked from a zip archive inside Pyodide.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..model.errors import RulesError
from ..model.rules_model import (
    BASIS_WORDS,
    OUTCOME_WORDS,
    STATUS_WORDS,
    EvidenceItem,
    Group,
    Nation,
    Notice,
    Option,
    OptionSet,
    Question,
    Rules,
    Source,
)
from .rules_reader import read_rules
from .validation import validate

__all__ = [
    "BASIS_WORDS",
    "OUTCOME_WORDS",
    "RULES_DIR",
    "STATUS_WORDS",
    "EvidenceItem",
    "Group",
    "Nation",
    "Notice",
    "Option",
    "OptionSet",
    "Question",
    "Rules",
    "RulesError",
    "Source",
    "load_rules",
]

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


def load_rules(directory: str | Path | None = None) -> Rules:
    """The rules from `directory` (the package's own rules by default), read and checked once."""
    path = Path(directory) if directory is not None else RULES_DIR
    return _load(str(path.resolve()))


@lru_cache(maxsize=8)
def _load(directory: str) -> Rules:
    rules = read_rules(Path(directory))
    validate(rules)
    return rules
