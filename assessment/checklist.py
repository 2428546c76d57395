"""The take-away checklist as plain data, shared by the Markdown and text reports.

It gathers, for one result, everything a practitioner pastes into an application: the
outcome, the nation's context, the answers given, the evidence by group with what to do
next, the notices, what is still unanswered and a draft scope of practice built from the
answers. `outcome_sentence`, `scope_rows` and `next_step` are public so the web page can
reuse them.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .answers import check_answers, settle
from .loader import Rules, load_rules
from .phrases import join, long_date, quote

__all__ = ["Checklist", "ItemView", "build_checklist", "next_step", "outcome_sentence",
           "scope_rows"]

TITLE = "Imaging referrer entitlement: self-assessment checklist"
CONTEXT_LABELS = {"regulation": "Regulations", "inspectorate": "Inspection and enforcement",
                  "framework": "Practice framework"}


@dataclass(frozen=True)
class ItemView:
    """One evidence item as the checklist shows it."""

    id: str
    title: str
    status: str
    status_label: str
    why: tuple[str, ...]
    basis_label: str
    basis_description: str
    what_counts: str
    next_label: str | None
    next_text: str | None
    sources: tuple[tuple[str, str], ...]
    guidance: str


@dataclass(frozen=True)
class NoticeView:
    """One notice: its text, the date of its position and its sources."""

    text: str
    as_of: str
    sources: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Checklist:
    """Everything the reports print, in the order they print it."""

    title: str
    date: str
    rules_version: str
    assessment_url: str | None
    outcome: str
    outcome_label: str
    outcome_sentence: str
    counts: tuple[tuple[str, int], ...]
    nation: str | None
    context: tuple[tuple[str, str], ...]
    answers: tuple[tuple[str, str], ...]
    groups: tuple[tuple[str, tuple[ItemView, ...]], ...]
    notices: tuple[NoticeView, ...]
    missing: tuple[str, ...]
    scope: tuple[dict[str, str], ...]
    scope_note: str | None


def outcome_sentence(result: Mapping[str, Any], rules: Rules | None = None) -> str:
    """The outcome of a result in one plain sentence."""
    rules = rules or load_rules()
    return rules.outcome_sentences[result["outcome"]]


def scope_rows(answers: Mapping[str, object], rules: Rules | None = None) -> list[dict[str, str]]:
    """The draft scope of practice: one row per chosen kind of imaging and patient group.

    Each row: modality and patients (option ids), modality_label, patients_label (empty
    while `patients` is unanswered), settings (the chosen settings' labels, comma
    separated), and empty body_areas and clinical_indications for the practitioner to fill.
    """
    rules = rules or load_rules()
    settled, _ = settle(check_answers(answers, rules), rules)
    modalities = settled.get("modalities", ())
    patients = settled.get("patients", ()) or ("",)
    settings = ", ".join(rules.question("settings").option(option).label
                         for option in settled.get("settings", ()))
    return [
        {
            "modality": modality,
            "modality_label": rules.question("modalities").option(modality).label,
            "patients": group,
            "patients_label": rules.question("patients").option(group).label if group else "",
            "settings": settings,
            "body_areas": "",
            "clinical_indications": "",
        }
        for modality in modalities for group in patients
    ]


def next_step(entry: Mapping[str, Any], answers: Mapping[str, object],
              rules: Rules | None = None) -> str | None:
    """What to do about an evidence entry of a result: the next step when it is a gap,
    partial or unknown, what to ask the employer when it is `check`, None when held."""
    rules = rules or load_rules()
    item = rules.item(entry["id"])
    status = entry["status"]
    if status == "gap":
        return item.next_step
    if status == "partial":
        return item.next_step_partial or item.next_step
    if status == "check":
        return item.check
    if status == "unknown":
        settled, asked = settle(check_answers(answers, rules), rules)
        open_questions = [question for question in asked
                          if question in item.status_reads and question not in settled]
        texts = [quote(rules.question(question).text) for question in open_questions]
        return rules.texts["unknown_step"].replace("{questions}", join(texts))
    return None


def build_checklist(result: Mapping[str, Any], answers: Mapping[str, object],
                    rules: Rules | None = None, *, site_url: str | None = None,
                    today: datetime.date) -> Checklist:
    """The checklist for a result and the answers that produced it."""
    rules = rules or load_rules()
    settled, _ = settle(check_answers(answers, rules), rules)
    nation = settled.get("nation")
    context = result["context"] or {}
    blocked = result["outcome"] == "blocked"
    rows = () if blocked else tuple(scope_rows(answers, rules))
    return Checklist(
        title=TITLE,
        date=long_date(today.year, today.month, today.day),
        rules_version=result["rules_version"],
        assessment_url=_absolute(site_url, "assessment/") if site_url else None,
        outcome=result["outcome"],
        outcome_label=rules.outcome_labels[result["outcome"]],
        outcome_sentence=outcome_sentence(result, rules),
        counts=_counts(result, rules),
        nation=rules.question("nation").option(nation).label if isinstance(nation, str) else None,
        context=tuple((CONTEXT_LABELS[key], value) for key, value in context.items()),
        answers=tuple(_answer_rows(settled, rules)),
        groups=_groups(result, answers, rules, site_url),
        notices=tuple(_notice_view(notice, rules) for notice in result["notices"]),
        missing=tuple(rules.question(question).text for question in result["missing"]),
        scope=rows,
        scope_note=None if rows or blocked else (
            f"Answer {quote(rules.question('modalities').text)} to draft this table."),
    )


def _counts(result: Mapping[str, Any], rules: Rules) -> tuple[tuple[str, int], ...]:
    statuses = [entry["status"] for entry in result["evidence"]]
    return tuple((label, statuses.count(status)) for status, label in rules.status_labels.items()
                 if status in statuses)


def _answer_rows(settled: Mapping[str, object], rules: Rules) -> list[tuple[str, str]]:
    rows = []
    for question in rules.questions:
        value = settled.get(question.id)
        if value is None:
            continue
        chosen = (value,) if isinstance(value, str) else value
        rows.append((question.text, ", ".join(question.option(option).label
                                              for option in chosen)))  # type: ignore[union-attr]
    return rows


def _groups(result: Mapping[str, Any], answers: Mapping[str, object], rules: Rules,
            site_url: str | None) -> tuple[tuple[str, tuple[ItemView, ...]], ...]:
    views = {entry["id"]: _item_view(entry, answers, rules, site_url)
             for entry in result["evidence"]}
    groups = []
    for group in rules.groups:
        members = tuple(views[item.id] for item in rules.evidence
                        if item.group == group.id and item.id in views)
        if members:
            groups.append((group.title, members))
    return tuple(groups)


def _item_view(entry: Mapping[str, Any], answers: Mapping[str, object], rules: Rules,
               site_url: str | None) -> ItemView:
    status = entry["status"]
    return ItemView(
        id=entry["id"],
        title=entry["title"],
        status=status,
        status_label=rules.status_labels[status],
        why=tuple(entry["why"]),
        basis_label=rules.basis_labels[entry["basis"]],
        basis_description=rules.basis_descriptions[entry["basis"]],
        what_counts=rules.item(entry["id"]).what_counts,
        next_label={"gap": "What to do next", "partial": "What to do next",
                    "unknown": "What to do next", "check": "What to ask"}.get(status),
        next_text=next_step(entry, answers, rules),
        sources=tuple((source["title"], source["url"]) for source in entry["sources"]),
        guidance=_absolute(site_url, entry["guidance"]) if site_url else entry["guidance"],
    )


def _notice_view(notice: Mapping[str, Any], rules: Rules) -> NoticeView:
    as_of = next(known.as_of for known in rules.notices if known.id == notice["id"])
    return NoticeView(
        text=notice["text"],
        as_of=long_date(as_of.year, as_of.month, as_of.day),
        sources=tuple((source["title"], source["url"]) for source in notice["sources"]),
    )


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path
