"""Checks of the rules as a whole, run on every load: question order, and that every
question (with its options), evidence item, status and notice can be reached by some
answers, that every applicable item explains itself, and that an item's status never reads
a question that is not asked when it applies. Employer profiles' requirements are checked
the same way (`check_entry`, with a `_Space` that also tells their conditions apart).

Reachability is computed by search over a reduced answer space. Options a condition never
tells apart behave the same, so each question's options are split into classes by the
conditions that mention them, and only one option per class (or, for multi questions, one
per combination of classes) is tried; a condition's search covers only the questions it
reads and the questions those depend on.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from math import prod

from ..engine.answers import settle
from ..engine.explain import why_sentences
from ..model.conditions import All, Answered, Condition, holds, mentions, reads
from ..model.errors import RulesError
from ..model.phrases import PLACEHOLDER
from ..model.rules_model import NATION_QUESTION, EvidenceItem, Requirement, Rules
from .rules_reader import display_path

MAX_COMBINATIONS = 200_000
Values = dict[str, str | tuple[str, ...]]


def validate(rules: Rules) -> None:
    """Raise `RulesError` (naming the file and key) for the first problem found."""
    _check_question_order(rules)
    space = _Space(rules)
    questions_file = display_path(rules.directory / "questions.toml")
    for question in rules.questions:
        if space.find(question.asked_when) is None:
            raise RulesError(questions_file, f"questions.{question.id}.asked_when",
                             "never holds, so the question and its options "
                             f"({', '.join(question.option_index)}) can never be reached")
    for item in rules.evidence:
        _check_item(item, rules, space)
    notices_file = display_path(rules.directory / "notices.toml")
    for notice in rules.notices:
        condition = notice.shown_when
        if notice.nation_context:
            condition = All((condition, Answered(NATION_QUESTION)))
        if space.find(condition) is None:
            raise RulesError(notices_file, f"notices.{notice.id}.shown_when",
                             "never holds, so the notice can never be shown")


def _check_question_order(rules: Rules) -> None:
    earlier: set[str] = set()
    for question in rules.questions:
        for read in sorted(reads(question.asked_when)):
            if read not in earlier:
                raise RulesError(
                    display_path(rules.directory / "questions.toml"),
                    f"questions.{question.id}.asked_when",
                    f"reads '{read}', which is not an earlier question "
                    "(a question may depend only on questions before it)")
        earlier.add(question.id)


def _check_item(item: EvidenceItem, rules: Rules, space: _Space) -> None:
    check_entry(space, display_path(rules.directory / "evidence.toml"), f"evidence.{item.id}",
                item, conditions={"held_when": item.held_when, "partial_when": item.partial_when,
                                  "check_when": item.check_when},
                must_be_asked={"applies_when": ("its status reads", item.status_reads)},
                noun="item")


def check_entry(space: _Space, file: str, where: str, entry: EvidenceItem | Requirement, *,
                conditions: Mapping[str, Condition | None],
                must_be_asked: Mapping[str, tuple[str, frozenset[str]]], noun: str) -> None:
    """Check an evidence item or an employer's requirement against the answer space: it can
    apply, each of its `conditions` can hold while it applies, a why sentence can be filled
    in for every answer set where it applies, and the questions in `must_be_asked` (by the
    key to blame: what reads them, in words, and their ids) are asked whenever it applies."""
    if space.find(entry.applies_when) is None:
        raise RulesError(file, f"{where}.applies_when",
                         f"never holds, so the {noun} can never apply")
    for name, condition in conditions.items():
        if condition is not None and space.find(All((entry.applies_when, condition))) is None:
            raise RulesError(file, f"{where}.{name}", f"never holds while the {noun} applies")
    placeholders = {match.partition(":")[0] for template in entry.why
                    for match in PLACEHOLDER.findall(template)}
    extra = frozenset(placeholders).union(*(ids for _, ids in must_be_asked.values()))
    for settled, asked in space.each(entry.applies_when, extra):
        if not why_sentences(entry, settled, space.rules):
            raise RulesError(file, f"{where}.why",
                             f"no sentence can be filled in for the answers {settled}")
        for key, (reader, ids) in must_be_asked.items():
            unasked = sorted(question for question in ids if question not in asked)
            if unasked:
                raise RulesError(file, f"{where}.{key}",
                                 f"the {noun} can apply while '{unasked[0]}', which {reader}, "
                                 f"is not asked (for the answers {settled})")


class _Space:
    """The reduced answer space of a set of rules, searched condition by condition."""

    def __init__(self, rules: Rules, extra: Sequence[Condition] = (),
                 why: Sequence[str] = ()) -> None:
        """`extra` conditions and `why` templates (an employer profile's, say) are told
        apart in the reduced space as well as the rules' own."""
        self.rules = rules
        self.mentioned = self._mentions(list(extra), list(why))
        self.domains = {question.id: self._domain(question.id) for question in rules.questions}

    def find(self, condition: Condition) -> Values | None:
        """Settled answers for which the condition holds, or None if there are none."""
        return next((settled for settled, _ in self.each(condition)), None)

    def each(self, condition: Condition,
             extra: frozenset[str] = frozenset()) -> Iterator[tuple[Values, list[str]]]:
        """Every (settled answers, asked questions) in the reduced space where it holds."""
        names = self._closure(reads(condition) | extra)
        questions = [self.rules.question(name) for name in names]
        domains = [self.domains[name] for name in names]
        if prod(len(domain) for domain in domains) > MAX_COMBINATIONS:
            raise RulesError(display_path(self.rules.directory), None,
                             f"too many answer combinations to check ({', '.join(names)})")
        for combination in itertools.product(*domains):
            given = {name: value for name, value in zip(names, combination, strict=True)
                     if value is not None}
            settled, asked = settle(given, self.rules, questions)
            if holds(condition, settled):
                yield settled, asked

    def _closure(self, names: frozenset[str]) -> list[str]:
        """The questions read, and those their being asked depends on, in table order."""
        found = set(names)
        for question in reversed(self.rules.questions):
            if question.id in found:
                found |= reads(question.asked_when)
        return [question.id for question in self.rules.questions if question.id in found]

    def _domain(self, question_id: str) -> list[str | tuple[str, ...] | None]:
        question = self.rules.question(question_id)
        groups = [options for name, options in self.mentioned if name == question_id]
        classes: dict[tuple[int, ...], str] = {}
        for option in question.option_index:
            signature = tuple(index for index, group in enumerate(groups) if option in group)
            classes.setdefault(signature, option)
        representatives = list(classes.values())
        if not question.multi:
            return [None, *representatives]
        return [None, *(subset for size in range(1, len(representatives) + 1)
                        for subset in itertools.combinations(representatives, size))]

    def _mentions(self, extra: list[Condition],
                  why: list[str]) -> list[tuple[str, frozenset[str]]]:
        """Every (question, options) pair a condition or a why sentence tells apart."""
        rules = self.rules
        conditions: list[Condition] = [question.asked_when for question in rules.questions]
        conditions += extra
        for item in rules.evidence:
            conditions += [condition for condition in (
                item.applies_when, item.held_when, item.partial_when, item.check_when)
                if condition is not None]
        conditions += [notice.shown_when for notice in rules.notices]
        found = [pair for condition in conditions for pair in mentions(condition)]
        templates = [template for item in rules.evidence for template in item.why] + why
        for template in templates:
            for placeholder in PLACEHOLDER.findall(template):
                question, _, narrow = placeholder.partition(":")
                if narrow in rules.option_sets:
                    found.append((question, frozenset(rules.option_sets[narrow].options)))
                elif narrow:
                    found.append((question, frozenset({narrow})))
        return found
