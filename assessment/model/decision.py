"""The reviewer's decision on one application (`Decision`), in the specification's
`--decision` shape ("Hand-over" in assessment.md), and its one reader `read_decision`:
strict for the command line (`AnswerError` names the first bad key, said by the words'
errors section: `field.*`, `decision.*`) and forgiving for the page (anything of the wrong
shape is left out).

Outcome ids are fixed: `entitle` (at least one scope row approved or narrowed),
`more-information` (the items still needed named) and `decline` (reasons required). Scope
decisions attach to a row's identity (`<modality>:<patient group>`), never to a position.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from .details import APP_ALPHABET, MAX_FIELD, clean, is_app_id
from .errors import answer_error, not_a_row, too_long
from .words import Words

__all__ = ["APPLICANT_FIELDS", "APPROVALS", "MAX_NOTE", "OUTCOMES", "REVIEWER_FIELDS",
           "Condition", "Decision", "RowDecision", "read_decision"]

OUTCOMES = ("entitle", "more-information", "decline")
APPROVALS = ("yes", "narrowed", "no")
APPLICANT_FIELDS = ("name", "regulator", "registration_number", "register_checked",
                    "workplace", "supervisor")
REVIEWER_FIELDS = ("name", "role")
KEYS = ("app", "applicant", "reviewer", "items", "scope", "outcome", "reasons", "needed",
        "start", "review", "conditions")
# A scope row decision's keys.
ROW_KEYS = ("approved", "text", "exclusions")
# A note, the reasons, a narrowed row's text: longer than a typed field.
MAX_NOTE = 2000


@dataclass(frozen=True)
class RowDecision:
    """One scope row's decision: approved `yes`, `narrowed` (with the approved `text`) or
    `no`, and its exclusions."""

    approved: str = "no"
    text: str = ""
    exclusions: str = ""


@dataclass(frozen=True)
class Condition:
    """A condition of the entitlement, with an optional due date (ISO)."""

    text: str
    due: str = ""


@dataclass(frozen=True)
class Decision:
    """What the reviewer recorded; every field may be empty but `app` and `outcome` on
    the command line."""

    app: str = ""
    applicant: Mapping[str, str] = field(default_factory=dict)
    reviewer: Mapping[str, str] = field(default_factory=dict)
    items: Mapping[str, tuple[bool, str]] = field(default_factory=dict)
    scope: Mapping[str, RowDecision] = field(default_factory=dict)
    outcome: str = ""
    reasons: str = ""
    needed: tuple[str, ...] = ()
    start: str = ""
    review: str = ""
    conditions: tuple[Condition, ...] = ()

    def approved_rows(self) -> list[str]:
        """The rows approved as asked or narrowed."""
        return [row for row, decided in self.scope.items() if decided.approved != "no"]


class _Reader:
    """Reads one value after another; strict (given the words to say what is wrong) raises,
    forgiving returns None."""

    def __init__(self, words: Words | None) -> None:
        self.words = words
        self.strict = words is not None

    def bad(self, key: str | None, said: str, **fields: str) -> None:
        if self.words is not None:
            raise answer_error(self.words, key, said, **fields)

    def names(self, key: str | None, said: str, names: Collection[str]) -> None:
        """Bad at `key`: said with a list of keys or ids."""
        self.bad(key, said, names=", ".join(names))

    def text(self, value: object, key: str, limit: int = MAX_FIELD) -> str | None:
        if not isinstance(value, str):
            self.bad(key, "field.string")
            return None
        if len(value) > limit:
            if self.words is not None:
                raise too_long(self.words, key, value, limit)
            return clean(value[:limit])
        return clean(value)

    def date(self, value: object, key: str) -> str | None:
        try:
            if isinstance(value, str) and len(value) == 10:
                return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
        self.bad(key, "field.date")
        return None

    def fields(self, value: object, key: str, names: tuple[str, ...]) -> dict[str, str]:
        out: dict[str, str] = {}
        if not isinstance(value, Mapping):
            self.names(key, "field.object_with", names)
            return out
        for name, text in value.items():
            where = f"{key}.{name}"
            if name not in names:
                self.names(where, "field.one_of", names)
                continue
            read = (self.date(text, where) if name == "register_checked"
                    else self.text(text, where))
            if read:
                out[name] = read
        return out


def read_decision(data: object, *, rows: Collection[str], items: Collection[str],
                  strict: bool, words: Words | None = None) -> Decision:
    """The decision in `data` for a view whose scope rows are `rows` and whose applicable
    items (national and the employer's) are `items`; strict reading says what is wrong in
    `words`."""
    if strict and words is None:
        raise TypeError("a strict reading needs the words to say what is wrong")
    read = _Reader(words if strict else None)
    if not isinstance(data, Mapping):
        read.bad(None, "field.object")
        return Decision()
    readers = {
        "app": lambda value: value if is_app_id(value) else read.bad(
            "app", "field.app", alphabet=APP_ALPHABET),
        "applicant": lambda value: read.fields(value, "applicant", APPLICANT_FIELDS),
        "reviewer": lambda value: read.fields(value, "reviewer", REVIEWER_FIELDS),
        "items": lambda value: _items(read, value, items),
        "scope": lambda value: _scope(read, value, rows),
        "outcome": lambda value: value if value in OUTCOMES else read.names(
            "outcome", "field.choice", OUTCOMES),
        "reasons": lambda value: read.text(value, "reasons", MAX_NOTE),
        "needed": lambda value: _needed(read, value, items),
        "start": lambda value: read.date(value, "start"),
        "review": lambda value: read.date(value, "review"),
        "conditions": lambda value: _conditions(read, value),
    }
    out: dict[str, object] = {}
    for key, value in data.items():
        if key not in readers:
            read.bad(key, "decision.unknown_key", keys=", ".join(KEYS))
            continue
        got = readers[key](value)
        if got:
            out[key] = got
    decision = Decision(**out)  # type: ignore[arg-type]
    if strict:
        _required(read, decision)
    return decision


def _required(read: _Reader, decision: Decision) -> None:
    """The command line's rules: `app` and `outcome` given; decline with reasons; entitle
    with a row approved or narrowed."""
    if not decision.app:
        read.bad("app", "field.required")
    if not decision.outcome:
        read.bad("outcome", "decision.outcome_required", outcomes=", ".join(OUTCOMES))
    if decision.outcome == "decline" and not decision.reasons:
        read.bad("reasons", "decision.reasons_required")
    if decision.outcome == "entitle" and not decision.approved_rows():
        read.bad("scope", "decision.entitle_needs_row")


def _items(read: _Reader, value: object, known: Collection[str]) -> dict[str, tuple[bool, str]]:
    out: dict[str, tuple[bool, str]] = {}
    if not isinstance(value, Mapping):
        read.bad("items", "decision.items", shape="{seen, note}")
        return out
    for item, entry in value.items():
        where = f"items.{item}"
        if item not in known:
            read.bad(where, "field.not_an_item")
            continue
        if not isinstance(entry, Mapping):
            read.bad(where, "decision.item")
            continue
        seen = entry.get("seen", False)
        if not isinstance(seen, bool):
            read.bad(f"{where}.seen", "field.boolean")
            seen = False
        note = read.text(entry.get("note", ""), f"{where}.note", MAX_NOTE) or ""
        for name in entry:
            if name not in ("seen", "note"):
                read.names(f"{where}.{name}", "field.one_of", ("seen", "note"))
        out[item] = (seen, note)
    return out


def _scope(read: _Reader, value: object, rows: Collection[str]) -> dict[str, RowDecision]:
    out: dict[str, RowDecision] = {}
    if not isinstance(value, Mapping):
        read.bad("scope", "decision.scope")
        return out
    for row, entry in value.items():
        where = f"scope.{row}"
        if row not in rows:
            if read.words is not None:
                raise not_a_row(read.words, where, rows)
            continue
        if not isinstance(entry, Mapping):
            read.names(where, "field.object_with", ROW_KEYS)
            continue
        approved = entry.get("approved", "no")
        if approved not in APPROVALS:
            read.names(f"{where}.approved", "field.choice", APPROVALS)
            approved = "no"
        texts = {}
        for name, text in entry.items():
            if name == "approved":
                continue
            if name not in ("text", "exclusions"):
                read.names(f"{where}.{name}", "field.one_of", ROW_KEYS)
                continue
            texts[name] = read.text(text, f"{where}.{name}") or ""
        out[row] = RowDecision(approved=str(approved), **texts)
    return out


def _needed(read: _Reader, value: object, known: Collection[str]) -> tuple[str, ...]:
    if not isinstance(value, list):
        read.bad("needed", "decision.needed")
        return ()
    out = []
    for index, item in enumerate(value):
        if item in known:
            out.append(str(item))
        else:
            read.bad(f"needed[{index}]", "field.not_an_item")
    return tuple(out)


def _conditions(read: _Reader, value: object) -> tuple[Condition, ...]:
    if not isinstance(value, list):
        read.bad("conditions", "decision.conditions", shape="{text, due}")
        return ()
    out = []
    for index, entry in enumerate(value):
        where = f"conditions[{index}]"
        if not isinstance(entry, Mapping):
            read.bad(where, "decision.condition")
            continue
        for name in entry:
            if name not in ("text", "due"):
                read.names(f"{where}.{name}", "field.one_of", ("text", "due"))
        text = read.text(entry.get("text"), f"{where}.text")
        due = read.date(entry["due"], f"{where}.due") if entry.get("due") else ""
        if text:
            out.append(Condition(text=text, due=due or ""))
    return tuple(out)
