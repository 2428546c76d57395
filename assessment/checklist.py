"""The take-away checklist as plain data, shared by the Markdown and text reports and the page.

It gathers, for one result, everything a practitioner pastes into an application: the
outcome, the nation's context, the answers given, the evidence by group with what to do
next, the notices, what is still unanswered and a draft scope of practice built from the
answers. Its words (headings, labels, the scope table's) all come from the rules data
(words/result.toml), and the page prints the same checklist (`web.page_view`), so the Markdown,
the text and the page never word a thing differently. `checklist_for` takes answers settled
once (`answers.settled_answers`); `build_checklist`, `scope_rows` and `next_step` take raw
answers and settle them first.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .answers import Settled, settled_answers
from .loader import Rules, load_rules
from .phrases import join, long_date, quote
from .provenance import provenance_sentence, shown_name
from .rules_model import NATION_QUESTION, Employer, Requirement
from .share_link import fragment_for, result_url

__all__ = ["HANDOVER", "ITEM_LABELS", "Checklist", "EmployerView", "ItemView",
           "LocalItemView", "MissingView", "NoticeView", "ScopeColumnView",
           "ScopeTable", "build_checklist",
           "checklist_for", "next_step", "outcome_sentence", "scope_rows"]

CONTEXT_LABELS = {"regulation": "Regulations", "inspectorate": "Inspection and enforcement",
                  "framework": "Practice framework"}

# What makes a checklist stand on its own when it reaches a manager or a panel: who it is
# for, the imaging provider, that its statuses are the applicant's own, and the way back to
# the live result. Printed the same by the Markdown, the text and the Word pack.
# (words.toml's reader accepts only the words it knows; these can move there with it.)
HANDOVER = {
    "name": "Applicant",
    "provider": "Imaging provider",
    "self_declared": "Self-declared: the applicant gave every status here from their own "
                     "answers. Nobody has checked them against documents yet.",
    "live_result": "Live result (opens these answers in the self-assessment)",
}

# The labels of an item's parts, in every checklist.
ITEM_LABELS = {"status": "Status", "why": "Why", "what_counts": "What counts",
               "sources": "Sources", "guidance": "Guidance"}


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
    guidance_text: str


@dataclass(frozen=True)
class LocalItemView:
    """One of the chosen employer's own requirements as the checklist shows it: what the
    employer asks, its status and why, the national item it sharpens and its sources."""

    id: str
    title: str
    status: str
    status_label: str
    asks: str
    why: tuple[str, ...]
    refines: str | None
    next_label: str | None
    next_text: str | None
    sources: tuple[tuple[str, str], ...]
    # Its words in the other two voices: the application pack's and the reviewer's.
    pack: str = ""
    reviewer: str = ""


@dataclass(frozen=True)
class EmployerView:
    """The chosen employer's profile in the checklist: who (`name` says a partner's or a
    system's profile as such), where the profile comes from and at which date (`note`, which
    begins with `provenance`), how to apply, and its applicable requirements with their counts."""

    id: str
    name: str
    checked: str
    note: str
    apply_text: str
    apply_url: str | None
    sources: tuple[tuple[str, str], ...]
    counts: tuple[tuple[str, int], ...]
    items: tuple[LocalItemView, ...]
    provenance: str = ""


@dataclass(frozen=True)
class NoticeView:
    """One notice: its id, its text, the date of its position (and that date said as a
    sentence) and its sources."""

    id: str
    text: str
    as_of: str
    position: str
    sources: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MissingView:
    """One asked question still unanswered: its id and its text."""

    id: str
    text: str


@dataclass(frozen=True)
class ScopeColumnView:
    """A column of the draft scope table: its heading, the field of each row it prints and
    its kind (row, list or blank: see `rules_model.ScopeColumn`)."""

    heading: str
    field: str
    kind: str


@dataclass(frozen=True)
class ScopeTable:
    """The draft scope of practice: its heading, introduction, columns and rows; `note`
    stands in for the table while it has no rows."""

    heading: str
    intro: str
    note: str | None
    columns: tuple[ScopeColumnView, ...]
    rows: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class Checklist:
    """Everything the reports and the page print, in the order they print it."""

    headings: Mapping[str, str]
    labels: Mapping[str, str]
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
    missing: tuple[MissingView, ...]
    scope: ScopeTable | None
    employer: EmployerView | None = None
    name: str = ""
    provider: str = ""
    self_declared: str = HANDOVER["self_declared"]
    fragment: str = ""
    result_url: str | None = None
    iso_date: str = ""


def outcome_sentence(result: Mapping[str, Any], rules: Rules | None = None) -> str:
    """The outcome of a result in one plain sentence."""
    rules = rules or load_rules()
    return rules.outcome_sentences[result["outcome"]]


def scope_rows(answers: Mapping[str, object], rules: Rules | None = None) -> list[dict[str, str]]:
    """The draft scope of practice: one row per combination of the options chosen for the
    scope table's row questions (words/result.toml `[scope]`: the kinds of imaging and the patient
    groups).

    Each row holds, for a row column, the option id under its key and the option's label under
    `<key>_label` (empty while that question, not the first, is unanswered); for a list column
    the chosen options' labels, comma separated; for a blank column an empty string.
    """
    rules = rules or load_rules()
    return _scope_rows(settled_answers(answers, rules).answers, rules)


def _scope_rows(settled: Mapping[str, str | tuple[str, ...]], rules: Rules) -> list[dict[str, str]]:
    combinations: list[dict[str, str]] = [{}]
    for index, column in enumerate(rules.scope.of_kind("row")):
        question = rules.question(str(column.question))
        chosen = _options(settled.get(question.id))
        if not chosen and index == 0:
            return []
        combinations = [
            {**combination, column.key: option,
             column.cell: question.option(option).label if option else ""}
            for combination in combinations for option in (chosen or ("",))
        ]
    fixed = {}
    for column in rules.scope.of_kind("list"):
        question = rules.question(str(column.question))
        fixed[column.key] = ", ".join(question.option(option).label
                                      for option in _options(settled.get(question.id)))
    fixed.update({column.key: "" for column in rules.scope.of_kind("blank")})
    return [{**combination, **fixed} for combination in combinations]


def next_step(entry: Mapping[str, Any], answers: Mapping[str, object],
              rules: Rules | None = None) -> str | None:
    """What to do about an evidence entry of a result: the next step when it is a gap,
    partial or unknown, what to ask the employer when it is `check`, None when held."""
    rules = rules or load_rules()
    return _next_step(entry, settled_answers(answers, rules), rules)


def _next_step(entry: Mapping[str, Any], settled: Settled, rules: Rules) -> str | None:
    item = rules.item(entry["id"])
    status = entry["status"]
    if status == "gap":
        return item.next_step
    if status == "partial":
        return item.next_step_partial or item.next_step
    if status == "check":
        return item.check
    if status == "unknown":
        open_questions = [question for question in settled.asked
                          if question in item.status_reads and question not in settled.answers]
        texts = [quote(rules.question(question).text) for question in open_questions]
        return rules.texts["unknown_step"].replace("{questions}", join(texts))
    return None


def build_checklist(result: Mapping[str, Any], answers: Mapping[str, object],
                    rules: Rules | None = None, *, site_url: str | None = None,
                    today: datetime.date, employer: Employer | None = None,
                    name: str = "", provider: str = "") -> Checklist:
    """The checklist for a result and the answers (and employer profile) that produced it;
    `name` and `provider` are what the person typed for a document (empty: left out)."""
    rules = rules or load_rules()
    return checklist_for(result, settled_answers(answers, rules), rules, site_url=site_url,
                         today=today, employer=employer, name=name, provider=provider)


def checklist_for(result: Mapping[str, Any], settled: Settled, rules: Rules, *,
                  site_url: str | None = None, today: datetime.date,
                  employer: Employer | None = None, name: str = "",
                  provider: str = "") -> Checklist:
    """The checklist for a result and the settled answers (and the employer profile, if the
    result was worked out with one) that produced it. The share link's fragment is the
    page's for these answers and employer; `result_url` is the live result's full address
    when the site's address is known. `name` and `provider` (one line each) are never put
    in the link."""
    nation = settled.answers.get(NATION_QUESTION)
    context = result["context"] or {}
    fragment = fragment_for(settled, rules, employer.id if employer else None)
    return Checklist(
        headings=rules.headings,
        labels=rules.labels,
        title=rules.headings["title"],
        date=long_date(today.year, today.month, today.day),
        rules_version=result["rules_version"],
        assessment_url=_absolute(site_url, "assessment/") if site_url else None,
        outcome=result["outcome"],
        outcome_label=rules.outcome_labels[result["outcome"]],
        outcome_sentence=outcome_sentence(result, rules),
        counts=_counts(result, rules),
        nation=rules.question(NATION_QUESTION).option(nation).label
        if isinstance(nation, str) else None,
        context=tuple((CONTEXT_LABELS[key], value) for key, value in context.items()),
        answers=tuple(_answer_rows(settled.answers, rules)),
        groups=_groups(result, settled, rules, site_url),
        notices=tuple(_notice_view(notice, rules) for notice in result["notices"]),
        missing=tuple(MissingView(question, rules.question(question).text)
                      for question in result["missing"]),
        scope=None if result["outcome"] == "blocked" else _scope_table(settled, rules),
        employer=None if employer is None else _employer_view(result, employer, settled,
                                                                rules),
        name=_one_line(name),
        provider=_one_line(provider),
        fragment=fragment,
        result_url=result_url(site_url, fragment) if site_url else None,
        iso_date=today.isoformat(),
    )


def _one_line(text: str) -> str:
    """Typed text as one line: runs of white space (line breaks included) become a space."""
    return " ".join(text.split())


def _employer_view(result: Mapping[str, Any], employer: Employer, settled: Settled,
                   rules: Rules) -> EmployerView:
    requirements = {requirement.id: requirement for requirement in employer.requirements}
    items = tuple(_local_view(entry, requirements[entry["id"]], settled, rules)
                  for entry in result["local"])
    checked = long_date(employer.checked.year, employer.checked.month, employer.checked.day)
    statuses = [item.status for item in items]
    provenance = provenance_sentence(employer, rules.words)
    return EmployerView(
        id=employer.id,
        name=shown_name(employer, rules.words),
        checked=checked,
        provenance=provenance,
        note=provenance + " " + rules.texts["employer_note"]
        .replace("{employer}", employer.name).replace("{date}", checked),
        apply_text=employer.apply_text,
        apply_url=employer.apply_url,
        sources=tuple((source["title"], source["url"])
                      for source in result["employer"]["sources"]),
        counts=tuple((label, statuses.count(status))
                     for status, label in rules.status_labels.items() if status in statuses),
        items=items,
    )


def _local_view(entry: Mapping[str, Any], requirement: Requirement, settled: Settled,
                rules: Rules) -> LocalItemView:
    status = entry["status"]
    if status in ("gap", "partial"):
        step = requirement.next_step
    elif status == "check":
        step = requirement.check
    elif status == "unknown":
        open_questions = [question for question in settled.asked
                          if question in requirement.status_reads
                          and question not in settled.answers]
        texts = [quote(rules.question(question).text) for question in open_questions]
        step = rules.texts["unknown_step"].replace("{questions}", join(texts))
    else:
        step = None
    return LocalItemView(
        id=entry["id"],
        title=entry["title"],
        status=status,
        status_label=rules.status_labels[status],
        asks=requirement.text if requirement.dated is None else " ".join((
            requirement.text, rules.words.text("employers", "provenance.dated"),
            requirement.dated)),
        why=tuple(entry["why"]),
        refines=rules.item(requirement.refines).title if requirement.refines else None,
        next_label=rules.next_labels.get(status),
        next_text=step,
        sources=tuple((source["title"], source["url"]) for source in entry["sources"]),
        pack=requirement.pack,
        reviewer=requirement.reviewer,
    )


def _scope_table(settled: Settled, rules: Rules) -> ScopeTable:
    scope = rules.scope
    rows = tuple(_scope_rows(settled.answers, rules))
    first = rules.question(str(scope.of_kind("row")[0].question))
    return ScopeTable(
        heading=scope.heading,
        intro=scope.intro,
        note=None if rows else scope.needs.replace("{question}", quote(first.text)),
        columns=tuple(ScopeColumnView(column.heading, column.cell, column.kind)
                      for column in scope.columns),
        rows=rows,
    )


def _counts(result: Mapping[str, Any], rules: Rules) -> tuple[tuple[str, int], ...]:
    statuses = [entry["status"] for entry in result["evidence"]]
    return tuple((label, statuses.count(status)) for status, label in rules.status_labels.items()
                 if status in statuses)


def _options(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """A settled answer as option ids: one for a single choice, several for a multi."""
    return (value,) if isinstance(value, str) else (value or ())


def _answer_rows(settled: Mapping[str, str | tuple[str, ...]],
                 rules: Rules) -> list[tuple[str, str]]:
    rows = []
    for question in rules.questions:
        value = settled.get(question.id)
        if value is None:
            continue
        rows.append((question.text, ", ".join(question.option(option).label
                                              for option in _options(value))))
    return rows


def _groups(result: Mapping[str, Any], settled: Settled, rules: Rules,
            site_url: str | None) -> tuple[tuple[str, tuple[ItemView, ...]], ...]:
    views = {entry["id"]: _item_view(entry, settled, rules, site_url)
             for entry in result["evidence"]}
    groups = []
    for group in rules.groups:
        members = tuple(views[item.id] for item in rules.evidence
                        if item.group == group.id and item.id in views)
        if members:
            groups.append((group.title, members))
    return tuple(groups)


def _item_view(entry: Mapping[str, Any], settled: Settled, rules: Rules,
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
        next_label=rules.next_labels.get(status),
        next_text=_next_step(entry, settled, rules),
        sources=tuple((source["title"], source["url"]) for source in entry["sources"]),
        guidance=_absolute(site_url, entry["guidance"]) if site_url else entry["guidance"],
        guidance_text=rules.labels["more_about"].replace("{title}", entry["title"]),
    )


def _notice_view(notice: Mapping[str, Any], rules: Rules) -> NoticeView:
    date = next(known.as_of for known in rules.notices if known.id == notice["id"])
    as_of = long_date(date.year, date.month, date.day)
    return NoticeView(
        id=notice["id"],
        text=notice["text"],
        as_of=as_of,
        position=rules.texts["as_of"].replace("{date}", as_of),
        sources=tuple((source["title"], source["url"]) for source in notice["sources"]),
    )


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path
