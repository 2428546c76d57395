"""The decision's calendar (renderers/decision_calendar.py), on the record of
tests/test_decision_record.py: read back by the `icalendar` library and by ical.js, the dates
given, the same bytes twice, no registration number, note, address or reasons, and hostile
text kept as text. The command line's `--decision --format ics` is tests/test_cli_decision.py's."""

from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path

import icalendar
import pytest

from assessment.web import decision_calendar
from tests.test_decision_record import ANSWERS, APP, RECORD, TODAY


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
    assert all(str(event["UID"]).startswith(APP) for event in events)
    # Never the registration number, a note, the workplace or the reasons.
    for secret in (b"CH12345", b"HCPC register", b"CT for adults only", b"Main Street"):
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
    assert events[1]["summary"].startswith("Condition due: Audit of ten requests")
    assert events[0]["description"] == f"Application reference {APP}\nApplicant: Ada Lovelace"
