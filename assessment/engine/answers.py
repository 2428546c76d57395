"""Answers: the strict check of an answers object (as the command line reads it from a
file), and settling checked answers down to those that count.

Answers map question ids to an option id (single choice) or a list of option ids (multi
choice). Every key is checked, whether its question is asked or not; anything else is an
`AnswerError` naming the key. An empty list is allowed and means "not answered"; an option
given twice in a list counts once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model.conditions import holds
from ..model.errors import AnswerError
from ..model.rules_model import Question, Rules

__all__ = ["AnswerError", "Settled", "check_answers", "settle", "settled_answers"]

Answer = str | list[str]


@dataclass(frozen=True)
class Settled:
    """Answers settled once for one evaluation: those that count, and the asked questions.

    The engine, the checklist, the scope table and the next steps all read this one record,
    so answers are checked and settled once per evaluation, not once by each of them.
    """

    answers: Mapping[str, str | tuple[str, ...]]
    asked: tuple[str, ...]


def settled_answers(data: object, rules: Rules) -> Settled:
    """The answers checked (`check_answers`, which may raise) and settled."""
    answers, asked = settle(check_answers(data, rules), rules)
    return Settled(answers, tuple(asked))


def check_answers(data: object, rules: Rules) -> dict[str, Answer]:
    """The answers, checked: single answers as a string, multi answers as a list of option
    ids without repeats, in the order the options are listed. Raises `AnswerError`."""
    if not isinstance(data, Mapping):
        raise AnswerError(None, f"the answers must be a JSON object, not {_kind(data)}")
    checked: dict[str, Answer] = {}
    for key, value in data.items():
        question = rules.question_index.get(key) if isinstance(key, str) else None
        if question is None:
            raise AnswerError(str(key), f"unknown question; the questions are "
                                        f"{', '.join(rules.question_index)}")
        checked[key] = _check_multi(question, value) if question.multi else _check_single(
            question, value)
    return checked


def settle(given: Mapping[str, object], rules: Rules,
           questions: Sequence[Question] | None = None,
           ) -> tuple[dict[str, str | tuple[str, ...]], list[str]]:
    """Checked answers reduced to those that count, and the ids of the asked questions.

    A question's `asked_when` reads only earlier questions (the rules check this), so one
    pass in table order settles everything. `questions` narrows the pass to some questions
    (with every question they depend on), as the rules' own checks do.
    """
    settled: dict[str, str | tuple[str, ...]] = {}
    asked = []
    for question in rules.questions if questions is None else questions:
        if not holds(question.asked_when, settled):
            continue
        asked.append(question.id)
        value = given.get(question.id)
        if isinstance(value, str) and value:
            settled[question.id] = value
        elif isinstance(value, list | tuple) and value:
            settled[question.id] = tuple(value)
    return settled, asked


def _check_single(question: Question, value: object) -> str:
    if isinstance(value, list):
        raise AnswerError(question.id, "takes one option id (a string), not a list")
    if not isinstance(value, str):
        raise AnswerError(question.id, f"takes one option id (a string), not {_kind(value)}")
    _check_option(question, value)
    return value


def _check_multi(question: Question, value: object) -> list[str]:
    if not isinstance(value, list):
        raise AnswerError(question.id, f"takes a list of option ids, not {_kind(value)}")
    for item in value:
        if not isinstance(item, str):
            raise AnswerError(question.id,
                              f"takes a list of option ids (strings); it holds {_kind(item)}")
        _check_option(question, item)
    return sorted(set(value), key=question.option_index.__getitem__)


def _check_option(question: Question, value: str) -> None:
    if value not in question.option_index:
        raise AnswerError(question.id, f"unknown option {value!r}; the options are "
                                       f"{', '.join(question.option_index)}")


def _kind(value: object) -> str:
    """How a JSON value is named in messages."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    names = {type(None): "null", list: "a list", dict: "an object"}
    if type(value) in names:
        return names[type(value)]
    if isinstance(value, int | float | str):
        kind = "string" if isinstance(value, str) else "number"
        return f"the {kind} {value!r}"
    return type(value).__name__
