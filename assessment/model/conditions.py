"""The condition vocabulary of the rules data: its records and the one function that
evaluates them (`holds`). `condition_parser` reads them from TOML and `condition_text` puts
them into English.

A condition is a small TOML table, one of:

- ``{ always = true }``: always holds.
- ``{ registered = true }``: the profession is answered and is not the "not registered"
  option (both named once, in the ``[registered]`` table of questions.toml).
- ``{ answered = "<question>" }``: the question has an answer.
- ``{ answer = "<question>", is = ["<option>", …] }``: a single-choice answer is one of these.
- ``{ answer = "<question>", has_any = ["<option>", …] }``: a multi-choice answer includes
  at least one of these.
- ``{ answer = "<question>", has_any_in = "<option set>" }``: the same, for an option set
  defined once in questions.toml (the ionising modalities, say).
- ``{ all = [<condition>, …] }`` and ``{ any = [<condition>, …] }``.

A condition that reads an unanswered question is false. Answers reach `holds` already
settled: only asked, answered questions, single answers as a string, multi answers as a
tuple of option ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

Answers = Mapping[str, str | tuple[str, ...]]


@dataclass(frozen=True)
class Always:
    """Holds whatever the answers."""


@dataclass(frozen=True)
class Registered:
    """The person is registered: `question` answered with anything but `unless`."""

    question: str
    unless: str


@dataclass(frozen=True)
class Answered:
    """The question has an answer."""

    question: str


@dataclass(frozen=True)
class Is:
    """A single-choice answer is one of `options`."""

    question: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class HasAny:
    """A multi-choice answer includes one of `options` (named by `option_set`, if any)."""

    question: str
    options: tuple[str, ...]
    option_set: str | None = None


@dataclass(frozen=True)
class All:
    """Every part holds."""

    parts: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    """At least one part holds."""

    parts: tuple[Condition, ...]


Condition = Always | Registered | Answered | Is | HasAny | All | AnyOf

def holds(condition: Condition, answers: Answers) -> bool:
    """Whether the condition holds for these settled answers."""
    match condition:  # the most frequent forms first
        case Registered(question, unless):
            result = question in answers and answers[question] != unless
        case Is(question, options):
            result = answers.get(question) in options
        case HasAny(question, options):
            result = any(option in options for option in answers.get(question, ()))
        case All(parts):
            result = all(holds(part, answers) for part in parts)
        case Always():
            result = True
        case Answered(question):
            result = question in answers
        case AnyOf(parts):
            result = any(holds(part, answers) for part in parts)
    return result


def reads(condition: Condition) -> frozenset[str]:
    """The ids of the questions the condition reads."""
    match condition:
        case Always():
            found: frozenset[str] = frozenset()
        case Registered(question) | Answered(question) | Is(question) | HasAny(question):
            found = frozenset({question})
        case All(parts) | AnyOf(parts):
            found = frozenset().union(*(reads(part) for part in parts))
    return found


def mentions(condition: Condition) -> list[tuple[str, frozenset[str]]]:
    """Each (question, option ids) pair the condition tests, for the reachability search."""
    match condition:
        case Registered(question, unless):
            found = [(question, frozenset({unless}))]
        case Is(question, options) | HasAny(question, options):
            found = [(question, frozenset(options))]
        case All(parts) | AnyOf(parts):
            found = [pair for part in parts for pair in mentions(part)]
        case _:
            found = []
    return found
