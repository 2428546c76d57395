"""The command line: `python -m assessment [--answers FILE] [--format json|markdown|text]`.

With `--answers` it reads a JSON answers file, checks every key strictly and prints the
result; without it, it asks the questions in the terminal first. Exit status: 0 for any
evaluated result (`blocked` included), 2 for bad input (one line on stderr naming the file
and key, nothing on stdout), 130 when interrupted, 1 if the rules data itself is broken.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Sequence
from typing import IO, Any, NoReturn

from .answers import check_answers, settled_answers
from .checklist import checklist_for
from .engine import evaluate_settled
from .errors import AnswerError, RulesError
from .interactive import ask_all
from .loader import Rules, load_rules
from .report import markdown, render_json, text

PROGRAM = "python -m assessment"


class InputError(Exception):
    """Bad input: the one line to print on stderr."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is reported on one line (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROGRAM}: error: {message} (see {PROGRAM} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The command's arguments."""
    parser = _Parser(
        prog=PROGRAM,
        description="Which evidence does your application for imaging referrer entitlement "
                    "need, and which of it do you hold? Without --answers, the questions are "
                    "asked in the terminal.",
        epilog="Exit status: 0 for any result (blocked included); 2 for bad input, with one "
               "line on stderr naming the file and key; 130 if interrupted; 1 if the rules "
               "data is broken.",
    )
    parser.add_argument("--answers", metavar="FILE",
                        help="a JSON file mapping question ids to option ids (a list of "
                             "option ids for a multi-choice question)")
    parser.add_argument("--format", choices=("json", "markdown", "text"), default="text",
                        help="how to print the result (default: text)")
    parser.add_argument("--site-url", metavar="URL", default=None,
                        help="the guidance site's address, to make links absolute "
                             "(default: the SITE_URL environment variable, if set)")
    parser.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD",
                        help="the date printed on the checklist (default: today)")
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: IO[str] | None = None,
         stdout: IO[str] | None = None, stderr: IO[str] | None = None,
         environ: dict[str, str] | None = None) -> int:
    """Run the command; returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    environ = dict(os.environ) if environ is None else environ
    options = build_parser().parse_args(argv)
    try:
        rules = load_rules()
    except RulesError as error:
        stderr.write(f"{PROGRAM}: the rules data is broken: {error}\n")
        return 1
    try:
        if options.answers is not None:
            answers = read_answers(options.answers, rules)
        else:
            answers, _ = ask_all(rules, stdin.readline, stderr.write)
            stderr.write("\nYour answers as JSON (save them in a file to use --answers):\n"
                         f"{json.dumps(answers, ensure_ascii=False)}\n\n")
    except InputError as error:
        stderr.write(f"{PROGRAM}: error: {error}\n")
        return 2
    except KeyboardInterrupt:
        stderr.write("\nStopped: no result was printed.\n")
        return 130
    site_url = options.site_url if options.site_url is not None else environ.get("SITE_URL")
    stdout.write(render(answers, rules, options.format, site_url or None,
                        options.date or datetime.date.today()))
    return 0


def render(answers: dict[str, Any], rules: Rules, output: str, site_url: str | None,
           today: datetime.date) -> str:
    """The result for checked answers, in the chosen format (the answers settled once)."""
    settled = settled_answers(answers, rules)
    result = evaluate_settled(settled, rules)
    if output == "json":
        return render_json(result)
    sheet = checklist_for(result, settled, rules, site_url=site_url, today=today)
    return markdown(sheet) if output == "markdown" else text(sheet)


def read_answers(path: str, rules: Rules) -> dict[str, Any]:
    """The checked answers from a JSON file, or InputError naming the file and key."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise InputError(f"{path}: cannot read the answers file: "
                         f"{error.strerror or error}") from None
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_repeated_keys)
    except UnicodeDecodeError:
        raise InputError(f"{path}: the answers file is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: not valid JSON: {error.msg} (line {error.lineno}, "
                         f"column {error.colno})") from None
    except _RepeatedKeyError as error:
        raise InputError(f"{path}: {error.args[0]}: the key is given twice") from None
    try:
        return check_answers(data, rules)
    except AnswerError as error:
        raise InputError(f"{path}: {error}") from None


class _RepeatedKeyError(ValueError):
    """A JSON object with the same key twice: its answer would be ambiguous."""


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _RepeatedKeyError(key)
        result[key] = value
    return result


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None
