"""The web page's single call into Python: answers in, everything the page shows out.

The browser's worker calls `page_view_json` with the answers read from the form. The page
shows the engine's result through the same checklist the command line prints (`checklist`),
and offers the very Markdown and text the command line writes (`report`), so no surface can
say something different from another.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from collections.abc import Mapping
from typing import Any

from .checklist import build_checklist
from .engine import asked_questions, evaluate
from .report import render_markdown, render_text
from .rules_data import Rules, load_rules


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


def announcement(checklist: Mapping[str, Any]) -> str:
    """A short spoken summary of a new result: the outcome and the counts, never the list."""
    counts = ", ".join(f"{count} {label.lower()}" for label, count in checklist["counts"])
    return f"Result updated. {checklist['outcome_sentence']} {counts}.".strip()


def page_view(
    raw_answers: object,
    today: datetime.date,
    site_url: str | None = None,
    rules: Rules | None = None,
) -> dict[str, Any]:
    """Everything the page shows for these answers."""
    rules = rules or load_rules()
    answers = usable_answers(raw_answers, rules)
    result = evaluate(answers, rules)
    checklist = dataclasses.asdict(build_checklist(result, answers, rules, today=today))
    site = site_url or None
    return {
        "result": result,
        "asked": asked_questions(answers, rules),
        "checklist": checklist,
        "missing_ids": result["missing"],
        "announcement": announcement(checklist),
        "markdown": render_markdown(result, answers, rules, site_url=site, today=today),
        "text": render_text(result, answers, rules, site_url=site, today=today),
    }


def page_view_json(answers_json: str, today_iso: str, site_url: str = "") -> str:
    """The worker's entry point: JSON in, JSON out, never an exception for bad input."""
    try:
        raw = json.loads(answers_json)
    except ValueError:
        raw = {}
    try:
        today = datetime.date.fromisoformat(today_iso)
    except ValueError:
        today = datetime.date.today()
    return json.dumps(page_view(raw, today, site_url), ensure_ascii=False)
