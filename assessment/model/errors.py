"""The two kinds of error the package raises: a mistake in the rules data, a bad answer."""

from __future__ import annotations


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
