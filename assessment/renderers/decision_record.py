"""The decision record as a Word document: what the person deciding an application saw,
noted and decided (a `model.decision.Decision`), beside the applicant's own checklist: the
same result view (`ResultView`) every surface prints, told for the reviewer.

The review page (review/) asks for it in the browser, where the reviewer's record stays; it
is written here, in the package, with the standard-library Word writer (`docx.Document`), so
it runs under Pyodide as on the command line and both give the same bytes. Its own words are
the record section of the words data (words/record.toml); a phrase the review page says too
(the applicant's fields, the application in short, seen or not, the scope's decisions, the
outcomes, the signature lines) is the review section's one key, printed by both. The
outcome is printed by its label only, never with the page's instruction for it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

from ..model.decision import Decision
from ..views.result_view import ItemView, LocalItemView, ResultView
from .docx import Document, Link, Run

__all__ = ["decision_record"]


Say = Callable[..., str]


def decision_record(view: ResultView, decision: Decision, today: datetime.date) -> bytes:
    """The .docx for a review view and the reviewer's decision: the same inputs, the same
    bytes."""
    def words(key: str, **fields: str) -> str:
        # `page:` keys are the review page's own (words/review.toml), shared with the page.
        section, _, name = key.rpartition(":")
        return view.words.text("review" if section == "page" else "record", name,
                               audience="reviewer", **fields)

    title = words("title")
    document = Document(title, today)
    document.heading(title, 0)
    if decision.app:
        document.paragraph([Run(words("reference") + " ", bold=True), decision.app])
    document.paragraph(words("written", date=view.date))
    document.paragraph([Run(words("self_declared"), bold=True), words("self_declared_rest")])
    _people(document, decision, words)
    _application(document, view, words)
    groups = _evidence(document, view, decision, words)
    _scope(document, view, decision, words)
    _decision(document, decision, groups, words)
    document.signature(words("page:decision.decided_by"))
    document.signature(words("page:decision.date"))
    return document.to_bytes()


def _people(document: Document, decision: Decision, words: Say) -> None:
    document.heading(words("people.heading"), 1)
    applicant, reviewer = decision.applicant, decision.reviewer
    people = [[words(f"page:people.{label}"), applicant.get(name, "")]
              for name, label in (("name", "applicant_name"), ("regulator", "regulator"),
                                  ("registration_number", "registration_number"),
                                  ("register_checked", "register_checked"),
                                  ("workplace", "workplace"), ("supervisor", "supervisor"))]
    people += [[words(f"reviewer.{name}"), reviewer.get(name, "")] for name in ("name", "role")]
    document.table([words("people.field"), words("people.value")], people, [2.5, 4],
                   caption=words("people.heading"))


def _application(document: Document, view: ResultView, words: Say) -> None:
    document.heading(words("page:summary.heading"), 1)
    document.paragraph([Run(words("page:summary.outcome",
                                  outcome=view.outcome_label) + " ", bold=True),
                        view.outcome_sentence])
    employer = view.employer
    if employer:
        document.paragraph([Run(words("page:summary.employer") + ": ", bold=True),
                            f"{employer.name}. {employer.note}"])
    else:
        document.paragraph(words("page:summary.no_employer"))
    if view.missing:
        document.paragraph(words("page:summary.missing"))
        document.bullets([question.text for question in view.missing])
    document.table([words("application.question"), words("application.answer")],
                   view.answers, [3, 2], caption=words("page:summary.answers"))


def _evidence(document: Document, view: ResultView, decision: Decision,
              words: Say) -> list[tuple[str, Sequence[ItemView | LocalItemView]]]:
    document.heading(words("evidence.heading"), 1)
    groups: list[tuple[str, Sequence[ItemView | LocalItemView]]] = list(view.groups)
    if view.employer is not None and view.employer.items:
        groups.append((view.employer.name, view.employer.items))
    for group, members in groups:
        document.heading(group, 2)
        rows: list[Sequence[str]] = []
        for item in members:
            seen, note = decision.items.get(item.id, (False, ""))
            rows.append([item.title, item.status_label,
                         words("page:evidence.seen") if seen else words("page:evidence.not_seen"),
                         note])
        document.table([words("evidence.item"), words("page:evidence.applicant_says"),
                        words("page:evidence.seen"), words("evidence.note")], rows,
                       [3, 2, 1.3, 3.7], caption=group)
        for item in members:
            verify, sources = ((item.verify, item.verify_sources) if isinstance(item, ItemView)
                               else (item.reviewer, item.sources))
            if verify:
                document.paragraph([Run(words("evidence.verify", title=item.title) + " ",
                                        bold=True), verify])
                document.bullets([[Link(title, url, show_url=True)] for title, url in sources])
    return groups


def _scope(document: Document, view: ResultView, decision: Decision, words: Say) -> None:
    document.heading(words("scope.heading"), 1)
    scope = view.scope
    if not scope:
        document.paragraph(words("page:scope.not_registered"))
    elif not scope.rows:
        document.paragraph(scope.note or scope.intro)
    else:
        columns = [column for column in scope.columns if column.kind != "blank"]
        table = []
        for row in scope.rows:
            decided = decision.scope.get(row["id"])
            approved = decided.approved if decided else ""
            label = words(f"page:scope.{approved or 'undecided'}")
            table.append([label, *(row[column.field] for column in columns),
                          decided.text if decided else "",
                          decided.exclusions if decided else ""])
        document.table([words("page:scope.decision"), *(column.heading for column in columns),
                        words("scope.text"), words("page:scope.exclusions")],
                       table, [1.4, *([1.6] * len(columns)), 2, 2],
                       caption=words("scope.heading"))
        approved_rows = [row for row in scope.rows
                         if decision.scope.get(row["id"]) and
                         decision.scope[row["id"]].approved != "no"]
        if decision.outcome == "entitle" and approved_rows:
            document.paragraph(words("scope.entitled"), bold=True)
            document.bullets([
                " — ".join(filter(None, [", ".join(row[column.field] for column in columns[:2]),
                                         decision.scope[row["id"]].text]))
                for row in approved_rows])


def _decision(document: Document, decision: Decision,
              groups: list[tuple[str, Sequence[ItemView | LocalItemView]]],
              words: Say) -> None:
    document.heading(words("page:decision.heading"), 1)
    outcome = words(f"page:outcome.{decision.outcome}" if decision.outcome
                    else "page:decision.not_decided")
    document.paragraph([Run(words("decision.outcome") + " ", bold=True), outcome])
    document.paragraph([Run(words("decision.reasons") + " ", bold=True),
                        decision.reasons or words("decision.no_reasons")])
    if decision.needed:
        titles = {item.id: item.title for _, members in groups for item in members}
        document.paragraph(words("decision.needed"), bold=True)
        document.bullets([titles.get(item, item) for item in decision.needed])
    document.paragraph([Run(words("page:decision.start") + ": ", bold=True),
                        decision.start or words("decision.no_date")])
    document.paragraph([Run(words("page:decision.review") + ": ", bold=True),
                        decision.review or words("decision.no_date")])
    if decision.conditions:
        document.table([words("decision.condition"), words("decision.due")],
                       [[condition.text, condition.due or words("decision.no_date")]
                        for condition in decision.conditions], [5, 1.6],
                       caption=words("page:decision.conditions"))
    else:
        document.paragraph([Run(words("page:decision.conditions") + ": ", bold=True),
                            words("decision.no_conditions")])
