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

from ..views.result_view import ItemView, LocalItemView, ResultView
from .docx import Document, Link, Run

__all__ = ["DECISIONS", "decision_record", "usable_record"]

# The decision's options: id and words, shown by the page (hooks/review_page.py) and here.
DECISIONS = (
    ("entitle", "Entitle within the scope listed"),
    ("entitle-limits", "Entitle, with limits (say which in the reasons)"),
    ("not-yet", "Not yet (say what is still needed in the reasons)"),
)
TITLE = "Decision record: application to be entitled to request imaging"
MAX_TEXT = 5000


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
    if raw.get("decision") in dict(DECISIONS):
        record["decision"] = raw["decision"]
    record["reasons"] = _text(raw.get("reasons")).strip()
    return record


def decision_record(view: ResultView, raw_record: object, today: datetime.date) -> bytes:
    """The .docx for a review view and the reviewer's record: the same inputs, the same
    bytes."""
    record = usable_record(raw_record)
    document = Document(TITLE, today)
    document.heading(TITLE, 0)
    document.paragraph(f"Written on {view.date} from the applicant's self-assessment link.")
    document.paragraph([Run("The statuses are self-declared by the applicant", bold=True),
                        ": what they answered in the self-assessment, not checked by anyone."
                        " The ticks and notes are the reviewer's."])

    document.heading("The application", 1)
    document.paragraph([Run(f"The applicant's self-assessment: {view.outcome_label}. ",
                            bold=True), view.outcome_sentence])
    employer = view.employer
    if employer:
        document.paragraph([Run("Employer: ", bold=True), f"{employer.name}. {employer.note}"])
    else:
        document.paragraph("No employer was chosen, so only the national evidence is listed.")
    if view.missing:
        document.paragraph("The applicant has not answered these questions yet:")
        document.bullets([question.text for question in view.missing])
    document.table(["Question", "The applicant's answer"], view.answers, [3, 2],
                   caption="The applicant's answers")

    document.heading("Evidence seen", 1)
    groups: list[tuple[str, Sequence[ItemView | LocalItemView]]] = list(view.groups)
    if view.employer is not None and view.employer.items:
        groups.append((view.employer.name, view.employer.items))
    for group, members in groups:
        document.heading(group, 2)
        rows: list[Sequence[str]] = []
        for item in members:
            mine = record["items"].get(item.id, {"seen": False, "note": ""})
            rows.append([item.title, item.status_label, "Seen" if mine["seen"] else
                         "Not seen", mine["note"]])
        document.table(["Item", "The applicant says", "Seen", "Reviewer's note"], rows,
                       [3, 2, 1.3, 3.7], caption=group)
        for item in members:
            # A national item's public check; an employer's requirement in the reviewer's
            # own voice, with its sources.
            verify, sources = ((item.verify, item.verify_sources) if isinstance(item, ItemView)
                               else (item.reviewer, item.sources))
            if verify:
                document.paragraph([Run(f"How to verify “{item.title}”: ", bold=True),
                                    verify])
                document.bullets([[Link(title, url, show_url=True)] for title, url in sources])

    document.heading("Scope of practice", 1)
    scope = view.scope
    if not scope:
        document.paragraph("There is no scope to approve: the applicant's answers show they are"
                           " not registered.")
    elif not scope.rows:
        document.paragraph(scope.note or scope.intro)
    else:
        columns = [column for column in scope.columns if column.kind != "blank"]
        document.table(
            ["Approved", *(column.heading for column in columns)],
            [["Approved" if str(index) in record["scope"] else "Not approved",
              *(row[column.field] for column in columns)]
             for index, row in enumerate(scope.rows)],
            [1.2, *([2] * len(columns))], caption="Scope of practice")

    document.heading("Decision", 1)
    decision = dict(DECISIONS).get(record["decision"], "Not decided yet")
    document.paragraph([Run("Decision: ", bold=True), decision])
    document.paragraph([Run("Reasons: ", bold=True), record["reasons"] or "None given."])
    document.signature("Decided by (name, role and signature)")
    document.signature("Date")
    return document.to_bytes()
