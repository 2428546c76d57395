"""The questions and evidence items as plain data for the build-time, no-JavaScript page.

Every condition is described by `condition_text.describe`, so the page shows when each
question is asked and when each item applies and counts as held in the same words as
everywhere else, generated from the rules data. Descriptions are clauses that start in
lower case and carry no final full stop ("you are registered with a UK health regulator"),
ready to follow "Asked when" or "Applies when".
"""

from __future__ import annotations

from typing import Any

from ..engine.condition_text import describe
from ..model.conditions import Always
from ..model.rules_model import Rules

__all__ = ["evidence_catalogue", "group_titles", "question_catalogue"]


def question_catalogue(rules: Rules) -> list[dict[str, Any]]:
    """Every question in order: id, text, help, multi, options [{id, label, help}] and
    asked_when_text (None when the question is always asked)."""
    return [
        {
            "id": question.id,
            "text": question.text,
            "help": question.help,
            "multi": question.multi,
            "options": [{"id": option.id, "label": option.label, "help": option.help}
                        for option in question.options],
            "asked_when_text": None if isinstance(question.asked_when, Always)
            else describe(question.asked_when, rules),
        }
        for question in rules.questions
    ]


def evidence_catalogue(rules: Rules) -> list[dict[str, Any]]:
    """Every evidence item in order, with when it applies and when it counts as held.

    Keys: id, title, group, group_title, basis, basis_label, what, what_counts,
    applies_text, held_text, partial_text (or None), check_text (what to ask the employer,
    or None), check_when_text (when the status is `check`, or None), sources [{title, url}]
    and guidance (`evidence/#<id>`).
    """
    entries = []
    for item in rules.evidence:
        entries.append({
            "id": item.id,
            "title": item.title,
            "group": item.group,
            "group_title": rules.group_title(item.group),
            "basis": item.basis,
            "basis_label": rules.basis_labels[item.basis],
            "what": item.what,
            "what_counts": item.what_counts,
            "applies_text": describe(item.applies_when, rules),
            "held_text": describe(item.held_when, rules) if item.held_when is not None
            else rules.texts["never_held"],
            "partial_text": describe(item.partial_when, rules)
            if item.partial_when is not None else None,
            "check_text": item.check,
            "check_when_text": describe(item.check_when, rules)
            if item.check_when is not None else None,
            "sources": [{"title": rules.sources[source].title, "url": rules.sources[source].url}
                        for source in item.sources],
            "guidance": f"evidence/#{item.id}",
        })
    return entries


def group_titles(rules: Rules) -> dict[str, str]:
    """The evidence groups' titles by id, in the order the checklist shows them."""
    return {group.id: group.title for group in rules.groups}
