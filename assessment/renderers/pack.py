"""The Word application: the document the applicant sends to the employer that entitles
referrers, made from the one view (`ResultView`) with its typed details.

Part 1 is the application a manager or panel reads: its reference (`app`), who applies and
where to (with, at the top, whether the employer wants its own form too), the scope of
practice as a filled table (a row per kind of imaging and patient group, with the body
areas, indications and exclusions typed), the evidence index of the documents attached, a
statement of readiness and the signatures. Part 2, the appendix, gives for each item that
applies, national and the employer's, why it applies, its basis and reference numbers, and
one numbered list of references, each address once. Everything is said of "the
applicant", never "you"; what to do next belongs to her own checklists, never here; no
internal codes (rules version, ids). Words: words/pack.toml. Written by `docx.Document`
(standard library only, so the browser makes the same bytes).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model.words import Words
from ..views.result_view import EmployerView, ItemView, ResultView, ScopeTable
from .docx import Document, Inline, Link, Run

__all__ = ["application_pack", "index_rows"]


class _References:
    """The numbered reference list: each address once, numbered in the order first cited."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.titles: dict[str, str] = {}

    def cite(self, sources: Sequence[tuple[str, str]]) -> str:
        """The numbers of these sources, as "[1], [4]", adding any not yet listed."""
        numbers = []
        for title, url in sources:
            if url not in self.numbers:
                self.numbers[url] = len(self.numbers) + 1
                self.titles[url] = title
            if self.numbers[url] not in numbers:
                numbers.append(self.numbers[url])
        return ", ".join(f"[{number}]" for number in numbers)


def application_pack(view: ResultView) -> bytes:
    """The Word application as .docx bytes."""
    return _document(view).to_bytes()


def _document(view: ResultView) -> Document:
    """The application as a `docx.Document`, block by block."""
    words = view.words
    document = Document(_say(words, "title"), view.iso_date or "1980-01-01")
    references = _References()
    _top(document, view, words)
    _who(document, view, words)
    _where(document, view, words)
    _scope(document, view, words)
    _index(document, view, words)
    _readiness(document, view, words)
    _signatures(document, view, words)
    document.page_break()
    _basis(document, view, words, references)
    _reference_list(document, words, references)
    return document


def _say(words: Words, key: str, **fields: str) -> str:
    return words.text("pack", key, "reviewer", **fields)


def _labelled(label: str, *content: Inline) -> list[Inline]:
    return [Run(f"{label}: ", bold=True), *content]


def _top(document: Document, view: ResultView, words: Words) -> None:
    """The employer's own form (first, where it wants one), the title, reference and date."""
    if view.employer and view.employer.own_form:
        document.paragraph([Run(_say(words, "own_form", employer=view.employer.name),
                                bold=True)])
    document.heading(_say(words, "title"), 0)
    details = view.details
    if details.app:
        document.paragraph(_labelled(_say(words, "reference"), details.app))
    document.paragraph(_labelled(_say(words, "date"), view.date))
    document.heading(_say(words, "part1"), 1)


def _who(document: Document, view: ResultView, words: Words) -> None:
    details = view.details
    document.heading(_say(words, "who.heading"), 2)
    rows = [
        (_say(words, "who.name"), details.name),
        (_say(words, "who.profession"), view.answer_labels.get("profession", "")),
        (_say(words, "who.regulator"), details.regulator),
        (_say(words, "who.registration_number"), details.registration_number),
        (_say(words, "who.job_title"), details.job_title),
        (_say(words, "who.workplace"), details.workplace),
        (_say(words, "who.supervisor"), details.supervisor),
        (_say(words, "who.contact"), details.contact),
    ]
    document.table(["", ""], rows, (2, 5), caption=_say(words, "who.heading"), header=False)


def _where(document: Document, view: ResultView, words: Words) -> None:
    """The imaging service and its employer, the nation's law, and the review link."""
    document.heading(_say(words, "where.heading"), 2)
    employer = view.employer.name if view.employer else _say(words, "where.employer_none")
    rows = [(_say(words, "where.provider"), view.details.provider),
            (_say(words, "where.employer"), employer)]
    if view.nation:
        rows.append((_say(words, "where.nation"), view.nation))
        rows += [(label, text[:1].upper() + text[1:]) for label, text in view.context]
    document.table(["", ""], rows, (2, 5), caption=_say(words, "where.heading"),
                   header=False)
    if view.review_url:
        said = _say(words, "where.review_left_out" if view.scope_left_out
                    else "where.review_text")
        document.paragraph([Run(f"{_say(words, 'where.review')}: ", bold=True), f"{said} ",
                            Link(view.review_url, view.review_url)], compact=True)


def _scope(document: Document, view: ResultView, words: Words) -> None:
    document.heading(_say(words, "scope.heading"), 2)
    scope: ScopeTable | None = view.scope
    if scope is None:
        document.paragraph(_say(words, "scope.blocked"))
        return
    if not scope.rows:
        document.paragraph(_say(words, "scope.none"))
        return
    document.paragraph(_say(words, "scope.intro"), keep_next=True)
    widths = [3 if column.kind == "blank" else 2 for column in scope.columns]
    document.table([column.heading for column in scope.columns],
                   [[row[column.field] for column in scope.columns] for row in scope.rows],
                   widths, caption=_say(words, "scope.heading"), compact=True)


def _documents(view: ResultView) -> list[ItemView]:
    """The applicable items that are documents to attach, in the evidence table's order."""
    return [item for _, items in view.groups for item in items if item.document]


def index_rows(view: ResultView) -> list[tuple[str, str, str, str]]:
    """The evidence index: appendix number, document, what it shows, attached yes or no
    (yes where the applicant holds it)."""
    words = view.words
    return [(_say(words, "index.appendix", number=str(number)), item.document or "",
             item.shows or "", _say(words, "index.yes" if item.status == "held" else "index.no"))
            for number, item in enumerate(_documents(view), start=1)]


def _index(document: Document, view: ResultView, words: Words) -> None:
    document.heading(_say(words, "index.heading"), 2)
    rows = index_rows(view)
    if not rows:
        document.paragraph(_say(words, "index.none"))
        return
    document.paragraph(_say(words, "index.intro"), keep_next=True)
    document.table(_say(words, "index.headers").split("|"), rows, (2, 6, 8, 2),
                   caption=_say(words, "index.heading"), compact=True)


def _titles(items: Sequence[ItemView], statuses: tuple[str, ...]) -> str:
    return "; ".join(item.title for item in items if item.status in statuses)


def _readiness(document: Document, view: ResultView, words: Words) -> None:
    document.heading(_say(words, "readiness.heading"), 2)
    items = [item for _, members in view.groups for item in members]
    who = view.details.name or _say(words, "readiness.the_applicant")
    held = sum(item.status == "held" for item in items)
    sentences = [_say(words, "readiness.counts", who=who, held=str(held),
                      total=str(len(items)))]
    for key, statuses in (("gathering", ("gap", "partial")), ("checking", ("check",)),
                          ("unanswered", ("unknown",))):
        titles = _titles(items, statuses)
        if titles:
            sentences.append(_say(words, f"readiness.{key}", items=titles))
    if view.employer and view.employer.items:
        local = view.employer.items
        sentences.append(_say(words, "readiness.employer", employer=view.employer.name,
                              held=str(sum(item.status == "held" for item in local)),
                              total=str(len(local))))
    document.paragraph(" ".join(sentences))
    document.paragraph([Run(_say(words, "readiness.self_declared"), italic=True)])


def _signatures(document: Document, view: ResultView, words: Words) -> None:
    document.heading(_say(words, "signatures.heading"), 2)
    for who, statement, name in (("applicant", "applicant_statement", "name"),
                                 ("supervisor", "supervisor_statement", "name_role")):
        document.heading(_say(words, f"signatures.{who}"), 3)
        document.paragraph(_say(words, f"signatures.{statement}"))
        typed = view.details.name if who == "applicant" else view.details.supervisor
        label = _say(words, f"signatures.{name}")
        document.signature_row([_say(words, "signatures.signature"),
                                f"{label}: {typed}" if typed else label,
                                _say(words, "signatures.date")])


def _item_lines(document: Document, words: Words, title: str, why: str,
                facts: list[tuple[str, str]]) -> None:
    document.heading(title, 3)
    if why:
        document.paragraph(why)
    content: list[Inline] = []
    for label, text in facts:
        if text:
            content += [*(["  ·  "] if content else []), *_labelled(label, text)]
    document.paragraph(content)


def _basis(document: Document, view: ResultView, words: Words,
           references: _References) -> None:
    document.heading(_say(words, "part2"), 1)
    document.paragraph(_say(words, "basis.intro"))
    document.heading(_say(words, "basis.national"), 2)
    appendix = {item.id: number for number, item in enumerate(_documents(view), start=1)}
    for _, items in view.groups:
        for item in items:
            document_label = (_say(words, "basis.appendix", number=str(appendix[item.id]))
                              if item.id in appendix else "")
            _item_lines(document, words, item.title, " ".join(item.third_person), [
                (_say(words, "basis.basis"), item.basis_label),
                (_say(words, "basis.status"), _say(words, f"status.{item.status}")),
                (_say(words, "basis.document"), document_label),
                (_say(words, "basis.references"), references.cite(item.sources)),
            ])
    if view.employer:
        _employer_basis(document, view.employer, words, references)


def _employer_basis(document: Document, employer: EmployerView, words: Words,
                    references: _References) -> None:
    document.heading(_say(words, "basis.employer", employer=employer.name), 2)
    # Where the profile comes from (a partner's description, say), not only whose it is.
    document.paragraph(_say(words, "basis.employer_intro", provenance=employer.provenance,
                            date=employer.checked))
    for item in employer.items:
        _item_lines(document, words, item.title, item.pack, [
            (_say(words, "basis.basis"), _say(words, "basis.employer_basis")),
            (_say(words, "basis.status"), _say(words, f"status.{item.status}")),
            (_say(words, "basis.references"), references.cite(item.sources)),
        ])


def _reference_list(document: Document, words: Words, references: _References) -> None:
    document.heading(_say(words, "basis.reference_list"), 2)
    for url, number in references.numbers.items():
        title = references.titles[url]
        link: Inline = Link(url, url) if url.startswith(("https://", "http://")) else url
        document.paragraph([f"[{number}] {title}. ", link], compact=True)
