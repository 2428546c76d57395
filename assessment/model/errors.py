"""The two kinds of error the package raises: a mistake in the rules data, a bad answer
(whose message is a text of the words' errors section: `answer_error`)."""

from __future__ import annotations

from collections.abc import Collection

from .words import Words


class RulesError(Exception):
    """A mistake in a rules data file, naming the file and the key that holds it.

    Its message reads like
    ``assessment/rules/evidence.toml: evidence.irmer-training.sources[0]: unknown source 'foo'``.
    """

    def __init__(self, file: str, key: str | None, message: str) -> None:
        self.file = file
        self.key = key
        self.message = message
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {message}")


class AnswerError(ValueError):
    """Answers that are not well formed: the key of the bad answer (if any) and what is wrong."""

    def __init__(self, key: str | None, message: str) -> None:
        self.key = key
        self.message = message
        super().__init__(f"{key}: {message}" if key else message)


def answer_error(words: Words, key: str | None, said: str, **fields: str) -> AnswerError:
    """A bad answer at `key`, said by the errors section's text `said` with its `fields`."""
    return AnswerError(key, words.text("errors", said, **fields))


def too_long(words: Words, key: str, value: str, limit: int) -> AnswerError:
    """A text at `key` over `limit` characters."""
    return answer_error(words, key, "field.too_long", length=str(len(value)), max=str(limit))


def not_a_row(words: Words, key: str, rows: Collection[str]) -> AnswerError:
    """A scope row at `key` that is not one of `rows`, the identities of this table's rows."""
    known = ", ".join(rows) or words.text("errors", "field.no_rows")
    return answer_error(words, key, "field.not_a_row", rows=known)
