"""The engine: from answers to the result object of the specification.

It settles the answers (only questions that are asked count, an empty list is no answer),
decides each applicable evidence item's status, the notices, what is still missing, an
employer profile's applicable requirements (if one is given) and the outcome. Pure
functions over the rules data; the same code runs in CPython and Pyodide.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .answers import Settled, settled_answers
from .conditions import Answers, Condition, holds
from .explain import PLACEHOLDER, why_sentences
from .loader import EvidenceItem, Notice, Rules, load_rules
from .rules_model import NATION_QUESTION, Employer, Requirement

__all__ = ["asked_questions", "effective_answers", "evaluate", "evaluate_settled",
           "item_status", "requirement_status"]


def evaluate(answers: Mapping[str, object], rules: Rules | None = None,
             employer: Employer | None = None) -> dict[str, Any]:
    """The result for these answers, exactly the specification's JSON object.

    Answers to questions that are not asked are ignored; answers must otherwise be well
    formed (as `check_answers` defines it), or `AnswerError` is raised. With an `employer`
    profile (from `employer_profiles.load_employers`), its applicable requirements are
    `local` and count towards the outcome; the rest of the result is the same without it.
    """
    rules = rules or load_rules()
    return evaluate_settled(settled_answers(answers, rules), rules, employer)


def evaluate_settled(given: Settled, rules: Rules,
                     employer: Employer | None = None) -> dict[str, Any]:
    """The result for answers already settled (`settled_answers`)."""
    settled, asked = given.answers, given.asked
    evidence = [_entry(item, settled, rules) for item in rules.evidence
                if holds(item.applies_when, settled)]
    missing = [question for question in asked if question not in settled]
    blocked = settled.get(rules.registered.question) == rules.registered.unless
    local = [] if employer is None or blocked else [
        _local_entry(requirement, settled, rules) for requirement in employer.requirements
        if holds(requirement.applies_when, settled)]
    return {
        "rules_version": rules.version,
        "outcome": _outcome(blocked, evidence + local, missing),
        "context": _context(settled, rules),
        "evidence": evidence,
        "notices": [_notice(notice, settled, rules) for notice in rules.notices
                    if _shown(notice, settled)],
        "missing": missing,
        "employer": None if employer is None else _employer(employer, rules),
        "local": local,
    }


def asked_questions(answers: Mapping[str, object], rules: Rules | None = None) -> list[str]:
    """The ids of the questions asked given these answers, in the order of the table."""
    rules = rules or load_rules()
    return list(settled_answers(answers, rules).asked)


def effective_answers(answers: Mapping[str, object],
                      rules: Rules | None = None) -> dict[str, str | tuple[str, ...]]:
    """The answers that count: asked and answered questions only, in table order."""
    rules = rules or load_rules()
    return dict(settled_answers(answers, rules).answers)


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


def _local_entry(requirement: Requirement, settled: Answers, rules: Rules) -> dict[str, Any]:
    return {
        "id": requirement.id,
        "title": requirement.title,
        "status": requirement_status(requirement, settled),
        "refines": requirement.refines,
        "why": why_sentences(requirement, settled, rules),
        "sources": _sources(requirement.sources, rules),
    }


def _employer(employer: Employer, rules: Rules) -> dict[str, Any]:
    return {
        "id": employer.id,
        "name": employer.name,
        "nation": employer.nation,
        "checked": employer.checked.isoformat(),
        "sources": _sources(employer.sources, rules),
    }


def _entry(item: EvidenceItem, settled: Answers, rules: Rules) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "status": item_status(item, settled),
        "basis": item.basis,
        "why": why_sentences(item, settled, rules),
        "sources": _sources(item.sources, rules),
        "guidance": f"evidence/#{item.id}",
    }


def _sources(ids: tuple[str, ...], rules: Rules) -> list[dict[str, str]]:
    return [{"title": rules.sources[source].title, "url": rules.sources[source].url}
            for source in ids]


def _outcome(blocked: bool, entries: list[dict[str, Any]], missing: list[str]) -> str:
    """The outcome over the national and local items together."""
    if blocked:
        return "blocked"
    if missing:
        return "incomplete"
    if any(entry["status"] in ("gap", "partial", "unknown") for entry in entries):
        return "gaps"
    return "ready"


def _context(settled: Answers, rules: Rules) -> dict[str, str] | None:
    nation = settled.get(NATION_QUESTION)
    if not isinstance(nation, str):
        return None
    found = rules.nations[nation]
    return {"regulation": found.regulation, "inspectorate": found.inspectorate,
            "framework": found.framework}


def _shown(notice: Notice, settled: Answers) -> bool:
    if notice.nation_context and NATION_QUESTION not in settled:
        return False
    return holds(notice.shown_when, settled)


def _notice(notice: Notice, settled: Answers, rules: Rules) -> dict[str, Any]:
    sources = list(notice.sources)
    text = notice.text
    if notice.nation_context:
        nation = rules.nations[str(settled[NATION_QUESTION])]
        fields = {"nation": rules.question(NATION_QUESTION).option(nation.id).label,
                  "regulation": nation.regulation, "inspectorate": nation.inspectorate,
                  "framework": nation.framework}
        text = PLACEHOLDER.sub(lambda match: fields[match.group(1)], text)
        sources += [source for source in nation.sources if source not in sources]
    return {"id": notice.id, "text": text, "sources": _sources(tuple(sources), rules)}
