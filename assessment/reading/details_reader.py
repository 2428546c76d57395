"""Reading what the applicant typed (`model.details.Details`) from JSON: strictly for the
command line's `--details FILE`, forgivingly for the page.

The shape is the specification's: an object with any of the string keys `name`,
`regulator`, `registration_number`, `job_title`, `workplace`, `provider`, `supervisor`,
`contact`, `app`, and `scope`, an object from row identity (`xray:adults`) to an object with
any of the string keys `body_areas`, `indications`, `exclusions`. Every text is at most 200
characters. A mistake's message is a text of the words' errors section (`field.*`,
`details.*`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ..model.details import (
    APP_ALPHABET,
    DETAIL_FIELDS,
    MAX_FIELD,
    PERSON_FIELDS,
    Details,
    RowDetail,
    is_app_id,
)
from ..model.errors import answer_error, not_a_row, too_long
from ..model.words import Words

__all__ = ["details_from_page", "read_details"]


def _text(value: object, key: str, words: Words) -> str:
    if not isinstance(value, str):
        raise answer_error(words, key, "field.string")
    if len(value) > MAX_FIELD:
        raise too_long(words, key, value, MAX_FIELD)
    return value


def read_details(data: object, rows: Collection[str], words: Words) -> Details:
    """The details in `data`, checked strictly: `AnswerError` names the first bad key (an
    unknown key, a value that is not a string, one over 200 characters, an `app` that is not
    12 characters of its alphabet, or a scope row that is not one of `rows`, the identities
    of the scope table these answers make), said in `words`."""
    if not isinstance(data, Mapping):
        raise answer_error(words, None, "field.object")
    fields: dict[str, str] = {}
    scope: dict[str, RowDetail] = {}
    for key, value in data.items():
        if key in PERSON_FIELDS:
            fields[key] = _text(value, key, words)
        elif key == "app":
            if not is_app_id(value):
                raise answer_error(words, key, "field.app", alphabet=APP_ALPHABET)
            fields[key] = str(value)
        elif key == "scope":
            scope = _read_scope(value, rows, words)
        else:
            raise answer_error(words, key, "details.unknown_key",
                               keys=", ".join((*PERSON_FIELDS, "app", "scope")))
    return Details(**fields, scope=scope)


def _read_scope(value: object, rows: Collection[str], words: Words) -> dict[str, RowDetail]:
    if not isinstance(value, Mapping):
        raise answer_error(words, "scope", "details.scope")
    scope = {}
    for row, detail in value.items():
        where = f"scope.{row}"
        if row not in rows:
            raise not_a_row(words, where, rows)
        if not isinstance(detail, Mapping):
            raise answer_error(words, where, "field.object_with", names=", ".join(DETAIL_FIELDS))
        typed = {}
        for name, text in detail.items():
            if name not in DETAIL_FIELDS:
                raise answer_error(words, f"{where}.{name}", "field.one_of",
                                   names=", ".join(DETAIL_FIELDS))
            typed[name] = _text(text, f"{where}.{name}", words)
        scope[row] = RowDetail(**typed)
    return scope


def details_from_page(raw: object) -> Details:
    """The details the page sends, read forgivingly: what is not a string (or, for `app`,
    an id) is nothing, a longer text is cut at 200 characters; a scope row keeps only its
    known fields. The rows are matched against the table when the view is built."""
    if not isinstance(raw, Mapping):
        return Details()

    def text(value: object) -> str:
        return value[:MAX_FIELD] if isinstance(value, str) else ""

    scope: dict[str, RowDetail] = {}
    rows = raw.get("scope")
    if isinstance(rows, Mapping):
        for row, detail in rows.items():
            if isinstance(row, str) and isinstance(detail, Mapping):
                scope[row] = RowDetail(**{name: text(detail.get(name))
                                          for name in DETAIL_FIELDS})
    app = raw.get("app")
    return Details(**{name: text(raw.get(name)) for name in PERSON_FIELDS},
                   app=str(app) if is_app_id(app) else "", scope=scope)
