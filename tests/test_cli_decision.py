"""The command line's `--decision FILE` (with `--answers`, `--format docx|ics`, `--output`):
the same bytes as the review page's calls, checked as strictly as `--answers` (exit 2, one
line naming the file and key, nothing written)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assessment.cli import main
from assessment.web import decision_calendar, decision_record
from tests.test_decision_record import ANSWERS, RECORD, TODAY


def run(tmp_path: Path, record: object, fmt: str, *extra: str) -> tuple[int, str, Path]:
    (tmp_path / "answers.json").write_text(json.dumps(ANSWERS))
    (tmp_path / "decision.json").write_text(json.dumps(record))
    out = tmp_path / f"out.{fmt}"
    stderr = io.StringIO()
    status = main(["--answers", str(tmp_path / "answers.json"), "--decision",
                   str(tmp_path / "decision.json"), "--format", fmt, "--output", str(out),
                   "--date", TODAY, *extra], stdout=io.StringIO(), stderr=stderr)
    return status, stderr.getvalue(), out


@pytest.mark.parametrize(("fmt", "call"), [("docx", decision_record), ("ics", decision_calendar)])
def test_the_command_line_writes_the_pages_bytes(tmp_path: Path, fmt: str, call: object) -> None:
    status, errors, out = run(tmp_path, RECORD, fmt)
    assert (status, errors) == (0, "")
    assert out.read_bytes() == call(json.dumps(ANSWERS), TODAY, json.dumps(RECORD))  # type: ignore[operator]


@pytest.mark.parametrize(("change", "key"), [
    ({"app": "short"}, "app"),
    ({"outcome": "maybe"}, "outcome"),
    ({"outcome": "decline", "reasons": ""}, "reasons"),
    ({"scope": {"ct:adults": {"approved": "no"}}}, "scope"),
    ({"scope": {"mri:children": {"approved": "yes"}}}, "scope.mri:children"),
    ({"items": {"no-such-item": {"seen": True}}}, "items.no-such-item"),
    ({"needed": ["no-such-item"]}, "needed[0]"),
    ({"review": "2027-13-01"}, "review"),
    ({"conditions": [{"text": "x", "due": "soon"}]}, "conditions[0].due"),
    ({"applicant": {"email": "a@b"}}, "applicant.email"),
    ({"colour": "blue"}, "colour"),
])
@pytest.mark.parametrize("fmt", ["docx", "ics"])
def test_a_bad_decision_is_exit_2_naming_the_file_and_key(tmp_path: Path, change: dict,
                                                          key: str, fmt: str) -> None:
    record = {**RECORD, **change}
    if not change.get("reasons", True):
        del record["reasons"]
    status, errors, out = run(tmp_path, record, fmt)
    assert status == 2 and not out.exists()
    assert errors.count("\n") == 1 and "decision.json" in errors and key in errors


def test_app_and_outcome_are_required_and_other_formats_refused(tmp_path: Path) -> None:
    for missing in ("app", "outcome"):
        status, errors, out = run(tmp_path, {k: v for k, v in RECORD.items() if k != missing},
                                  "ics")
        assert status == 2 and missing in errors and not out.exists()
    status, errors, out = run(tmp_path, RECORD, "markdown")
    assert status == 2 and "--decision" in errors and not out.exists()
