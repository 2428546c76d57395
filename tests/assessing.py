"""The tests' way into the package: the one path every surface takes (`views.assess.assess`),
with the package's own rules by default, as the faces load them."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from assessment.model.rules_model import Employer, Rules
from assessment.reading.loader import load_rules
from assessment.renderers.checklists import markdown, text
from assessment.renderers.result_json import result_object
from assessment.views.assess import assess
from assessment.views.result_view import ResultView

A_DAY = datetime.date(2026, 1, 1)


def view_of(answers: Mapping[str, object], rules: Rules | None = None, *,
            today: datetime.date = A_DAY, employer: Employer | None = None,
            site_url: str | None = None, name: str = "", provider: str = "",
            audience: str = "applicant") -> ResultView:
    """The result view for these answers (checked strictly, as an answers file is)."""
    return assess(answers, rules or load_rules(), today=today, employer=employer,
                  site_url=site_url, name=name, provider=provider, audience=audience)


def result_of(answers: Mapping[str, object], rules: Rules | None = None,
              employer: Employer | None = None) -> dict[str, Any]:
    """The result for these answers as the specification's JSON object."""
    return result_object(view_of(answers, rules, employer=employer).result)


def evaluate(answers: Mapping[str, object], rules: Rules | None = None,
             employer: Employer | None = None) -> dict[str, Any]:
    """The result for these answers as the specification's JSON object (the command line's
    `--format json`), by the one path."""
    return result_object(view_of(answers, rules, employer=employer).result)


def asked_questions(answers: Mapping[str, object], rules: Rules | None = None) -> list[str]:
    """The ids of the questions asked given these answers, in the order of the table."""
    return list(view_of(answers, rules).result.settled.asked)


def effective_answers(answers: Mapping[str, object],
                      rules: Rules | None = None) -> dict[str, str | tuple[str, ...]]:
    """The answers that count: asked and answered questions only, in table order."""
    return dict(view_of(answers, rules).result.settled.answers)


def markdown_of(answers: Mapping[str, object], rules: Rules | None = None,
                **options: Any) -> str:
    """The Markdown checklist the command line writes for these answers."""
    return markdown(view_of(answers, rules, **options))


def text_of(answers: Mapping[str, object], rules: Rules | None = None, **options: Any) -> str:
    """The plain-text checklist the command line writes for these answers."""
    return text(view_of(answers, rules, **options))


def scope_rows(answers: Mapping[str, object]) -> list[dict[str, str]]:
    """The draft scope table's rows the view holds for these answers (none when blocked)."""
    scope = view_of(answers).scope
    return list(scope.rows) if scope else []


def next_step(entry: Mapping[str, Any], answers: Mapping[str, object]) -> str | None:
    """What the view says to do about one evidence entry of the result for these answers."""
    items = [item for _, members in view_of(answers).groups for item in members]
    return next(item.next_text for item in items if item.id == entry["id"])
