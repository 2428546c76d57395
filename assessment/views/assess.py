"""The one path from answers to every surface: settle, evaluate, build the view.

`assess` is what every face calls (the command line, each of the page's and the review's
calls, the pack and the decision record): the answers are checked and settled once, the
engine works out the typed result, and the one view model (`ResultView`) is built from it.
The rules and the employer's profile are always given: loading them is the faces' job.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping

from ..engine.answers import Settled, settled_answers
from ..engine.evaluate import evaluate
from ..engine.explain import filled
from ..engine.result import EvidenceEntry, LocalEntry, NoticeEntry, Result
from ..model.details import DETAIL_FIELDS, PERSON_FIELDS, Details, RowDetail, clean
from ..model.phrases import join, long_date, quote
from ..model.rules_model import CONTEXT_FIELDS, NATION_QUESTION, Employer, Rules, Source
from .provenance import provenance_sentence, shown_name
from .result_view import (
    EmployerView,
    ItemView,
    LocalItemView,
    MissingView,
    NoticeView,
    ResultView,
    ScopeColumnView,
    ScopeTable,
)
from .review_link import encode_scope, review_fragment, review_url
from .share_link import fragment_for, result_url

__all__ = ["AUDIENCES", "assess"]

AUDIENCES = ("applicant", "reviewer")


def assess(answers: Mapping[str, object], rules: Rules, *, today: datetime.date,
           employer: Employer | None = None, site_url: str | None = None,
           audience: str = "applicant", name: str = "", provider: str = "",
           details: Details | None = None) -> ResultView:
    """The view of the result for these answers (checked strictly: `AnswerError` names a
    bad key) and the chosen employer's profile, dated `today`. With `site_url` the links
    are absolute and the live result's and review link's addresses are given. `details`
    is what the applicant typed for her application (never put in the share link; only
    `app` and the scope detail go in the review link); `name` and `provider` are shorthands
    for two of its fields."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    details = details or Details()
    if name or provider:
        details = dataclasses.replace(details, name=name or details.name,
                                      provider=provider or details.provider)
    settled = settled_answers(answers, rules)
    result = evaluate(settled, rules, employer)
    return _view(result, rules, today=today, site_url=site_url or None, audience=audience,
                 details=_cleaned(details))


def _cleaned(details: Details) -> Details:
    """Every typed field made one safe line (`details.clean`)."""
    return dataclasses.replace(
        details,
        **{name: clean(getattr(details, name)) for name in PERSON_FIELDS},
        scope={row: RowDetail(**{name: clean(getattr(typed, name)) for name in DETAIL_FIELDS})
               for row, typed in details.scope.items()})


def _view(result: Result, rules: Rules, *, today: datetime.date, site_url: str | None,
          audience: str, details: Details) -> ResultView:
    settled = result.settled
    employer = result.employer
    fragment = fragment_for(settled, rules, employer.id if employer else None)
    nation = result.nation
    scope = None if result.outcome == "blocked" else _scope_table(settled, rules, details)
    rows = [row["id"] for row in scope.rows] if scope else []
    review, left_out = review_fragment(fragment, details.app,
                                       encode_scope(details.scope, rows))
    return ResultView(
        headings=rules.headings,
        labels=rules.labels,
        title=rules.headings["title"],
        date=long_date(today.year, today.month, today.day),
        rules_version=result.rules_version,
        assessment_url=_absolute(site_url, "assessment/") if site_url else None,
        outcome=result.outcome,
        outcome_label=rules.outcome_labels[result.outcome],
        outcome_sentence=rules.outcome_sentences[result.outcome],
        counts=_counts([entry.status for entry in result.evidence], rules),
        nation=None if nation is None
        else rules.question(NATION_QUESTION).option(nation.id).label,
        context=() if nation is None else tuple(
            (rules.words.text("result", f"context.{key}", audience), getattr(nation, key))
            for key in CONTEXT_FIELDS),
        answers=tuple(_answer_rows(settled.answers, rules)),
        groups=_groups(result, rules, site_url),
        notices=tuple(_notice_view(entry, rules) for entry in result.notices),
        missing=tuple(MissingView(question, rules.question(question).text)
                      for question in result.missing),
        scope=scope,
        result=result,
        employer=None if employer is None else _employer_view(result, employer, rules),
        name=details.name,
        provider=details.provider,
        details=details,
        self_declared=rules.words.text("result", "handover.self_declared", audience),
        fragment=fragment,
        result_url=result_url(site_url, fragment) if site_url else None,
        review_fragment=review,
        review_url=review_url(site_url, review) if site_url else None,
        scope_left_out=left_out,
        words=rules.words,
        answer_labels={question: labels for question, labels
                       in _answer_rows(settled.answers, rules, by_id=True)},
        iso_date=today.isoformat(),
        audience=audience,
    )


def _pairs(sources: tuple[Source, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((source.title, source.url) for source in sources)


def _employer_view(result: Result, employer: Employer, rules: Rules) -> EmployerView:
    items = tuple(_local_view(entry, result.settled, rules) for entry in result.local)
    checked = long_date(employer.checked.year, employer.checked.month, employer.checked.day)
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
        sources=_pairs(result.employer_sources),
        counts=_counts([item.status for item in items], rules),
        items=items,
        own_form=employer.own_form,
    )


def _unknown_step(reads: frozenset[str], settled: Settled, rules: Rules) -> str:
    """What to do about an item whose status waits on unanswered questions: answer them."""
    texts = [quote(rules.question(question).text) for question in settled.asked
             if question in reads and question not in settled.answers]
    return rules.texts["unknown_step"].replace("{questions}", join(texts))


def _local_view(entry: LocalEntry, settled: Settled, rules: Rules) -> LocalItemView:
    requirement = entry.requirement
    status = entry.status
    if status in ("gap", "partial"):
        step = requirement.next_step
    elif status == "check":
        step = requirement.check
    elif status == "unknown":
        step = _unknown_step(requirement.status_reads, settled, rules)
    else:
        step = None
    return LocalItemView(
        id=requirement.id,
        title=requirement.title,
        status=status,
        status_label=rules.status_labels[status],
        asks=requirement.text if requirement.dated is None else " ".join((
            requirement.text, rules.words.text("employers", "provenance.dated"),
            requirement.dated)),
        why=entry.why,
        refines=rules.item(requirement.refines).title if requirement.refines else None,
        next_label=rules.next_labels.get(status),
        next_text=step,
        sources=_pairs(entry.sources),
        pack=requirement.pack,
        reviewer=requirement.reviewer,
    )


def _next_step(entry: EvidenceEntry, settled: Settled, rules: Rules) -> str | None:
    """What to do about an evidence item: the next step when it is a gap, partial or
    unknown, what to ask the employer when it is `check`, None when held."""
    item = entry.item
    if entry.status == "gap":
        return item.next_step
    if entry.status == "partial":
        return item.next_step_partial or item.next_step
    if entry.status == "check":
        return item.check
    if entry.status == "unknown":
        return _unknown_step(item.status_reads, settled, rules)
    return None


def _scope_rows(settled: Mapping[str, str | tuple[str, ...]], rules: Rules,
                scope_detail: Mapping[str, RowDetail]) -> list[dict[str, str]]:
    """The draft scope of practice: one row per combination of the options chosen for the
    scope table's row questions (words/result.toml `[scope]`: the kinds of imaging and the
    patient groups).

    Each row holds its identity under `id` (the row columns' option ids joined by `:`, as
    `xray:adults`); for a row column, the option id under its key and the option's label
    under `<key>_label` (empty while that question, not the first, is unanswered); for a
    list column the chosen options' labels, comma separated; for a blank column (body areas,
    indications, exclusions) what the applicant typed for that row, or an empty string.
    """
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
    rows = []
    for combination in combinations:
        identity = ":".join(combination[column.key] for column in rules.scope.of_kind("row"))
        typed = scope_detail.get(identity, RowDetail())
        rows.append({"id": identity, **combination, **fixed,
                     **{column.key: getattr(typed, column.key)
                        for column in rules.scope.of_kind("blank")}})
    return rows


def _scope_table(settled: Settled, rules: Rules, details: Details) -> ScopeTable:
    scope = rules.scope
    rows = tuple(_scope_rows(settled.answers, rules, details.scope))
    first = rules.question(str(scope.of_kind("row")[0].question))
    return ScopeTable(
        heading=scope.heading,
        intro=scope.intro,
        note=None if rows else scope.needs.replace("{question}", quote(first.text)),
        columns=tuple(ScopeColumnView(column.heading, column.cell, column.kind)
                      for column in scope.columns),
        rows=rows,
    )


def _counts(statuses: list[str], rules: Rules) -> tuple[tuple[str, int], ...]:
    return tuple((label, statuses.count(status)) for status, label in rules.status_labels.items()
                 if status in statuses)


def _options(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """A settled answer as option ids: one for a single choice, several for a multi."""
    return (value,) if isinstance(value, str) else (value or ())


def _answer_rows(settled: Mapping[str, str | tuple[str, ...]], rules: Rules, *,
                 by_id: bool = False) -> list[tuple[str, str]]:
    """(question text, or id with `by_id`; the answer's labels) for each answer given."""
    rows = []
    for question in rules.questions:
        value = settled.get(question.id)
        if value is None:
            continue
        rows.append((question.id if by_id else question.text,
                     ", ".join(question.option(option).label for option in _options(value))))
    return rows


def _groups(result: Result, rules: Rules,
            site_url: str | None) -> tuple[tuple[str, tuple[ItemView, ...]], ...]:
    views = {entry.item.id: _item_view(entry, result.settled, rules, site_url)
             for entry in result.evidence}
    groups = []
    for group in rules.groups:
        members = tuple(views[item.id] for item in rules.evidence
                        if item.group == group.id and item.id in views)
        if members:
            groups.append((group.title, members))
    return tuple(groups)


def _item_view(entry: EvidenceEntry, settled: Settled, rules: Rules,
               site_url: str | None) -> ItemView:
    item = entry.item
    status = entry.status
    guidance = f"evidence/#{item.id}"
    return ItemView(
        id=item.id,
        title=item.title,
        status=status,
        status_label=rules.status_labels[status],
        why=entry.why,
        basis_label=rules.basis_labels[item.basis],
        basis_description=rules.basis_descriptions[item.basis],
        what_counts=item.what_counts,
        ask=item.ask,
        next_label=rules.next_labels.get(status),
        next_text=_next_step(entry, settled, rules),
        sources=_pairs(entry.sources),
        guidance=_absolute(site_url, guidance) if site_url else guidance,
        guidance_text=rules.labels["more_about"].replace("{title}", item.title),
        verify=item.verify,
        # Each register named by its publisher: the titles alone ("Search the register")
        # would not say whose it is.
        verify_sources=tuple((f"{rules.sources[source].publisher}: "
                              f"{rules.sources[source].title}", rules.sources[source].url)
                             for source in item.verify_sources),
        third_person=(*filled(item.third_person, settled.answers, rules),
                      *((entry.body.says,) if entry.body is not None else ())),
        document=item.document,
        shows=item.shows,
    )


def _notice_view(entry: NoticeEntry, rules: Rules) -> NoticeView:
    date = entry.notice.as_of
    as_of = long_date(date.year, date.month, date.day)
    return NoticeView(
        id=entry.notice.id,
        text=entry.text,
        as_of=as_of,
        position=rules.texts["as_of"].replace("{date}", as_of),
        sources=_pairs(entry.sources),
    )


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path
