"""The decision's calendar (renderers/decision_calendar.py) and the command line's
`--decision FILE --format ics`: read back by the `icalendar` library and by ical.js, the
dates given, the same bytes twice and from both faces, no registration number or note, and a
bad decision file is exit 2 naming the file and key with nothing written."""

from __future__ import annotations

import datetime
import io
import json
import subprocess
from pathlib import Path

import icalendar
import pytest

from assessment.cli import main
from assessment.web import decision_calendar

ANSWERS = {"nation": "england", "profession": "podiatrist", "practice_level": "advanced",
           "modalities": ["xray", "ct"], "patients": ["adults"]}
APP = "abcdefghjk23"
RECORD = {
    "app": APP,
    "applicant": {"name": "Ada Lovelace", "registration_number": "CH12345"},
    "items": {"registration": {"seen": True, "note": "HCPC register: registered."}},
    "scope": {"ct:adults": {"approved": "narrowed", "text": "CT of the foot"}},
    "outcome": "entitle", "reasons": "CT for adults only.",
    "start": "2026-12-07", "review": "2027-12-06",
    "conditions": [{"text": "Audit of ten requests", "due": "2027-03-01"},
                   {"text": "Keep a log of requests"}],
}
TODAY = "2026-12-01"


def calendar(record: object = RECORD) -> bytes:
    return decision_calendar(json.dumps(ANSWERS), TODAY, json.dumps(record))


def test_the_calendar_holds_the_review_date_and_each_dated_condition() -> None:
    data = calendar()
    assert data == calendar()
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert [(event["DTSTART"].dt, event["DTEND"].dt) for event in events] == [
        (datetime.date(2027, 12, 6), datetime.date(2027, 12, 7)),
        (datetime.date(2027, 3, 1), datetime.date(2027, 3, 2))]
    assert all(event["DTSTAMP"].dt == datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
               for event in events)
    summaries = [str(event["SUMMARY"]) for event in events]
    assert summaries[0].startswith("Review of the referrer entitlement")
    assert "Audit of ten requests" in summaries[1]
    assert all(APP in summary for summary in summaries)
    assert "Ada Lovelace" in str(events[0]["DESCRIPTION"])
    assert len({str(event["UID"]) for event in events}) == 2
    for secret in (b"CH12345", b"HCPC register", b"CT for adults only"):
        assert secret not in data
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_hostile_text_stays_text_in_the_calendar() -> None:
    hostile = "<script>alert(1)</script>; a, b \\ \x01 é"
    data = calendar({**RECORD, "conditions": [{"text": hostile, "due": "2027-01-01"}]})
    summary = str(icalendar.Calendar.from_ical(data).walk("VEVENT")[1]["SUMMARY"])
    assert "<script>alert(1)</script>; a, b \\ é" in summary and "\x01" not in summary


@pytest.mark.node
def test_ical_js_reads_the_calendar_with_its_dates(tmp_path: Path) -> None:
    path = tmp_path / "decision.ics"
    path.write_bytes(calendar())
    root = Path(__file__).resolve().parent.parent
    events = json.loads(subprocess.run(
        ["node", str(root / "tests" / "node" / "ical_read.mjs"), str(path)], cwd=root,
        check=True, capture_output=True, text=True, timeout=60).stdout)
    assert [(event["start"], event["end"], event["allDay"]) for event in events] == [
        ("2027-12-06", "2027-12-07", True), ("2027-03-01", "2027-03-02", True)]
    assert events[0]["stamp"] == "2026-12-01T00:00:00Z"
    assert events[0]["description"] == f"Application reference {APP}\nApplicant: Ada Lovelace"


def run(tmp_path: Path, record: object, fmt: str = "ics") -> tuple[int, str, Path]:
    (tmp_path / "answers.json").write_text(json.dumps(ANSWERS))
    (tmp_path / "decision.json").write_text(json.dumps(record))
    out = tmp_path / "out.ics"
    stderr = io.StringIO()
    status = main(["--answers", str(tmp_path / "answers.json"), "--decision",
                   str(tmp_path / "decision.json"), "--format", fmt, "--output", str(out),
                   "--date", TODAY], stdout=io.StringIO(), stderr=stderr)
    return status, stderr.getvalue(), out


def test_the_command_line_writes_the_pages_bytes(tmp_path: Path) -> None:
    status, errors, out = run(tmp_path, RECORD)
    assert (status, errors) == (0, "")
    assert out.read_bytes() == calendar()


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
def test_a_bad_decision_is_exit_2_naming_the_file_and_key(tmp_path: Path, change: dict,
                                                          key: str) -> None:
    record = {**RECORD, **change}
    if not change.get("reasons", True):
        del record["reasons"]
    status, errors, out = run(tmp_path, record)
    assert status == 2 and not out.exists()
    assert errors.count("\n") == 1 and "decision.json" in errors and key in errors


def test_app_and_outcome_are_required_and_other_formats_refused(tmp_path: Path) -> None:
    for missing in ("app", "outcome"):
        status, errors, out = run(tmp_path, {k: v for k, v in RECORD.items() if k != missing})
        assert status == 2 and missing in errors and not out.exists()
    status, errors, out = run(tmp_path, RECORD, "markdown")
    assert status == 2 and "--decision" in errors and not out.exists()
