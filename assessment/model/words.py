"""The words a person reads, beyond the results' own (`rules/words/result.toml`): one file
per section in `assessment/rules/words/` (page, review, pack, record, errors), each read
into a `Words` record.

Every section's keys are declared here, each with the placeholders its text must hold (in
that order, each once): the reader fails on an unknown or missing key naming the file and
the key, as for the rules. A key is dotted (`download.button` for `[download] button` in
the file). Its value is a string said the same to every audience, or a table with one
string per audience (`applicant`: "you"; `reviewer`: "the applicant") where the voices
differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

AUDIENCES = ("applicant", "reviewer")

# Each section: key -> the placeholders its text holds, in order.
PAGE_WORDS: dict[str, tuple[str, ...]] = {}
REVIEW_WORDS: dict[str, tuple[str, ...]] = {}
PACK_WORDS: dict[str, tuple[str, ...]] = {}
RECORD_WORDS: dict[str, tuple[str, ...]] = {}
ERROR_WORDS: dict[str, tuple[str, ...]] = {}

SECTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "page": PAGE_WORDS,
    "review": REVIEW_WORDS,
    "pack": PACK_WORDS,
    "record": RECORD_WORDS,
    "errors": ERROR_WORDS,
}

# A text as read: one for everyone, or one per audience.
Text = str | Mapping[str, str]


@dataclass(frozen=True)
class Words:
    """The sections' words, checked: section -> dotted key -> text (or text per audience)."""

    sections: Mapping[str, Mapping[str, Text]]

    def text(self, section: str, key: str, audience: str = "applicant",
             **fields: str) -> str:
        """One text in the audience's voice, its placeholders filled from `fields`."""
        value = self.sections[section][key]
        said = value if isinstance(value, str) else value[audience]
        for name, filler in fields.items():
            said = said.replace("{" + name + "}", filler)
        return said

    def section(self, section: str, audience: str = "applicant") -> dict[str, str]:
        """A whole section in one audience's voice (placeholders left in), as the build
        writes it for the page scripts."""
        return {key: self.text(section, key, audience) for key in self.sections[section]}
