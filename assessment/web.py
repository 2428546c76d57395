"""The web pages' calls into Python: JSON text in, the page's data (or a document's bytes)
out, never an exception.

Each call has one name on the page, in the worker and here: `page_view` (on every answer
change), `take_away` (the Markdown and text checklists, asked for when the page is idle),
`pack` (the Word application pack), `review_view` (the reviewer's checklist) and
`decision_record` (the reviewer's Word record). Each reads its arguments forgivingly, loads
the rules and the chosen employer's profile (this face's defaults), and takes the one path
every surface takes (`views.assess.assess`), so no surface can say something different
from another or from the command line.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping

from .model.decision import Decision, read_decision
from .model.details import Details, is_app_id
from .model.rules_model import Employer, Rules
from .reading.details_reader import details_from_page
from .reading.employer_profiles import load_employers
from .reading.loader import load_rules
from .renderers.checklists import markdown, text
from .renderers.decision_calendar import calendar_ics
from .renderers.decision_record import decision_record as record_docx
from .renderers.pack import application_pack
from .renderers.page_data import page_data, review_data
from .views.assess import assess
from .views.decision_keys import decision_keys
from .views.result_view import ResultView
from .views.review_link import decode_scope, scope_note

__all__ = ["decision_calendar", "decision_record", "pack", "page_view", "review_view", "take_away",
           "usable_answers"]


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


def chosen_employer(employer_id: object, rules: Rules) -> Employer | None:
    """The profile of the employer the page names, or None: for no choice, "Not listed" or
    an id with no profile (the page drops those with a note; this is the second line)."""
    if not isinstance(employer_id, str) or not employer_id:
        return None
    return load_employers(rules=rules).get(employer_id)


def _json(text: object) -> object:
    """A call's JSON argument, or None when it is not JSON."""
    try:
        return json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _view(answers_json: str, today_iso: str, site_url: str = "", *, employer: object = "",
          audience: str = "applicant", name: object = "", provider: object = "",
          details: Details | None = None) -> ResultView:
    """The result view for a call's arguments, read forgivingly: bad JSON means no answers,
    a bad date today, an unknown employer none, typed text of the wrong kind nothing."""
    raw = _json(answers_json)
    try:
        today = datetime.date.fromisoformat(today_iso)
    except ValueError:
        today = datetime.date.today()
    rules = load_rules()
    return assess(usable_answers(raw, rules), rules, today=today,
                  employer=chosen_employer(employer, rules), site_url=site_url or None,
                  audience=audience, name=_text(name), provider=_text(provider),
                  details=details)


def _text(value: object) -> str:
    """Typed text from the page, at most a line's worth; anything else is nothing."""
    return value[:200] if isinstance(value, str) else ""


def page_view(answers_json: str, today_iso: str, *, employer: str = "") -> str:
    """The page's call on every change: the page's data as JSON (its links relative to the
    site root). `employer` is a profile's id ("" for none)."""
    return json.dumps(page_data(_view(answers_json, today_iso, employer=employer)),
                      ensure_ascii=False)


def take_away(answers_json: str, today_iso: str, site_url: str = "", *, employer: str = "",
              name: str = "", provider: str = "", details: str = "") -> str:
    """The Markdown and plain-text checklists as JSON (`markdown`, `text`), exactly as the
    command line writes them for the same answers, employer, date, site address and typed
    details (`details`: JSON in the `--details` shape, read forgivingly)."""
    view = _view(answers_json, today_iso, site_url, employer=employer, name=name,
                 provider=provider, details=details_from_page(_json(details)))
    return json.dumps({"markdown": markdown(view), "text": text(view)}, ensure_ascii=False)


def pack(answers_json: str, today_iso: str, site_url: str = "", *, employer: str = "",
         name: str = "", provider: str = "", details: str = "") -> bytes:
    """The Word application pack's bytes, the very bytes the command line's `--format docx`
    writes for the same answers, employer, date, site address and typed details."""
    return application_pack(_view(answers_json, today_iso, site_url, employer=employer,
                                  name=name, provider=provider,
                                  details=details_from_page(_json(details))))


def review_view(answers_json: str, today_iso: str, *, employer: str = "", app: str = "",
                scope: str = "", too_long: bool = False) -> str:
    """The review page's call: the reviewer's checklist for the applicant's answers and
    chosen employer, as JSON (`renderers.page_data.review_data`). `app` and `scope` are the
    review link's own values as they stand in it (`scope` still encoded; `too_long` when the
    page left it out of a link over 8,000 characters): each scope row shows its typed
    detail, and `scope_notes` says what of the link was dropped."""
    rules = load_rules()
    view = _view(answers_json, today_iso, employer=employer, audience="reviewer")
    rows = [row["id"] for row in view.scope.rows] if view.scope else []
    detail, problems = decode_scope(scope if isinstance(scope, str) else "", rows)
    view = _view(answers_json, today_iso, employer=employer, audience="reviewer",
                 details=Details(app=app if is_app_id(app) else "", scope=detail))
    data = review_data(view)
    data["app"] = view.details.app
    notes = [scope_note(problem, rules) for problem in problems]
    if app and not is_app_id(app):
        notes.insert(0, rules.words.text("page", "handover.app_note"))
    if too_long:
        notes.append(rules.words.text("page", "handover.scope_note.too_long_link"))
    data["scope_notes"] = notes
    return json.dumps(data, ensure_ascii=False)


def decision_record(answers_json: str, today_iso: str, record_json: str = "{}", *,
                    employer: str = "") -> bytes:
    """The review's "Download decision record (.docx)": the reviewer's view of the
    applicant's link with the reviewer's record (`record_json` in the `--decision` shape,
    read forgivingly), as a Word document's bytes: the command line's for the same inputs."""
    view, decision = _decision(answers_json, today_iso, record_json, employer)
    return record_docx(view, decision, datetime.date.fromisoformat(view.iso_date))


def decision_calendar(answers_json: str, today_iso: str, record_json: str = "{}", *,
                      employer: str = "") -> bytes:
    """The review's calendar file (.ics) of the record's dated entries: the command line's
    `--format ics` bytes for the same inputs."""
    view, decision = _decision(answers_json, today_iso, record_json, employer)
    return calendar_ics(view, decision, datetime.date.fromisoformat(view.iso_date))


def _decision(answers_json: str, today_iso: str, record_json: str,
              employer: str) -> tuple[ResultView, Decision]:
    view = _view(answers_json, today_iso, employer=employer, audience="reviewer")
    rows, items = decision_keys(view)
    return view, read_decision(_json(record_json), rows=rows, items=items, strict=False)
