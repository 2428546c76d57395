"""The application pack: the checklist as a Word document to take to the employer.

Built only from a `ResultView` (views/result_view.py), the same one the Markdown and text print, so
every status, reason, next step and source reads as it does there. It adds what a document
handed to a manager or panel needs: the applicant's name and imaging provider where given,
a plain line that the statuses are self-declared, the address of the live result, the draft
scope of practice as a Word table with its columns to fill, an evidence index the applicant
completes ("Appendix 1: certificate of …") and signature blocks for the applicant and the
supervisor. Headings are Word headings (Title, Heading 1 to 3), tables have header rows,
and every link shows its full address. Written by `docx.Document` (standard library only, so
the browser makes it too): the same checklist gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..views.result_view import (
    HANDOVER,
    ITEM_LABELS,
    EmployerView,
    ItemView,
    ResultView,
    ScopeTable,
)
from .checklists import counts_line, employer_counts_line, prepared_line, who_for
from .docx import Document, Inline, Link, Run

__all__ = ["PACK_WORDS", "application_pack", "index_rows"]

PACK_WORDS = {
    "title": "Imaging referrer entitlement: application pack",
    "date": "Date",
    "employer": "Employer’s requirements included",
    "index": "Evidence index",
    "index_intro": "Number each document you attach as an appendix and write it in this "
                   "table, for example “Appendix 1: certificate of IR(ME)R training”. There "
                   "is one row for each item of evidence in this pack; where you have nothing "
                   "to attach for an item, say why in its row.",
    "index_headers": "Appendix|Evidence item|Document attached (“certificate of …”)|"
                     "Date of the document",
    "appendix": "Appendix {number}",
    "signatures": "Signatures",
    "applicant": "Applicant",
    "applicant_statement": "I confirm that the answers in this pack are my own, that they are "
                           "accurate to the best of my knowledge, and that the documents in "
                           "the evidence index are attached.",
    "supervisor": "Clinical supervisor or sponsor",
    "supervisor_statement": "I have read this pack and I support this application for "
                            "entitlement within the draft scope of practice it contains.",
    "signature": "Signature",
    "name": "Name",
    "name_role": "Name and role",
    "signed_date": "Date",
}


def application_pack(view: ResultView) -> bytes:
    """The pack as .docx bytes, with the name and imaging provider the view carries (empty
    unless the person typed them)."""
    return _document(view).to_bytes()


def _document(view: ResultView) -> Document:
    """The pack as a `docx.Document`, block by block."""
    document = Document(PACK_WORDS["title"], view.iso_date or "1980-01-01")
    _front(document, view)
    _evidence(document, view)
    if view.employer:
        _employer(document, view.employer, view)
    heading = view.headings
    if view.notices:
        document.heading(heading["notices"], 1)
        for notice in view.notices:
            document.paragraph(f"{notice.text} ({notice.position})")
            document.paragraph(_sources(notice.sources))
    if view.missing:
        document.heading(heading["missing"], 1)
        document.bullets([question.text for question in view.missing])
    document.page_break()
    if view.scope:
        _scope(document, view.scope)
    _index(document, view)
    _signatures(document, view)
    return document


def _labelled(label: str, *content: Inline) -> list[Inline]:
    return [Run(f"{label}: ", bold=True), *content]


def _front(document: Document, view: ResultView) -> None:
    """Title, date, who and for whom, the self-declared line, the way back, the outcome,
    where and the answers."""
    document.heading(PACK_WORDS["title"], 0)
    document.paragraph(_labelled(PACK_WORDS["date"], view.date))
    for label, value in who_for(view):
        document.paragraph(_labelled(label, value))
    if view.employer:
        document.paragraph(_labelled(PACK_WORDS["employer"], view.employer.name))
    document.paragraph([Run(view.self_declared, bold=True)])
    if view.result_url:
        document.paragraph(_labelled(HANDOVER["live_result"],
                                     Link(view.result_url, view.result_url)))
    document.paragraph(prepared_line(view))
    heading = view.headings
    document.heading(f"{heading['outcome']}: {view.outcome_label}", 1)
    document.paragraph(view.outcome_sentence)
    if view.counts:
        document.paragraph(counts_line(view))
    document.heading(heading["where"], 1)
    if view.nation:
        document.paragraph(view.nation, bold=True)
        document.bullets([_labelled(label, text) for label, text in view.context])
    else:
        document.paragraph("Not answered yet.")
    document.heading(heading["answers"], 1)
    if view.answers:
        document.bullets([[Run(question, bold=True), f" {answer}"]
                          for question, answer in view.answers])
    else:
        document.paragraph("No answers yet.")


def _evidence(document: Document, view: ResultView) -> None:
    document.heading(view.headings["evidence"], 1)
    for title, items in view.groups:
        document.heading(title, 2)
        for item in items:
            _item(document, item, view.labels["basis"])


def _item(document: Document, item: ItemView, basis: str) -> None:
    label = ITEM_LABELS
    document.heading(item.title, 3)
    document.paragraph(_labelled(label["status"], item.status_label))
    document.paragraph(_labelled(label["why"], " ".join(item.why)))
    document.paragraph(_labelled(basis, f"{item.basis_label} ({item.basis_description})"))
    document.paragraph(_labelled(label["what_counts"], item.what_counts))
    if item.next_text and item.next_label:
        document.paragraph(_labelled(item.next_label, item.next_text))
    document.paragraph(_sources(item.sources))
    guidance: Inline = (Link(item.guidance_text, item.guidance, show_url=True)
                        if _absolute(item.guidance) else item.guidance)
    document.paragraph(_labelled(label["guidance"], guidance))


def _employer(document: Document, employer: EmployerView, view: ResultView) -> None:
    labels = view.labels
    document.heading(f"{view.headings['employer']}: {employer.name}", 1)
    document.paragraph(employer.note)
    if employer.counts:
        document.paragraph(employer_counts_line(employer))
    apply: list[Inline] = [employer.apply_text]
    if employer.apply_url:
        apply += [" ", Link(employer.apply_url, employer.apply_url)]
    document.paragraph(_labelled(labels["how_to_apply"], *apply))
    document.paragraph(_sources(employer.sources))
    for item in employer.items:
        document.heading(item.title, 2)
        document.paragraph(_labelled(ITEM_LABELS["status"], item.status_label))
        document.paragraph(_labelled(labels["asks"], item.asks))
        # The application pack speaks of the applicant in the third person.
        document.paragraph(_labelled(ITEM_LABELS["why"], item.pack or " ".join(item.why)))
        if item.refines:
            document.paragraph(_labelled(labels["refines"], item.refines))
        if item.next_text and item.next_label:
            document.paragraph(_labelled(item.next_label, item.next_text))
        document.paragraph(_sources(item.sources))


def _sources(sources: Sequence[tuple[str, str]]) -> list[Inline]:
    """"Sources: " and each source's title with its full address, separated by "; "."""
    content: list[Inline] = [Run(f"{ITEM_LABELS['sources']}: ", bold=True)]
    for number, (title, url) in enumerate(sources):
        if number:
            content.append("; ")
        content.append(Link(title, url, show_url=True) if _absolute(url) else f"{title} ({url})")
    return content


def _scope(document: Document, scope: ScopeTable) -> None:
    document.heading(scope.heading, 1)
    if not scope.rows:
        document.paragraph(scope.note or "")
        return
    document.paragraph(scope.intro)
    widths = [3 if column.kind == "blank" else 2 for column in scope.columns]
    document.table([column.heading for column in scope.columns],
                   [[row[column.field] for column in scope.columns] for row in scope.rows],
                   widths, caption=scope.heading)


def index_rows(view: ResultView) -> list[tuple[str, str]]:
    """The evidence index's rows: an appendix number and the item, for every applicable
    national item, then each of the employer's requirements that sharpens none of them."""
    titles = [item.title for _, items in view.groups for item in items]
    if view.employer:
        titles += [item.title for item in view.employer.items if not item.refines]
    return [(PACK_WORDS["appendix"].replace("{number}", str(number)), title)
            for number, title in enumerate(titles, start=1)]


def _index(document: Document, view: ResultView) -> None:
    document.heading(PACK_WORDS["index"], 1)
    document.paragraph(PACK_WORDS["index_intro"])
    document.table(PACK_WORDS["index_headers"].split("|"),
                   [[appendix, title, "", ""] for appendix, title in index_rows(view)],
                   (2, 4, 5, 2), caption=PACK_WORDS["index"])


def _signatures(document: Document, view: ResultView) -> None:
    words = PACK_WORDS
    document.page_break()  # a page of its own, so no signature block is split from the rest
    document.heading(words["signatures"], 1)
    document.heading(words["applicant"], 2)
    document.paragraph(words["applicant_statement"])
    document.signature(words["signature"])
    document.signature(f"{words['name']}: {view.name}" if view.name else words["name"])
    document.signature(words["signed_date"])
    document.heading(words["supervisor"], 2)
    document.paragraph(words["supervisor_statement"])
    document.signature(words["signature"])
    document.signature(words["name_role"])
    document.signature(words["signed_date"])


def _absolute(url: str) -> bool:
    return url.startswith(("https://", "http://"))
