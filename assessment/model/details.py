"""What the applicant types for her application: who she is, where she applies, the
application's reference (`app`) and the detail of each scope row (`Details`).

None of it is an answer: it never reaches the engine, and only the scope detail and `app`
ever travel in a link (the review link; views/review_link.py). The fields and their limits
are the specification's ("Hand-over" in assessment.md). `clean` is the one place typed text
is made safe to print anywhere: characters XML 1.0 cannot hold are removed (so a Word file
always opens) and runs of white space become one space.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["APP_ALPHABET", "APP_LENGTH", "DETAIL_FIELDS", "MAX_FIELD", "PERSON_FIELDS",
           "Details", "RowDetail", "clean", "is_app_id"]

# The application's id: 12 characters from these 32 (no l, o, 0 or 1, which read alike).
APP_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
APP_LENGTH = 12
# At most this many characters (code points) in any typed field.
MAX_FIELD = 200
# The typed fields about the applicant and where she applies, in the order the pack prints
# them (`provider` is the imaging service's name).
PERSON_FIELDS = ("name", "regulator", "registration_number", "job_title", "workplace",
                 "provider", "supervisor", "contact")
# The typed fields of one scope row (the blank columns of the scope table, words/result.toml).
DETAIL_FIELDS = ("body_areas", "indications", "exclusions")

# What XML 1.0 cannot hold: C0 controls but tab, line feed and carriage return; lone
# surrogates; U+FFFE and U+FFFF. (C1 controls are allowed by XML but print as nothing useful.)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Typed text as one safe line: characters XML 1.0 cannot hold (and other control
    characters) removed, runs of white space made one space, ends trimmed."""
    return " ".join(_NOT_XML.sub("", text).split())


def is_app_id(text: object) -> bool:
    """Whether `text` is an application id: exactly 12 characters of the alphabet."""
    return (isinstance(text, str) and len(text) == APP_LENGTH
            and all(character in APP_ALPHABET for character in text))


@dataclass(frozen=True)
class RowDetail:
    """What the applicant typed for one scope row: body areas, clinical indications and
    exclusions (each cleaned, at most 200 characters)."""

    body_areas: str = ""
    indications: str = ""
    exclusions: str = ""

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in DETAIL_FIELDS)


@dataclass(frozen=True)
class Details:
    """Everything typed for the application. `scope` maps a row's identity
    (`<modality>:<patient group>`, option ids) to its detail; `app` is "" or an id."""

    name: str = ""
    regulator: str = ""
    registration_number: str = ""
    job_title: str = ""
    workplace: str = ""
    provider: str = ""
    supervisor: str = ""
    contact: str = ""
    app: str = ""
    scope: Mapping[str, RowDetail] = field(default_factory=dict)
