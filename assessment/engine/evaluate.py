"""The engine: from settled answers to the result, as typed records (`engine.result`).

It decides each applicable evidence item's status, the notices, what is still missing, an
employer profile's applicable requirements (if one is given) and the outcome. Pure
functions over the rules data, which is always given; the same code runs in CPython and
Pyodide. The specification's JSON object is made from the result by `renderers.result_json`.
"""

from __future__ import annotations

from ..model.conditions import Answers, Condition, holds
from ..model.phrases import PLACEHOLDER
from ..model.rules_model import (
    NATION_QUESTION,
    Employer,
    EvidenceItem,
    Notice,
    ProfessionBody,
    Requirement,
    Rules,
    Source,
)
from .answers import Settled
from .explain import why_sentences
from .result import EvidenceEntry, LocalEntry, NoticeEntry, Result

__all__ = ["evaluate", "item_status", "requirement_status"]


def evaluate(given: Settled, rules: Rules, employer: Employer | None = None) -> Result:
    """The result for answers settled once (`answers.settled_answers`). With an `employer`
    profile (from `employer_profiles.load_employers`), its applicable requirements are
    `local` and count towards the outcome; the rest of the result is the same without it."""
    settled, asked = given.answers, given.asked
    evidence = tuple(_entry(item, settled, rules) for item in rules.evidence
                     if holds(item.applies_when, settled))
    missing = tuple(question for question in asked if question not in settled)
    blocked = settled.get(rules.registered.question) == rules.registered.unless
    local = () if employer is None or blocked else tuple(
        _local_entry(requirement, settled, rules) for requirement in employer.requirements
        if holds(requirement.applies_when, settled))
    nation = settled.get(NATION_QUESTION)
    return Result(
        rules_version=rules.version,
        settled=given,
        outcome=_outcome(blocked, [entry.status for entry in evidence]
                         + [entry.status for entry in local], missing),
        nation=rules.nations[nation] if isinstance(nation, str) else None,
        evidence=evidence,
        notices=tuple(_notice(notice, settled, rules) for notice in rules.notices
                      if _shown(notice, settled)),
        missing=missing,
        employer=employer,
        employer_sources=() if employer is None else _sources(employer.sources, rules),
        local=local,
    )


def item_status(item: EvidenceItem, settled: Answers) -> str:
    """The status of an applicable item: held, partial, check, unknown or gap."""
    return _status(item.held_when, item.partial_when, item.check_when, item.status_reads,
                   settled)


def requirement_status(requirement: Requirement, settled: Answers) -> str:
    """The status of an applicable employer requirement: without a held_when it is always
    check; otherwise held, partial, unknown or gap, as for an evidence item."""
    if requirement.held_when is None:
        return "check"
    return _status(requirement.held_when, requirement.partial_when, None,
                   requirement.status_reads, settled)


def _status(held_when: Condition | None, partial_when: Condition | None,
            check_when: Condition | None, reads: frozenset[str], settled: Answers) -> str:
    """Held, partial or check by the first condition that holds; unknown while a question the
    status reads is unanswered; gap otherwise."""
    if held_when is not None and holds(held_when, settled):
        return "held"
    if partial_when is not None and holds(partial_when, settled):
        return "partial"
    if check_when is not None and holds(check_when, settled):
        return "check"
    if any(question not in settled for question in reads):
        return "unknown"
    return "gap"


def _local_entry(requirement: Requirement, settled: Answers, rules: Rules) -> LocalEntry:
    return LocalEntry(requirement, requirement_status(requirement, settled),
                      tuple(why_sentences(requirement, settled, rules)),
                      _sources(requirement.sources, rules))


def _entry(item: EvidenceItem, settled: Answers, rules: Rules) -> EvidenceEntry:
    why = why_sentences(item, settled, rules)
    sources = list(item.sources)
    body = _profession_body(item, settled, rules)
    if body is not None:
        why.append(body.says)
        sources += [source for source in body.sources if source not in sources]
    return EvidenceEntry(item, item_status(item, settled), tuple(why),
                         _sources(tuple(sources), rules), body)


def _profession_body(item: EvidenceItem, settled: Answers, rules: Rules) -> ProfessionBody | None:
    """The body that speaks for the person's own profession, for an item whose reason rests
    on such a position (None for another item, or a profession no body speaks for)."""
    profession = settled.get(rules.registered.question)
    if item.id not in rules.body_items or not isinstance(profession, str):
        return None
    return rules.profession_bodies.get(profession)


def _sources(ids: tuple[str, ...], rules: Rules) -> tuple[Source, ...]:
    return tuple(rules.sources[source] for source in ids)


def _outcome(blocked: bool, statuses: list[str], missing: tuple[str, ...]) -> str:
    """The outcome over the national and local items together."""
    if blocked:
        return "blocked"
    if missing:
        return "incomplete"
    if any(status in ("gap", "partial", "unknown") for status in statuses):
        return "gaps"
    return "ready"


def _shown(notice: Notice, settled: Answers) -> bool:
    if notice.nation_context and NATION_QUESTION not in settled:
        return False
    return holds(notice.shown_when, settled)


def _notice(notice: Notice, settled: Answers, rules: Rules) -> NoticeEntry:
    sources = list(notice.sources)
    text = notice.text
    if notice.nation_context:
        nation = rules.nations[str(settled[NATION_QUESTION])]
        fields = {"nation": rules.question(NATION_QUESTION).option(nation.id).label,
                  "regulation": nation.regulation, "inspectorate": nation.inspectorate,
                  "framework": nation.framework}
        text = PLACEHOLDER.sub(lambda match: fields[match.group(1)], text)
        sources += [source for source in nation.sources if source not in sources]
    return NoticeEntry(notice, text, _sources(tuple(sources), rules))
