"""The result as a JSON document, a Markdown checklist or a plain-text checklist.

The Markdown and text checklists say the same things (see `checklist.py`): Markdown for
pasting into an application, text for reading in a terminal, with no Markdown syntax.
Statuses are always written in words, never shown by a symbol alone.
"""

from __future__ import annotations

import datetime
import json
import sys
import textwrap
from collections.abc import Mapping
from typing import Any

from .checklist import Checklist, ItemView, build_checklist, next_step, outcome_sentence, scope_rows
from .loader import Rules

__all__ = ["next_step", "outcome_sentence", "render_json", "render_markdown", "render_text",
           "scope_rows"]

WIDTH = 78
C_ENCODER_INDENTS = sys.version_info >= (3, 14)
SCOPE_HEADINGS = ("Kind of imaging", "Patient group", "Settings", "Body areas",
                  "Clinical indications")
SCOPE_INTRO = ("Built from your answers: fill in the body areas and clinical indications for "
               "each row, then agree the scope with your supervisor or clinical lead.")


def render_json(result: Mapping[str, Any]) -> str:
    """The result as the specification's JSON object, ending in a newline: exactly
    ``json.dumps(result, indent=2, ensure_ascii=False)``.

    Before Python 3.14 the standard library indents in pure Python, which took most of an
    evaluation's time, so there `_dumps` writes the same text; from 3.14 (Pyodide's) the C
    encoder indents and is faster still. The tests hold the two to the same bytes.
    """
    if C_ENCODER_INDENTS:
        return json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    return _dumps(result, "\n") + "\n"


def _dumps(value: object, newline: str) -> str:
    """JSON for the result's shapes (objects, lists, strings, numbers, booleans, null)."""
    kind = type(value)
    if kind is str:
        return _string(value)
    inner = newline + "  "
    if kind is dict:
        if not value:
            return "{}"
        members = [f"{_string(key)}: {_string(item) if type(item) is str else _dumps(item, inner)}"
                   for key, item in value.items()]  # type: ignore[attr-defined]
        return "{" + inner + ("," + inner).join(members) + newline + "}"
    if kind is list:
        if not value:
            return "[]"
        items = [_string(item) if type(item) is str else _dumps(item, inner)
                 for item in value]  # type: ignore[attr-defined]
        return "[" + inner + ("," + inner).join(items) + newline + "]"
    return json.dumps(value)


_string = json.encoder.encode_basestring  # what json.dumps uses with ensure_ascii=False


def render_markdown(result: Mapping[str, Any], answers: Mapping[str, object],
                    rules: Rules | None = None, *, site_url: str | None = None,
                    today: datetime.date) -> str:
    """The checklist in Markdown, ready to paste into an application."""
    sheet = build_checklist(result, answers, rules, site_url=site_url, today=today)
    lines = [f"# {sheet.title}", "", _prepared(sheet), ""]
    lines += [f"## Outcome: {sheet.outcome_label}", "", sheet.outcome_sentence, ""]
    if sheet.counts:
        lines += [_counts(sheet), ""]
    lines += ["## Where you will refer", ""]
    if sheet.nation:
        lines += [f"**{sheet.nation}**", ""]
        lines += [f"- **{label}:** {_md(text)}" for label, text in sheet.context] + [""]
    else:
        lines += ["Not answered yet.", ""]
    lines += ["## Your answers", ""]
    lines += [f"- **{_md(question)}** {_md(answer)}" for question, answer in sheet.answers]
    lines += [] if sheet.answers else ["No answers yet."]
    lines += ["", "## Evidence for your application", ""]
    for title, items in sheet.groups:
        lines += [f"### {title}", ""]
        for item in items:
            lines += _markdown_item(item)
    if sheet.notices:
        lines += ["## Notices", ""]
        for notice in sheet.notices:
            lines += [f"- {_md(notice.text)} (Position as of {notice.as_of}.)",
                      f"  - Sources: {_md_sources(notice.sources)}"]
        lines += [""]
    if sheet.missing:
        lines += ["## Questions still to answer", ""]
        lines += [f"- {_md(question)}" for question in sheet.missing] + [""]
    if sheet.outcome != "blocked":
        lines += ["## Draft scope of practice", "", *_markdown_scope(sheet)]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_text(result: Mapping[str, Any], answers: Mapping[str, object],
                rules: Rules | None = None, *, site_url: str | None = None,
                today: datetime.date) -> str:
    """The checklist as plain text, wrapped for a terminal."""
    sheet = build_checklist(result, answers, rules, site_url=site_url, today=today)
    lines = [sheet.title.upper(), *_wrap(_prepared(sheet)), ""]
    lines += [f"OUTCOME: {sheet.outcome_label.upper()}", *_wrap(sheet.outcome_sentence)]
    if sheet.counts:
        lines += _wrap(_counts(sheet))
    lines += ["", "WHERE YOU WILL REFER"]
    if sheet.nation:
        lines += [sheet.nation]
        for label, text in sheet.context:
            lines += _wrap(text, f"  {label}: ")
    else:
        lines += ["Not answered yet."]
    lines += ["", "YOUR ANSWERS"]
    for question, answer in sheet.answers:
        lines += _wrap(question, "  ") + _wrap(answer, "    ")
    lines += [] if sheet.answers else ["No answers yet."]
    lines += ["", "EVIDENCE FOR YOUR APPLICATION"]
    for title, items in sheet.groups:
        lines += ["", title.upper()]
        for item in items:
            lines += ["", *_text_item(item)]
    if sheet.notices:
        lines += ["", "NOTICES"]
        for notice in sheet.notices:
            lines += ["", *_wrap(f"{notice.text} (Position as of {notice.as_of}.)", "  ")]
            lines += ["  Sources:", *_text_sources(notice.sources, "    ")]
    if sheet.missing:
        lines += ["", "QUESTIONS STILL TO ANSWER"]
        for question in sheet.missing:
            lines += _wrap(question, "  - ", "    ")
    if sheet.outcome != "blocked":
        lines += ["", "DRAFT SCOPE OF PRACTICE", *_text_scope(sheet)]
    return "\n".join(lines) + "\n"


def _prepared(sheet: Checklist) -> str:
    where = f" at {sheet.assessment_url}" if sheet.assessment_url else ""
    return (f"Prepared on {sheet.date} with the self-assessment{where} "
            f"(rules version {sheet.rules_version}).")


def _counts(sheet: Checklist) -> str:
    return "Evidence items: " + "; ".join(f"{label}: {count}" for label, count in sheet.counts)


# Markdown -----------------------------------------------------------------------------


def _markdown_item(item: ItemView) -> list[str]:
    box = "[x]" if item.status == "held" else "[ ]"
    lines = [f"- {box} **{_md(item.title)}**: {item.status_label}",
             f"  - Why: {_md(' '.join(item.why))}",
             f"  - Basis: {item.basis_label} ({item.basis_description})",
             f"  - What counts: {_md(item.what_counts)}"]
    if item.next_text:
        lines.append(f"  - {item.next_label}: {_md(item.next_text)}")
    lines += [f"  - Sources: {_md_sources(item.sources)}",
              f"  - Guidance: [{_md(item.title)}]({item.guidance})", ""]
    return lines


def _md_sources(sources: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"[{_md(title)}]({url})" for title, url in sources)


def _markdown_scope(sheet: Checklist) -> list[str]:
    if not sheet.scope:
        return [sheet.scope_note or ""]
    lines = [SCOPE_INTRO, "", "| " + " | ".join(SCOPE_HEADINGS) + " |",
             "|" + "---|" * len(SCOPE_HEADINGS)]
    for row in sheet.scope:
        cells = (row["modality_label"], row["patients_label"], row["settings"],
                 row["body_areas"], row["clinical_indications"])
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return lines


def _md(text: str) -> str:
    """Text from the rules or answers, with the characters Markdown would act on escaped."""
    for character in ("\\", "*", "_", "[", "]", "<", ">", "`"):
        text = text.replace(character, "\\" + character)
    return text


def _cell(text: str) -> str:
    return _md(text).replace("|", "\\|") if text else " "


# Plain text ---------------------------------------------------------------------------


def _text_item(item: ItemView) -> list[str]:
    lines = [*_wrap(item.title), f"  Status: {item.status_label}"]
    lines += _wrap(" ".join(item.why), "  Why: ", "    ")
    lines += _wrap(f"{item.basis_label} ({item.basis_description})", "  Basis: ", "    ")
    lines += _wrap(item.what_counts, "  What counts: ", "    ")
    if item.next_text:
        lines += _wrap(item.next_text, f"  {item.next_label}: ", "    ")
    lines += ["  Sources:", *_text_sources(item.sources, "    ")]
    lines += [f"  Guidance: {item.guidance}"]
    return lines


def _text_sources(sources: tuple[tuple[str, str], ...], indent: str) -> list[str]:
    lines = []
    for title, url in sources:
        lines += [*_wrap(title, f"{indent}- ", f"{indent}  "), f"{indent}  {url}"]
    return lines


def _text_scope(sheet: Checklist) -> list[str]:
    if not sheet.scope:
        return _wrap(sheet.scope_note or "")
    lines = _wrap(SCOPE_INTRO)
    for number, row in enumerate(sheet.scope, start=1):
        heading = ", ".join(part for part in (row["modality_label"], row["patients_label"]) if part)
        lines += ["", f"  {number}. {heading}",
                  *_wrap(row["settings"] or "(not answered)", "     Settings: ", "       "),
                  "     Body areas: ______________________________",
                  "     Clinical indications: ____________________"]
    return lines


def _wrap(text: str, first: str = "", rest: str | None = None) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first,
                         subsequent_indent=first if rest is None else rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]
