"""Reading a condition from its TOML table (the forms are listed in `conditions`), checked
against the questions and option sets already read; a mistake fails naming file and key."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NoReturn

from ..model.conditions import All, Always, Answered, AnyOf, Condition, HasAny, Is, Registered
from ..model.rules_model import Question

FORMS = (
    "{ always = true }, { registered = true }, { answered = <question> }, "
    "{ answer = <question>, is | has_any = [<options>] }, "
    "{ answer = <question>, has_any_in = <option set> }, { all | any = [<conditions>] }"
)



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
