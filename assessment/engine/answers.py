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
from ..model.errors import AnswerError, answer_error
from ..model.rules_model import Question, Rules
from ..model.words import Words

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
    ids without repeats, in the order the options are listed. Raises `AnswerError`, said
    in the words' errors section (`answers.*`)."""
    words = rules.words
    if not isinstance(data, Mapping):
        raise answer_error(words, None, "answers.not_object", kind=_kind(data, words))
    checked: dict[str, Answer] = {}
    for key, value in data.items():
        question = rules.question_index.get(key) if isinstance(key, str) else None
        if question is None:
            raise answer_error(words, str(key), "answers.unknown_question",
                               questions=", ".join(rules.question_index))
        checked[key] = (_check_multi(question, value, words) if question.multi
                        else _check_single(question, value, words))
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


def _check_single(question: Question, value: object, words: Words) -> str:
    if isinstance(value, list):
        raise answer_error(words, question.id, "answers.single_list")
    if not isinstance(value, str):
        raise answer_error(words, question.id, "answers.single", kind=_kind(value, words))
    _check_option(question, value, words)
    return value


def _check_multi(question: Question, value: object, words: Words) -> list[str]:
    if not isinstance(value, list):
        raise answer_error(words, question.id, "answers.multi", kind=_kind(value, words))
    for item in value:
        if not isinstance(item, str):
            raise answer_error(words, question.id, "answers.multi_item",
                               kind=_kind(item, words))
        _check_option(question, item, words)
    return sorted(set(value), key=question.option_index.__getitem__)


def _check_option(question: Question, value: str, words: Words) -> None:
    if value not in question.option_index:
        raise answer_error(words, question.id, "answers.unknown_option", option=repr(value),
                           options=", ".join(question.option_index))


def _kind(value: object, words: Words) -> str:
    """How a JSON value is named in messages (the errors section's `json.*`)."""
    if isinstance(value, bool):
        return words.text("errors", "json.boolean", value=str(value).lower())
    names = {type(None): "json.null", list: "json.list", dict: "json.object"}
    if type(value) in names:
        return words.text("errors", names[type(value)])
    if isinstance(value, int | float | str):
        kind = "json.string" if isinstance(value, str) else "json.number"
        return words.text("errors", kind, value=repr(value))
    return type(value).__name__
