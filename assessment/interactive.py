"""Ask the questions in a terminal, one by one, only those asked given the answers so far.

An answer is an option's number or id (several, separated by commas, for a multi-choice
question). An invalid answer is explained (in the errors section's words, `terminal.*`)
and the question asked again; an empty line skips the question; the end of input stops
the questions and keeps the answers given so far. Questions and prompts go to `output`
(the command line uses stderr), so the result alone is printed to stdout.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from .engine.answers import settle
from .model.conditions import holds
from .model.words import Words
from .reading.loader import Question, Rules


class InvalidAnswerError(ValueError):
    """A typed answer that is not one of the options; its message says what to type."""


def ask_all(rules: Rules, read_line: Callable[[], str],
            write: Callable[[str], object]) -> tuple[dict[str, str | list[str]], bool]:
    """Ask every question that applies. Returns the answers and whether the input ended
    before the last question. KeyboardInterrupt is left to the caller."""
    def say(key: str, **fields: str) -> str:
        return rules.words.text("terminal", key, **fields)

    write(say("intro") + "\n")
    answers: dict[str, str | list[str]] = {}
    number = 0
    for question in rules.questions:
        settled, _ = settle(answers, rules)
        if not holds(question.asked_when, settled):
            continue
        number += 1
        write(_question_block(question, number, rules.words))
        while True:
            write(say("prompt.many" if question.multi else "prompt.one"))
            line = read_line()
            if line == "":
                write(f"\n{say('ended')}\n")
                return answers, True
            try:
                value = parse_answer(question, line, rules.words)
            except InvalidAnswerError as problem:
                write(f"{problem}\n")
                continue
            break
        if value:
            answers[question.id] = value
        else:
            write(f"{say('skipped')}\n")
    return answers, False


def parse_answer(question: Question, line: str, words: Words) -> str | list[str] | None:
    """A typed answer as option ids: None for an empty line; InvalidAnswerError (said in
    `words`) if not valid."""
    tokens = [token.strip() for token in line.strip().split(",")]
    tokens = [token for token in tokens if token]
    if not tokens:
        return None
    if not question.multi and len(tokens) > 1:
        raise InvalidAnswerError(words.text("errors", "terminal.one_only"))
    chosen = [_option_id(question, token, words) for token in tokens]
    if not question.multi:
        return chosen[0]
    return sorted(set(chosen), key=question.option_index.__getitem__)


def _option_id(question: Question, token: str, words: Words) -> str:
    if token.isdigit() and 1 <= int(token) <= len(question.options):
        return question.options[int(token) - 1].id
    if token in question.option_index:
        return token
    raise InvalidAnswerError(words.text("errors", "terminal.not_an_option", answer=token,
                                        count=str(len(question.options)),
                                        example=question.options[0].id))


def _question_block(question: Question, number: int, words: Words) -> str:
    heading = words.text("terminal", "question", number=str(number), text=question.text)
    lines = ["", heading,
             *textwrap.wrap(question.help, 78, initial_indent="  ", subsequent_indent="  ")]
    if question.multi:
        lines.append("  " + words.text("terminal", "choose_many"))
    width = len(str(len(question.options)))
    for index, option in enumerate(question.options, start=1):
        hint = f" ({option.help})" if option.help else ""
        lines.append(f"  {index:>{width}}. {option.label}{hint}  [{option.id}]")
    return "\n".join(lines) + "\n"
