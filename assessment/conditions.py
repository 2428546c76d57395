"""The condition vocabulary of the rules data: parsed once, evaluated by one function
(`holds`) and put into English by one function (`describe`).

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

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn

from .phrases import join, quote, quoted_list

if TYPE_CHECKING:
    from .rules_data import Question, Rules

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

FORMS = (
    "{ always = true }, { registered = true }, { answered = <question> }, "
    "{ answer = <question>, is | has_any = [<options>] }, "
    "{ answer = <question>, has_any_in = <option set> }, { all | any = [<conditions>] }"
)


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


def describe(condition: Condition, rules: Rules) -> str:
    """The condition in plain English, as a clause: ``you are registered with …``."""
    match condition:
        case Always():
            text = "always"
        case Registered():
            text = rules.registered_text
        case Answered(question):
            text = f"you have answered {quote(rules.question(question).text)}"
        case Is(question, options):
            asked = rules.question(question)
            text = f"your answer to {quote(asked.text)} is {_labels(asked, options)}"
        case HasAny(question, options, option_set):
            asked = rules.question(question)
            chosen = _labels(asked, options)
            if option_set:
                chosen = f"{rules.option_sets[option_set].label} ({chosen})"
            text = f"your answers to {quote(asked.text)} include {chosen}"
        case All(parts):
            text = join([_part(part, rules) for part in parts], "and")
        case AnyOf(parts):
            text = join([_part(part, rules) for part in parts], "or")
    return text


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


def _labels(question: Question, options: tuple[str, ...]) -> str:
    return quoted_list([question.option(option).label for option in options], "or")


def _part(condition: Condition, rules: Rules) -> str:
    text = describe(condition, rules)
    return f"({text})" if isinstance(condition, All | AnyOf) else text


@dataclass(frozen=True)
class ParseContext:
    """What parsing a condition needs: where it is (for errors) and the ids it may use."""

    file: str
    questions: Mapping[str, Question]
    option_sets: Mapping[str, tuple[str, tuple[str, ...]]]
    registered: Registered | None
    fail: Callable[[str, str], NoReturn]


def parse(raw: object, key: str, context: ParseContext) -> Condition:
    """A condition from its TOML table, or a RulesError naming the file and key."""
    if not isinstance(raw, dict) or not raw:
        context.fail(key, f"a condition must be a table, one of: {FORMS}")
    keys = set(raw)
    if keys in ({"always"}, {"registered"}):
        return _parse_flag(raw, key, context)
    if keys == {"answered"}:
        return Answered(_question(raw["answered"], f"{key}.answered", context).id)
    if keys in ({"all"}, {"any"}):
        return _parse_group(raw, key, context)
    if "answer" in keys and len(keys) == 2 and keys & {"is", "has_any", "has_any_in"}:
        return _parse_answer(raw, key, context)
    unknown = sorted(keys - {"answer", "is", "has_any", "has_any_in", "always", "registered",
                             "answered", "all", "any"})
    detail = f"unknown key '{unknown[0]}'" if unknown else f"keys {sorted(keys)} do not fit"
    context.fail(key, f"{detail}; a condition is one of: {FORMS}")


def _parse_flag(raw: dict, key: str, context: ParseContext) -> Condition:
    (name, value), = raw.items()
    if value is not True:
        context.fail(f"{key}.{name}", f"'{name}' takes only the value true")
    if name == "always":
        return Always()
    if context.registered is None:
        context.fail(f"{key}.registered", "no [registered] table defines registration")
    return context.registered


def _parse_group(raw: dict, key: str, context: ParseContext) -> Condition:
    (name, parts), = raw.items()
    if not isinstance(parts, list) or not parts:
        context.fail(f"{key}.{name}", "must be a non-empty list of conditions")
    parsed = tuple(parse(part, f"{key}.{name}[{index}]", context)
                   for index, part in enumerate(parts))
    return All(parsed) if name == "all" else AnyOf(parsed)


def _parse_answer(raw: dict, key: str, context: ParseContext) -> Condition:
    question = _question(raw["answer"], f"{key}.answer", context)
    if "has_any_in" in raw:
        name = raw["has_any_in"]
        if not isinstance(name, str) or name not in context.option_sets:
            context.fail(f"{key}.has_any_in", f"unknown option set {name!r}")
        owner, options = context.option_sets[name]
        if owner != question.id:
            context.fail(f"{key}.has_any_in",
                         f"option set '{name}' belongs to '{owner}', not '{question.id}'")
        operator = "has_any"
    else:
        operator = "is" if "is" in raw else "has_any"
        options = _options(raw[operator], f"{key}.{operator}", question, context)
        name = None
    if operator == "is" and question.multi:
        context.fail(f"{key}.is", f"'{question.id}' is a multi-choice question: use has_any")
    if operator == "has_any" and not question.multi:
        context.fail(f"{key}.{'has_any_in' if name else 'has_any'}",
                     f"'{question.id}' is a single-choice question: use is")
    if operator == "is":
        return Is(question.id, options)
    return HasAny(question.id, options, name)


def _question(value: object, key: str, context: ParseContext) -> Question:
    if not isinstance(value, str) or value not in context.questions:
        context.fail(key, f"unknown question {value!r}")
    return context.questions[value]


def _options(value: object, key: str, question: Question,
             context: ParseContext) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        context.fail(key, "must be a non-empty list of option ids")
    for index, option in enumerate(value):
        if not isinstance(option, str) or option not in question.option_index:
            context.fail(f"{key}[{index}]",
                         f"unknown option {option!r} for question '{question.id}'")
    return tuple(value)
