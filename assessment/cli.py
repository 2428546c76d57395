"""The command line: `python -m assessment [--answers FILE] [--employer ID]
[--format json|markdown|text|docx|ics] [--output FILE] [--details FILE] [--decision FILE]
[--name TEXT] [--provider TEXT]`, `--list-employers` and `--check-employer FILE`.

With `--answers` it reads a JSON answers file, checks every key strictly and prints the
result; without it, it asks the questions in the terminal first. `--employer` adds an
employer profile's own requirements. `--details` reads what the applicant types on the page
for her application (who she is, where she applies, the application's reference and the
scope detail: `reading.details_reader`), as strictly as the answers. `--output` writes the
result to a file instead (and prints nothing); the Word application pack (`docx`) is only
ever written to a file.
Exit status: 0 for any evaluated result (`blocked` included), 2 for bad input (one line on
stderr naming the file and key, nothing on stdout; an unknown employer id; a profile file
with a mistake; docx without --output; an output file that cannot be written), 130 when
interrupted, 1 if the rules data or the package's employer profiles are broken. What it
says about bad input is the words' errors section (`rules/words/errors.toml`).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import sys
from collections.abc import Sequence
from typing import IO, Any, NoReturn

from .engine.answers import check_answers
from .interactive import ask_all
from .model.decision import read_decision
from .model.details import Details
from .model.errors import AnswerError, RulesError
from .model.rules_model import Employer, Rules
from .model.words import Words
from .reading.details_reader import read_details
from .reading.employer_profiles import load_employers, read_profile
from .reading.loader import load_rules
from .renderers.checklists import markdown, text
from .renderers.decision_calendar import calendar_ics
from .renderers.decision_record import decision_record
from .renderers.pack import application_pack
from .renderers.result_json import render_json
from .views.assess import assess
from .views.decision_keys import decision_keys

PROGRAM = "python -m assessment"


class InputError(Exception):
    """Bad input: the one line to print on stderr."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is reported on one line (exit status 2), in the words."""

    def __init__(self, words: Words, **settings: Any) -> None:
        super().__init__(**settings)
        self.words = words

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROGRAM}: {_said(self.words, 'line.usage', problem=message)}\n")


def _said(words: Words, said: str, /, **fields: str) -> str:
    """The errors section's text `said` ({program} is this command)."""
    return words.text("errors", said, program=PROGRAM, **fields)


def build_parser(words: Words) -> argparse.ArgumentParser:
    """The command's arguments, described in the terminal words' `help.*`; a usage mistake is
    said in `words`."""
    def helped(key: str) -> str:
        return words.text("terminal", f"help.{key}")

    parser = _Parser(words, prog=PROGRAM, description=helped("description"),
                     epilog=helped("epilog"))
    parser.add_argument("--answers", metavar="FILE", help=helped("answers"))
    parser.add_argument("--format", choices=("json", "markdown", "text", "docx", "ics"),
                        default="text", help=helped("format"))
    parser.add_argument("--decision", metavar="FILE", default=None, help=helped("decision"))
    parser.add_argument("--output", metavar="FILE", default=None, help=helped("output"))
    parser.add_argument("--details", metavar="FILE", default=None, help=helped("details"))
    parser.add_argument("--name", metavar="TEXT", default=None, help=helped("name"))
    parser.add_argument("--provider", metavar="TEXT", default=None, help=helped("provider"))
    parser.add_argument("--site-url", metavar="URL", default=None, help=helped("site_url"))
    parser.add_argument("--date", type=lambda text: _date(text, words), default=None,
                        metavar="YYYY-MM-DD", help=helped("date"))
    parser.add_argument("--employer", metavar="ID", default=None, help=helped("employer"))
    alone = parser.add_mutually_exclusive_group()
    alone.add_argument("--list-employers", action="store_true", help=helped("list_employers"))
    alone.add_argument("--check-employer", metavar="FILE", default=None,
                       help=helped("check_employer"))
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: IO[str] | None = None,
         stdout: IO[str] | None = None, stderr: IO[str] | None = None,
         environ: dict[str, str] | None = None) -> int:
    """Run the command; returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    environ = dict(os.environ) if environ is None else environ
    try:
        rules = load_rules()
    except RulesError as error:
        # Not from the words: they are part of the rules data that could not be read.
        stderr.write(f"{PROGRAM}: the rules data is broken: {error}\n")
        return 1
    words = rules.words
    parser = build_parser(words)
    options = parser.parse_args(argv)
    if (options.list_employers or options.check_employer) and (
            options.answers is not None or options.employer is not None):
        parser.error(_said(words, "usage.alone"))
    alone = options.list_employers or options.check_employer is not None
    problem = _usage_problem(options, alone)
    if problem:
        stderr.write(f"{PROGRAM}: {_said(words, 'line.error', problem=_said(words, problem))}\n")
        return 2
    status, employer = _employer_options(options, rules, stdout, stderr)
    if status is not None:
        return status
    try:
        if options.answers is not None:
            answers = read_answers(options.answers, rules)
        else:
            answers, _ = ask_all(rules, stdin.readline, stderr.write)
            stderr.write(f"\n{words.text('terminal', 'answers_json')}\n"
                         f"{json.dumps(answers, ensure_ascii=False)}\n\n")
        today = options.date or datetime.date.today()
        made = (None if options.decision is None
                else _decision_file(options, answers, rules, today, employer))
        details = _details(options, answers, rules, today, employer)
    except InputError as error:
        stderr.write(f"{PROGRAM}: {_said(words, 'line.error', problem=str(error))}\n")
        return 2
    except KeyboardInterrupt:
        stderr.write(f"\n{_said(words, 'line.stopped')}\n")
        return 130
    site_url = options.site_url if options.site_url is not None else environ.get("SITE_URL")
    output = made if made is not None else render(
        answers, rules, options.format, site_url or None, today, employer=employer,
        details=details)
    return deliver(output, options.output, stdout, stderr, words)


def _details(options: argparse.Namespace, answers: dict[str, Any], rules: Rules,
             today: datetime.date, employer: Employer | None) -> Details:
    """The typed details from `--details` (checked against the scope rows these answers
    make) and the `--name` and `--provider` shorthands; InputError for a value given both
    ways or a bad file."""
    details = Details()
    if options.details is not None:
        data = _read_json(options.details, "details", rules.words)
        view = assess(answers, rules, today=today, employer=employer)
        rows = [row["id"] for row in view.scope.rows] if view.scope else []
        try:
            details = read_details(data, rows, rules.words)
        except AnswerError as error:
            raise InputError(f"{options.details}: {error}") from None
        for shorthand in ("name", "provider"):
            if getattr(options, shorthand) is not None and shorthand in data:
                raise InputError(_said(rules.words, "file.both_ways", path=options.details,
                                       key=shorthand, option=f"--{shorthand}"))
    return dataclasses.replace(
        details, name=details.name if options.name is None else options.name,
        provider=details.provider if options.provider is None else options.provider)


def _decision_file(options: argparse.Namespace, answers: dict[str, Any], rules: Rules,
                   today: datetime.date, employer: Employer | None) -> bytes:
    """The decision record (.docx) or its calendar (.ics) from `--decision`, checked
    strictly against the rows and items these answers give; InputError names the file and
    key."""
    data = _read_json(options.decision, "decision", rules.words)
    view = assess(answers, rules, today=today, employer=employer, audience="reviewer")
    rows, items = decision_keys(view)
    try:
        decision = read_decision(data, rows=rows, items=items, strict=True, words=rules.words)
    except AnswerError as error:
        raise InputError(f"{options.decision}: {error}") from None
    if options.format == "ics":
        return calendar_ics(view, decision, today)
    return decision_record(view, decision, today)


def _decision_problem(options: argparse.Namespace) -> str | None:
    """What is wrong with `--decision` and `--format ics` as given (its errors key), or None."""
    if options.decision is not None:
        if options.answers is None or options.format not in ("docx", "ics"):
            return "usage.decision_needs"
        if options.details is not None:
            return "usage.decision_no_details"
    elif options.format == "ics":
        return "usage.ics_needs_decision"
    if options.format == "ics" and options.output is None:
        return "usage.ics_needs_output"
    return None


def _usage_problem(options: argparse.Namespace, alone: bool) -> str | None:
    """What is wrong with this combination of options (its errors key), or None."""
    decision = _decision_problem(options)
    if decision:
        return decision
    if options.details is not None and options.format == "json":
        return "usage.details_on_documents"
    if options.format == "docx" and options.output is None and not alone:
        return "usage.docx_needs_output"
    return None


def deliver(output: str | bytes, path: str | None, stdout: IO[str], stderr: IO[str],
            words: Words) -> int:
    """Print the result, or write it to `path` (text as UTF-8) and print nothing; 2 with one
    line on stderr (said in `words`) if the file cannot be written."""
    if path is None:
        stdout.write(output.decode("utf-8") if isinstance(output, bytes) else output)
        return 0
    try:
        with open(path, "wb") as handle:
            handle.write(output if isinstance(output, bytes) else output.encode("utf-8"))
    except OSError as error:
        problem = _said(words, "file.unwritable", path=path, reason=str(error.strerror or error))
        stderr.write(f"{PROGRAM}: {_said(words, 'line.error', problem=problem)}\n")
        return 2
    return 0


def _employer_options(options: argparse.Namespace, rules: Rules, stdout: IO[str],
                      stderr: IO[str]) -> tuple[int | None, Employer | None]:
    """--check-employer, --list-employers and --employer: the exit status if the command is
    done (or failed), otherwise None and the chosen employer's profile (None if none)."""
    if options.check_employer is not None:
        return check_employer(options.check_employer, rules, stdout, stderr), None
    if not options.list_employers and options.employer is None:
        return None, None
    try:
        employers = load_employers(rules=rules)
    except RulesError as error:
        stderr.write(f"{PROGRAM}: {_said(rules.words, 'line.broken_profiles', error=str(error))}\n")
        return 1, None
    if options.list_employers:
        stdout.writelines(f"{employer.id}\t{employer.name}\t{employer.nation}\t"
                          f"{employer.checked.isoformat()}\n" for employer in employers.values())
        return 0, None
    employer = employers.get(options.employer)
    if employer is None:
        problem = _said(rules.words, "usage.unknown_employer", employer=repr(options.employer))
        stderr.write(f"{PROGRAM}: {_said(rules.words, 'line.error', problem=problem)}\n")
        return 2, None
    return None, employer


def check_employer(path: str, rules: Rules, stdout: IO[str], stderr: IO[str]) -> int:
    """Check one profile file: one line on stdout and 0 if it is good, one line on stderr
    naming the file and the key of the first mistake and 2 if not."""
    try:
        employer = read_profile(path, rules)
    except RulesError as error:
        problem = str(error)
    except OSError as error:
        problem = _said(rules.words, "file.profile_unreadable", path=path,
                        reason=str(error.strerror or error))
    else:
        problem = ""
    if problem:
        stderr.write(f"{PROGRAM}: {_said(rules.words, 'line.error', problem=problem)}\n")
        return 2
    count = len(employer.requirements)
    said = rules.words.text("terminal", "checked.one" if count == 1 else "checked.many",
                            path=path, id=employer.id, name=employer.name, count=str(count),
                            date=employer.checked.isoformat())
    stdout.write(f"{said}\n")
    return 0


def render(answers: dict[str, Any], rules: Rules, output: str, site_url: str | None,
           today: datetime.date, *, employer: Employer | None = None, name: str = "",
           provider: str = "", details: Details | None = None) -> str | bytes:
    """The result for checked answers (with an employer's requirements, if given), in the
    chosen format: text, or bytes for the Word pack. The typed `details` (and the `name`
    and `provider` shorthands) are printed on the checklists and the pack, never in the
    JSON."""
    view = assess(answers, rules, today=today, employer=employer, site_url=site_url,
                  name=name, provider=provider, details=details)
    if output == "json":
        return render_json(view.result)
    if output == "docx":
        return application_pack(view)
    return markdown(view) if output == "markdown" else text(view)


def _read_json(path: str, kind: str, words: Words) -> Any:
    """A JSON file's data, or InputError naming the file (and a repeated key); `kind` is
    the file's name in the errors section's `kind.*`."""
    named = words.text("errors", f"kind.{kind}")
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise InputError(_said(words, "file.unreadable", path=path, kind=named,
                               reason=str(error.strerror or error))) from None
    try:
        return json.loads(raw.decode("utf-8"), object_pairs_hook=_no_repeated_keys)
    except UnicodeDecodeError:
        raise InputError(_said(words, "file.not_utf8", path=path, kind=named)) from None
    except json.JSONDecodeError as error:
        raise InputError(_said(words, "file.not_json", path=path, problem=error.msg,
                               line=str(error.lineno), column=str(error.colno))) from None
    except _RepeatedKeyError as error:
        raise InputError(_said(words, "file.repeated", path=path,
                               key=str(error.args[0]))) from None


def read_answers(path: str, rules: Rules) -> dict[str, Any]:
    """The checked answers from a JSON file, or InputError naming the file and key."""
    data = _read_json(path, "answers", rules.words)
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


def _date(text: str, words: Words) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_said(words, "usage.date", value=repr(text))) from None
