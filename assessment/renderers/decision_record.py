"""The decision record as a Word document: what the person deciding an application saw, noted
and decided, beside the applicant's own checklist: the same result view (`ResultView`)
every surface prints, told for the reviewer.

The review page (review/) asks for it in the browser, where the reviewer's ticks, notes and
decision stay; it is written here, in the package, with the standard-library Word writer
(`docx.Document`), so it runs under Pyodide as on the command line. The reviewer's record is
read as forgivingly as a link: anything of the wrong shape is left out, never an error.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from ..model.words import Words
from ..views.result_view import ItemView, LocalItemView, ResultView
from .docx import Document, Link, Run

__all__ = ["DECISION_IDS", "decision_record", "decisions", "usable_record"]

# The decision's options, in order; their words are the record section's `decisions.<id>`.
DECISION_IDS = ("entitle", "entitle-limits", "not-yet")
MAX_TEXT = 5000


def decisions(words: Words) -> tuple[tuple[str, str], ...]:
    """The decision's options, id and words, as the review page and the record show them."""
    return tuple((decision, words.text("record", f"decisions.{decision}"))
                 for decision in DECISION_IDS)


def _text(value: object) -> str:
    return value[:MAX_TEXT] if isinstance(value, str) else ""


def usable_record(raw: object) -> dict[str, Any]:
    """The reviewer's record (`items`: id → {seen, note}; `scope`: row → approved;
    `decision`; `reasons`), keeping only what has the right shape."""
    record: dict[str, Any] = {"items": {}, "scope": set(), "decision": "", "reasons": ""}
    if not isinstance(raw, Mapping):
        return record
    items = raw.get("items")
    if isinstance(items, Mapping):
        for key, value in items.items():
            if isinstance(key, str) and isinstance(value, Mapping):
                record["items"][key] = {"seen": value.get("seen") is True,
                                        "note": _text(value.get("note")).strip()}
    scope = raw.get("scope")
    if isinstance(scope, Mapping):
        record["scope"] = {str(key) for key, value in scope.items() if value is True}
    if raw.get("decision") in DECISION_IDS:
        record["decision"] = raw["decision"]
    record["reasons"] = _text(raw.get("reasons")).strip()
    return record


def decision_record(view: ResultView, raw_record: object, today: datetime.date) -> bytes:
    """The .docx for a review view and the reviewer's record: the same inputs, the same
    bytes."""
    record = usable_record(raw_record)

    def said(key: str, **fields: str) -> str:
        return view.words.text("record", key, view.audience, **fields)

    document = Document(said("title"), today)
    document.heading(said("title"), 0)
    document.paragraph(said("written", date=view.date))
    document.paragraph([Run(said("self_declared"), bold=True), said("self_declared_rest")])

    document.heading(said("application.heading"), 1)
    document.paragraph([Run(said("application.outcome", outcome=view.outcome_label),
                            bold=True), view.outcome_sentence])
    employer = view.employer
    if employer:
        document.paragraph([Run(said("application.employer"), bold=True),
                            f"{employer.name}. {employer.note}"])
    else:
        document.paragraph(said("application.no_employer"))
    if view.missing:
        document.paragraph(said("application.missing"))
        document.bullets([question.text for question in view.missing])
    document.table([said("application.question"), said("application.answer")], view.answers,
                   [3, 2], caption=said("application.answers"))

    document.heading(said("evidence.heading"), 1)
    groups: list[tuple[str, Sequence[ItemView | LocalItemView]]] = list(view.groups)
    if view.employer is not None and view.employer.items:
        groups.append((view.employer.name, view.employer.items))
    for group, members in groups:
        document.heading(group, 2)
        rows: list[Sequence[str]] = []
        for item in members:
            mine = record["items"].get(item.id, {"seen": False, "note": ""})
            rows.append([item.title, item.status_label,
                         said("evidence.seen") if mine["seen"] else said("evidence.not_seen"),
                         mine["note"]])
        document.table([said("evidence.item"), said("evidence.says"),
                        said("evidence.seen_heading"), said("evidence.note")], rows,
                       [3, 2, 1.3, 3.7], caption=group)
        for item in members:
            # A national item's public check; an employer's requirement in the reviewer's
            # own voice, with its sources.
            verify, sources = ((item.verify, item.verify_sources) if isinstance(item, ItemView)
                               else (item.reviewer, item.sources))
            if verify:
                document.paragraph([Run(said("evidence.verify", title=item.title), bold=True),
                                    verify])
                document.bullets([[Link(title, url, show_url=True)] for title, url in sources])

    document.heading(said("scope.heading"), 1)
    scope = view.scope
    if not scope:
        document.paragraph(said("scope_none"))
    elif not scope.rows:
        document.paragraph(scope.note or scope.intro)
    else:
        columns = [column for column in scope.columns if column.kind != "blank"]
        document.table(
            [said("scope.approved_heading"), *(column.heading for column in columns)],
            [[said("scope.approved") if str(index) in record["scope"]
              else said("scope.not_approved"), *(row[column.field] for column in columns)]
             for index, row in enumerate(scope.rows)],
            [1.2, *([2] * len(columns))], caption=said("scope.heading"))

    document.heading(said("decision.heading"), 1)
    decision = dict(decisions(view.words)).get(record["decision"], said("undecided"))
    document.paragraph([Run(said("decision.label"), bold=True), decision])
    document.paragraph([Run(said("decision.reasons"), bold=True),
                        record["reasons"] or said("no_reasons")])
    document.signature(said("decided_by"))
    document.signature(said("date"))
    return document.to_bytes()
