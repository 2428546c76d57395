"""The result view as a Markdown checklist or a plain-text checklist.

The Markdown and text checklists say the same things (see `views/result_view.py`): Markdown for
pasting into an application, text for reading in a terminal, with no Markdown syntax.
Statuses are always written in words, never shown by a symbol alone. Both stand on their
own when they reach a manager or panel: the applicant's name and imaging provider where
given, a line that the statuses are self-declared, and the live result's full address when
the site's address is known. The Word pack (pack.py) uses the helpers marked public here.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from ..views.result_view import (
    EmployerView,
    ItemView,
    ResultView,
    ScopeTable,
)

__all__ = ["counts_line", "employer_counts_line", "markdown", "prepared_line", "text",
           "who_for"]

WIDTH = 78
BLANK_WIDTH = 42  # a blank scope field in the text checklist: "Body areas: ____…", this long


def markdown(view: ResultView) -> str:
    """A checklist in Markdown."""
    heading = view.headings
    lines = [f"# {view.title}", "", prepared_line(view), ""]
    lines += _markdown_handover(view)
    lines += [f"## {heading['outcome']}: {view.outcome_label}", "", view.outcome_sentence, ""]
    if view.counts:
        lines += [counts_line(view), ""]
    lines += [f"## {heading['where']}", ""]
    if view.nation:
        lines += [f"**{view.nation}**", ""]
        lines += [f"- **{label}:** {_md(text)}" for label, text in view.context] + [""]
    else:
        lines += [view.said("checklist.not_answered"), ""]
    lines += [f"## {heading['answers']}", ""]
    lines += [f"- **{_md(question)}** {_md(answer)}" for question, answer in view.answers]
    lines += [] if view.answers else [view.said("checklist.no_answers")]
    lines += ["", f"## {heading['evidence']}", ""]
    for title, items in view.groups:
        lines += [f"### {title}", ""]
        for item in items:
            lines += _markdown_item(item, view.labels["basis"], view.part("item"))
    if view.employer:
        lines += _markdown_employer(view, view.employer, heading["employer"])
    if view.notices:
        lines += [f"## {heading['notices']}", ""]
        for notice in view.notices:
            lines += [f"- {_md(notice.text)} ({notice.position})",
                      f"  - {view.said('item.sources')}: {_md_sources(notice.sources)}"]
        lines += [""]
    if view.missing:
        lines += [f"## {heading['missing']}", ""]
        lines += [f"- {_md(question.text)}" for question in view.missing] + [""]
    if view.scope:
        lines += [f"## {view.scope.heading}", "", *_markdown_scope(view.scope)]
    return "\n".join(lines).rstrip("\n") + "\n"


def text(view: ResultView) -> str:
    """A checklist as plain text."""
    heading = {key: value.upper() for key, value in view.headings.items()}
    lines = [view.title.upper(), *_wrap(prepared_line(view)), ""]
    lines += _text_handover(view)
    lines += [f"{heading['outcome']}: {view.outcome_label.upper()}",
              *_wrap(view.outcome_sentence)]
    if view.counts:
        lines += _wrap(counts_line(view))
    lines += _text_where_and_answers(view, heading)
    lines += ["", heading["evidence"]]
    for title, items in view.groups:
        lines += ["", title.upper()]
        for item in items:
            lines += ["", *_text_item(item, view.labels["basis"], view.part("item"))]
    if view.employer:
        lines += _text_employer(view, view.employer, heading["employer"])
    if view.notices:
        lines += ["", heading["notices"]]
        for notice in view.notices:
            lines += ["", *_wrap(f"{notice.text} ({notice.position})", "  ")]
            lines += [f"  {view.said('item.sources')}:", *_text_sources(notice.sources, "    ")]
    if view.missing:
        lines += ["", heading["missing"]]
        for unanswered in view.missing:
            lines += _wrap(unanswered.text, "  - ", "    ")
    if view.scope:
        lines += ["", view.scope.heading.upper(), *_text_scope(view.scope)]
    return "\n".join(lines) + "\n"


def _text_where_and_answers(view: ResultView, heading: Mapping[str, str]) -> list[str]:
    lines = ["", heading["where"]]
    if view.nation:
        lines += [view.nation]
        for label, value in view.context:
            lines += _wrap(value, f"  {label}: ", "    ")
    else:
        lines += [view.said("checklist.not_answered")]
    lines += ["", heading["answers"]]
    for question, answer in view.answers:
        lines += _wrap(question, "  ") + _wrap(answer, "    ")
    return lines + ([] if view.answers else [view.said("checklist.no_answers")])


def who_for(view: ResultView) -> list[tuple[str, str]]:
    """The applicant's name and imaging provider, as label and value, where given."""
    return [(view.said(f"handover.{key}"), value)
            for key, value in (("name", view.name), ("provider", view.provider)) if value]


def prepared_line(view: ResultView) -> str:
    if view.assessment_url:
        return view.said("checklist.prepared_at", date=view.date, url=view.assessment_url,
                         version=view.rules_version)
    return view.said("checklist.prepared", date=view.date, version=view.rules_version)


def counts_line(view: ResultView) -> str:
    counts = "; ".join(f"{label}: {count}" for label, count in view.counts)
    return f"{view.headings['counts']}: {counts}"


def employer_counts_line(view: ResultView, employer: EmployerView) -> str:
    """How many of the employer's requirements apply, and how many have each status."""
    counts = "; ".join(f"{label}: {count}" for label, count in employer.counts)
    return view.said("checklist.employer_counts", count=str(len(employer.items)),
                     counts=counts)


# Markdown -----------------------------------------------------------------------------


def _markdown_handover(view: ResultView) -> list[str]:
    """Who it is for, that the statuses are self-declared, and the way back to the result."""
    lines = [f"- **{label}:** {_md(value)}" for label, value in who_for(view)]
    lines += [""] if lines else []
    lines += [_md(view.self_declared), ""]
    if view.result_url:
        # An autolink: the address once, as it is (its fragment is URL-encoded, so it holds
        # no space, < or >).
        lines += [f"{view.said('handover.live_result')}: <{view.result_url}>", ""]
    return lines


def _markdown_item(item: ItemView, basis: str, label: Mapping[str, str]) -> list[str]:
    box = "[x]" if item.status == "held" else "[ ]"
    lines = [f"- {box} **{_md(item.title)}**: {item.status_label}",
             f"  - {label['why']}: {_md(' '.join(item.why))}",
             f"  - {basis}: {item.basis_label} ({item.basis_description})",
             f"  - {label['what_counts']}: {_md(item.what_counts)}"]
    if item.next_text:
        lines.append(f"  - {item.next_label}: {_md(item.next_text)}")
    lines += [f"  - {label['sources']}: {_md_sources(item.sources)}",
              f"  - {label['guidance']}: [{_md(item.title)}]({item.guidance})", ""]
    return lines


def _markdown_employer(view: ResultView, employer: EmployerView, heading: str) -> list[str]:
    labels, label = view.labels, view.part("item")
    lines = [f"## {heading}: {_md(employer.name)}", "", _md(employer.note), ""]
    if employer.counts:
        lines += [employer_counts_line(view, employer), ""]
    apply = f" ([{_md(employer.apply_url)}]({employer.apply_url}))" if employer.apply_url else ""
    lines += [f"- **{labels['how_to_apply']}:** {_md(employer.apply_text)}{apply}",
              f"- {label['sources']}: {_md_sources(employer.sources)}", ""]
    for item in employer.items:
        box = "[x]" if item.status == "held" else "[ ]"
        lines += [f"- {box} **{_md(item.title)}**: {item.status_label}",
                  f"  - {labels['asks']}: {_md(item.asks)}",
                  f"  - {label['why']}: {_md(' '.join(item.why))}"]
        if item.refines:
            lines.append(f"  - {labels['refines']}: {_md(item.refines)}")
        if item.next_text:
            lines.append(f"  - {item.next_label}: {_md(item.next_text)}")
        lines += [f"  - {label['sources']}: {_md_sources(item.sources)}", ""]
    return lines


def _md_sources(sources: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"[{_md(title)}]({url})" for title, url in sources)


def _markdown_scope(scope: ScopeTable) -> list[str]:
    if not scope.rows:
        return [scope.note or ""]
    headings = [column.heading for column in scope.columns]
    lines = [scope.intro, "", "| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    for row in scope.rows:
        lines.append("| " + " | ".join(_cell(row[column.field]) for column in scope.columns) + " |")
    return lines


def _md(text: str) -> str:
    """Text from the rules or answers, with the characters Markdown would act on escaped."""
    for character in ("\\", "*", "_", "[", "]", "<", ">", "`"):
        text = text.replace(character, "\\" + character)
    return text


def _cell(text: str) -> str:
    return _md(text).replace("|", "\\|") if text else " "


# Plain text ---------------------------------------------------------------------------


def _text_handover(view: ResultView) -> list[str]:
    lines = []
    for label, value in who_for(view):
        lines += _wrap(value, f"{label}: ", "  ")
    lines += [*_wrap(view.self_declared), ""]
    if view.result_url:
        lines += [f"{view.said('handover.live_result')}:", f"  {view.result_url}", ""]
    return lines


def _text_item(item: ItemView, basis: str, label: Mapping[str, str]) -> list[str]:
    lines = [*_wrap(item.title), f"  {label['status']}: {item.status_label}"]
    lines += _wrap(" ".join(item.why), f"  {label['why']}: ", "    ")
    lines += _wrap(f"{item.basis_label} ({item.basis_description})", f"  {basis}: ", "    ")
    lines += _wrap(item.what_counts, f"  {label['what_counts']}: ", "    ")
    if item.next_text:
        lines += _wrap(item.next_text, f"  {item.next_label}: ", "    ")
    lines += [f"  {label['sources']}:", *_text_sources(item.sources, "    ")]
    lines += [f"  {label['guidance']}: {item.guidance}"]
    return lines


def _text_employer(view: ResultView, employer: EmployerView, heading: str) -> list[str]:
    labels, label = view.labels, view.part("item")
    lines = ["", heading.upper(), *_wrap(employer.name), *_wrap(employer.note)]
    if employer.counts:
        lines += _wrap(employer_counts_line(view, employer))
    lines += _wrap(employer.apply_text, f"  {labels['how_to_apply']}: ", "    ")
    if employer.apply_url:
        lines += [f"    {employer.apply_url}"]
    lines += [f"  {label['sources']}:", *_text_sources(employer.sources, "    ")]
    for item in employer.items:
        lines += ["", *_wrap(item.title), f"  {label['status']}: {item.status_label}"]
        lines += _wrap(item.asks, f"  {labels['asks']}: ", "    ")
        lines += _wrap(" ".join(item.why), f"  {label['why']}: ", "    ")
        if item.refines:
            lines += _wrap(item.refines, f"  {labels['refines']}: ", "    ")
        if item.next_text:
            lines += _wrap(item.next_text, f"  {item.next_label}: ", "    ")
        lines += [f"  {label['sources']}:", *_text_sources(item.sources, "    ")]
    return lines


def _text_sources(sources: tuple[tuple[str, str], ...], indent: str) -> list[str]:
    lines = []
    for title, url in sources:
        lines += [*_wrap(title, f"{indent}- ", f"{indent}  "), f"{indent}  {url}"]
    return lines


def _text_scope(scope: ScopeTable) -> list[str]:
    if not scope.rows:
        return _wrap(scope.note or "")
    lines = _wrap(scope.intro)
    for number, row in enumerate(scope.rows, start=1):
        named = ", ".join(row[column.field] for column in scope.columns
                          if column.kind == "row" and row[column.field])
        lines += ["", f"  {number}. {named}"]
        for column in scope.columns:
            if column.kind == "blank" and row[column.field]:
                lines += _wrap(row[column.field], f"     {column.heading}: ", "       ")
            elif column.kind == "blank":
                lines.append(f"     {column.heading}: "
                             + "_" * (BLANK_WIDTH - len(column.heading) - 2))
            elif column.kind == "list":
                lines += _wrap(row[column.field] or "(not answered)",
                               f"     {column.heading}: ", "       ")
    return lines


def _wrap(text: str, first: str = "", rest: str | None = None) -> list[str]:
    """`text` wrapped to the width, `first` before its first line and `rest` before the
    others: by default as many spaces as `first` is long, so a label or a bullet in `first`
    is never repeated on a continuation line."""
    return textwrap.wrap(text, WIDTH, initial_indent=first,
                         subsequent_indent=" " * len(first) if rest is None else rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]
