"""Small wording helpers shared by the condition descriptions, the why sentences and reports.

Answers are echoed in typographic quotes, exactly as the options are labelled, so a reader
can match each sentence to the answer they gave.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A placeholder in a text of the rules or the words: `{name}` (or `{question:option}`).
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def quote(text: str) -> str:
    """The text in typographic double quotes."""
    return f"“{text}”"


def join(items: Sequence[str], conjunction: str = "and") -> str:
    """Join items as English does: ``a``, ``a and b``, ``a, b and c``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def quoted_list(labels: Sequence[str], conjunction: str = "and") -> str:
    """Each label quoted, then joined: ``“X-ray”, “CT” and “MRI”``."""
    return join([quote(label) for label in labels], conjunction)


def long_date(year: int, month: int, day: int) -> str:
    """A date in words, the same in every locale: ``17 January 2025``."""
    return f"{day} {MONTHS[month - 1]} {year}"


def partial_date(text: str) -> str:
    """An ISO date that may lack its day or month, in words: ``2024-02`` is ``February 2024``,
    ``2020`` stays ``2020``, ``2025-01-17`` is ``17 January 2025``."""
    parts = text.split("-")
    if len(parts) == 3:
        return long_date(int(parts[0]), int(parts[1]), int(parts[2]))
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return text
