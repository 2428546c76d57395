"""A condition in plain English, as a clause that follows "Asked when" or "Applies when":
the one place the rules' conditions are put into words."""

from __future__ import annotations

from ..model.conditions import All, Always, Answered, AnyOf, Condition, HasAny, Is, Registered
from ..model.phrases import join, quote, quoted_list
from ..model.rules_model import Question, Rules


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


def _labels(question: Question, options: tuple[str, ...]) -> str:
    return quoted_list([question.option(option).label for option in options], "or")


def _part(condition: Condition, rules: Rules) -> str:
    text = describe(condition, rules)
    return f"({text})" if isinstance(condition, All | AnyOf) else text
