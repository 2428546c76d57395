"""The web page's calls into Python: answers in, everything the page shows out.

The browser's worker calls `page_view_json` with the answers read from the form on every
change (the page's message and function are named `page_view` too). The page shows the
engine's result through the same checklist the command line prints (`checklist`), words and
all: each notice and each missing question carries its id beside its text, and the answers
are settled once per call. `take_away_json` gives the very Markdown and text the command line
writes (`report`), asked for only when the page is idle, so an answer change stays quick and
no surface can say something different from another.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
from collections.abc import Mapping
from typing import Any

from .answers import settled_answers
from .checklist import HANDOVER, checklist_for
from .decision_record import decision_record
from .employer_profiles import load_employers
from .engine import evaluate_settled
from .loader import Rules, load_rules
from .pack import application_pack
from .report import employer_counts_line, markdown, text
from .rules_model import Employer


def usable_answers(raw: object, rules: Rules) -> dict[str, str | list[str]]:
    """Only known questions with known options, shaped as the engine expects.

    The page already matches answers against its own form; this is the second line of
    defence, so a malformed message can never reach the engine as an error.
    """
    if not isinstance(raw, Mapping):
        return {}
    answers: dict[str, str | list[str]] = {}
    for question in rules.questions:
        value = raw.get(question.id)
        values = value if isinstance(value, list) else [value]
        known = [v for v in values if isinstance(v, str) and v in question.option_index]
        if not known:
            continue
        if question.multi:
            answers[question.id] = list(dict.fromkeys(known))
        elif not isinstance(value, list):
            answers[question.id] = known[0]
    return answers


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def plain(value: Any) -> Any:
    """A tree of dataclasses as plain dicts and lists, ready for JSON.

    The same shape as `dataclasses.asdict`, made for speed: asdict deep-copies every leaf and
    took two thirds of each answer change's time in Python.
    """
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


def announcement(checklist: Mapping[str, Any]) -> str:
    """A short spoken summary of a new result: the outcome and the counts, never the list."""
    counts = ", ".join(f"{count} {label.lower()}" for label, count in checklist["counts"])
    return f"Result updated. {checklist['outcome_sentence']} {counts}.".strip()


def chosen_employer(employer_id: object, rules: Rules) -> Employer | None:
    """The profile of the employer the page names, or None: for no choice, "Not listed" or
    an id with no profile (the page drops those with a note; this is the second line)."""
    if not isinstance(employer_id, str) or not employer_id:
        return None
    return load_employers(rules=rules).get(employer_id)


def page_view(
    raw_answers: object,
    today: datetime.date,
    rules: Rules | None = None,
    employer: str | None = None,
) -> dict[str, Any]:
    """Everything the page shows for these answers and chosen employer (its links are
    relative to the site root): the rules version, the asked questions, the checklist (with
    the employer's requirements in `employer`) and the announcement."""
    rules = rules or load_rules()
    settled = settled_answers(usable_answers(raw_answers, rules), rules)
    profile = chosen_employer(employer, rules)
    result = evaluate_settled(settled, rules, profile)
    sheet = checklist_for(result, settled, rules, today=today, employer=profile)
    checklist = plain(sheet)
    return {
        "rules_version": result["rules_version"],
        "asked": list(settled.asked),
        "checklist": checklist,
        "announcement": announcement(checklist),
        # How many of the employer's requirements apply, in the checklists' words.
        "employer_counts": employer_counts_line(sheet.employer) if sheet.employer else "",
        # The labels of what a printed result carries to stand on its own: the name and
        # imaging provider typed, and the line that its statuses are self-declared.
        "handover": HANDOVER,
    }


def _take_away_sheet(raw_answers: object, today: datetime.date, site_url: str | None, *,
                     rules: Rules | None, employer: str | None, name: str,
                     provider: str) -> Any:
    rules = rules or load_rules()
    settled = settled_answers(usable_answers(raw_answers, rules), rules)
    profile = chosen_employer(employer, rules)
    return checklist_for(evaluate_settled(settled, rules, profile), settled, rules,
                         site_url=site_url or None, today=today, employer=profile,
                         name=name, provider=provider)


def take_away(
    raw_answers: object,
    today: datetime.date,
    site_url: str | None = None,
    rules: Rules | None = None,
    *,
    employer: str | None = None,
    name: str = "",
    provider: str = "",
) -> dict[str, str]:
    """The Markdown and plain-text checklists, exactly as the command line writes them (with
    the chosen employer's requirements, and the name and imaging provider typed, if any)."""
    sheet = _take_away_sheet(raw_answers, today, site_url, rules=rules, employer=employer,
                             name=name, provider=provider)
    return {"markdown": markdown(sheet), "text": text(sheet)}


def pack(
    raw_answers: object,
    today: datetime.date,
    site_url: str | None = None,
    rules: Rules | None = None,
    *,
    employer: str | None = None,
    name: str = "",
    provider: str = "",
) -> bytes:
    """The Word application pack (assessment/pack.py), the very bytes the command line's
    `--format docx` writes for the same answers, employer, date, site address and name."""
    return application_pack(_take_away_sheet(raw_answers, today, site_url, rules=rules,
                                             employer=employer, name=name, provider=provider))


def _arguments(answers_json: str, today_iso: str) -> tuple[object, datetime.date]:
    """Decode the worker's arguments, forgivingly: bad input means no answers, or today."""
    try:
        raw = json.loads(answers_json)
    except ValueError:
        raw = {}
    try:
        today = datetime.date.fromisoformat(today_iso)
    except ValueError:
        today = datetime.date.today()
    return raw, today


def page_view_json(answers_json: str, today_iso: str, site_url: str = "",
                   employer: str = "") -> str:
    """The worker's call on every change: JSON in, JSON out, never an exception.

    `site_url` is accepted for symmetry with `take_away_json`; the page's own links are
    relative, so the view does not need it. `employer` is a profile's id ("" for none).
    """
    raw, today = _arguments(answers_json, today_iso)
    return json.dumps(page_view(raw, today, employer=employer), ensure_ascii=False)


def take_away_json(answers_json: str, today_iso: str, site_url: str = "", *,
                   employer: str = "", name: str = "", provider: str = "") -> str:
    """The worker's call for the Markdown and text checklists (the worker passes the
    employer, name and provider by keyword)."""
    raw, today = _arguments(answers_json, today_iso)
    return json.dumps(take_away(raw, today, site_url, employer=employer,
                                name=_text(name), provider=_text(provider)),
                      ensure_ascii=False)


def pack_docx(answers_json: str, today_iso: str, site_url: str = "", *, employer: str = "",
              name: str = "", provider: str = "") -> bytes:
    """The worker's call for the Word application pack: its bytes."""
    raw, today = _arguments(answers_json, today_iso)
    return pack(raw, today, site_url, employer=employer, name=_text(name),
                provider=_text(provider))


def _text(value: object) -> str:
    """Typed text from the page, at most a line's worth; anything else is nothing."""
    return value[:200] if isinstance(value, str) else ""


# ---------------------------------------------------------------- the reviewer's checklist


def review_view(
    raw_answers: object,
    employer_id: object,
    today: datetime.date,
    rules: Rules | None = None,
) -> dict[str, Any]:
    """What the person deciding an application sees for the applicant's answers (and the
    chosen employer's profile): every applicable item, national then the employer's, with
    what to ask to see, the applicant's own (self-declared) status and, where a public check
    exists, how to verify it; the draft scope of practice; and the outcome in words. The
    same engine and checklist as the applicant's page, so the two never disagree."""
    rules = rules or load_rules()
    employers = load_employers()
    employer = employers.get(employer_id) if isinstance(employer_id, str) else None
    settled = settled_answers(usable_answers(raw_answers, rules), rules)
    result = evaluate_settled(settled, rules, employer)
    sheet = checklist_for(result, settled, rules, today=today, employer=employer)
    items: list[dict[str, Any]] = []
    for group, members in sheet.groups:
        for item in members:
            evidence = rules.item(item.id)
            items.append({
                "id": item.id, "kind": "national", "group": group, "title": item.title,
                "status": item.status, "status_label": item.status_label,
                "basis_label": item.basis_label, "ask": item.what_counts,
                "verify": evidence.verify,
                # Each register named by its publisher: the titles alone ("Search the
                # register") would not say whose it is.
                "verify_sources": [[f"{rules.sources[source].publisher}: "
                                    f"{rules.sources[source].title}", rules.sources[source].url]
                                   for source in evidence.verify_sources],
                "refines": None, "guidance": item.guidance,
            })
    if sheet.employer is not None:
        for local in sheet.employer.items:
            items.append({
                "id": local.id, "kind": "local", "group": sheet.employer.name,
                "title": local.title, "status": local.status,
                "status_label": local.status_label, "basis_label": None, "ask": local.asks,
                # The reviewer's own voice for the employer's requirement, with its sources.
                "verify": local.reviewer or None,
                "verify_sources": [list(source) for source in local.sources],
                "refines": local.refines,
                "sources": [list(source) for source in local.sources], "guidance": None,
            })
    return {
        "rules_version": result["rules_version"],
        "date": sheet.date,
        "outcome": sheet.outcome,
        "outcome_label": sheet.outcome_label,
        "outcome_sentence": sheet.outcome_sentence,
        "answers": [list(row) for row in sheet.answers],
        "missing": [question.text for question in sheet.missing],
        "employer": None if sheet.employer is None else {
            "id": sheet.employer.id, "name": sheet.employer.name,
            "note": sheet.employer.note, "apply_text": sheet.employer.apply_text,
        },
        "items": items,
        "scope": plain(sheet.scope),
    }


def review_view_json(answers_json: str, employer_id: str, today_iso: str) -> str:
    """The worker's call for the review page: JSON in, JSON out, never an exception."""
    raw, today = _arguments(answers_json, today_iso)
    return json.dumps(review_view(raw, employer_id or None, today), ensure_ascii=False)


def decision_record_docx(answers_json: str, employer_id: str, today_iso: str,
                         record_json: str) -> bytes:
    """The worker's call for the review's "Download decision record (.docx)": the review
    view for the applicant's link with the reviewer's record (its ticks, notes and decision,
    read forgivingly), as a Word document's bytes."""
    raw, today = _arguments(answers_json, today_iso)
    try:
        record = json.loads(record_json)
    except ValueError:
        record = {}
    view = review_view(raw, employer_id or None, today)
    return decision_record(view, record, today)
