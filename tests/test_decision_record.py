"""The reviewer's decision record as a Word document (renderers/decision_record.py): read
back by python-docx and LibreOffice (its calendar is tests/test_decision_calendar.py's, on
this same record); the same inputs give the same bytes; a record of the wrong shape is left
out on the page, never an error; hostile text stays text."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import icalendar
import pytest

from assessment.web import decision_calendar, decision_record, review_view
from tests.libreoffice import pdf_of

ANSWERS = {"nation": "england", "profession": "podiatrist", "practice_level": "advanced",
           "modalities": ["xray", "ct"], "patients": ["adults"]}
APP = "abcdefghjk23"
HOSTILE = "<script>alert(1)</script> & ]]> \x01 é"
RECORD = {
    "app": APP,
    "applicant": {"name": "Ada Lovelace", "regulator": "HCPC", "registration_number": "CH12345",
                  "register_checked": "2026-11-30", "workplace": "Main Street Clinic",
                  "supervisor": "Dr Grace Hopper"},
    "reviewer": {"name": "Mary Somerville", "role": "Radiology service manager"},
    "items": {"registration": {"seen": True, "note": "HCPC register: registered."}},
    "scope": {"ct:adults": {"approved": "narrowed", "text": "CT of the foot and ankle",
                            "exclusions": "No contrast"},
              "xray:adults": {"approved": "no"}},
    "outcome": "entitle", "reasons": "CT for adults only.",
    "start": "2026-12-07", "review": "2027-12-06",
    "conditions": [{"text": "Audit of ten requests", "due": "2027-03-01"},
                   {"text": "Keep a log of requests"}],
}
TODAY = "2026-12-01"


def record_bytes(record: object = RECORD, employer: str = "northumbria") -> bytes:
    return decision_record(json.dumps(ANSWERS), TODAY, json.dumps(record), employer=employer)


def text_of(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def calendar(record: object = RECORD) -> bytes:
    return decision_calendar(json.dumps(ANSWERS), TODAY, json.dumps(record))


def test_the_record_reads_back_with_the_typed_values_the_scope_and_the_outcome() -> None:
    document = docx.Document(io.BytesIO(record_bytes()))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Decision record: application to be entitled to request"
                                    " imaging")
    # Who and what was decided first (a governance file's order), then what it rests on.
    assert [text for style, text in headings if style == "Heading 1"] == [
        "The applicant and the reviewer", "Decision", "Scope of practice", "Evidence seen",
        "The application"]
    people = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows[1:]}
    assert people == {"Applicant's name": "Ada Lovelace", "Regulator": "HCPC",
                      "Registration number": "CH12345",
                      "Date the register was checked": "30 November 2026",
                      "Workplace": "Main Street Clinic", "Supervisor": "Dr Grace Hopper",
                      "Reviewer's name": "Mary Somerville",
                      "Reviewer's role": "Radiology service manager"}
    view = json.loads(review_view(json.dumps(ANSWERS), TODAY, employer="northumbria"))
    def tables(first: str) -> list:
        return [table for table in document.tables if table.rows[0].cells[0].text == first]

    rows = {row.cells[0].text: [cell.text for cell in row.cells]
            for table in tables("Item") for row in table.rows[1:]}
    assert len(rows) == len(view["items"])
    assert rows["Registration with a UK health regulator"][2:] == [
        "Seen", "HCPC register: registered."]
    [scope_table] = tables("Decision on this row")
    scope = [[cell.text for cell in row.cells] for row in scope_table.rows]
    assert [row[:2] for row in scope] == [["Decision on this row", "Kind of imaging"],
                                         ["Not approved", "X-ray"], ["Narrowed", "CT"]]
    assert scope[2][-2:] == ["CT of the foot and ankle", "No contrast"]
    [condition_table] = tables("Condition")
    conditions = [[cell.text for cell in row.cells] for row in condition_table.rows]
    assert conditions[1:] == [["Audit of ten requests", "1 March 2027"],
                              ["Keep a log of requests", "Not set"]]
    text = text_of(record_bytes())
    assert "Outcome: Entitled within the approved scope" in text
    assert "Application reference: abcdefghjk23" in text
    assert "Start date: 7 December 2026" in text and "Review date: 6 December 2027" in text
    assert "The entitlement's scope:" in text and "CT of the foot and ankle" in text
    # Only the outcome's label: never the page's instruction for it.
    assert "Approve or narrow" not in text


@pytest.mark.parametrize(("outcome", "label"), [("entitle", "Entitled within the approved scope"),
                                                ("more-information", "More information needed"),
                                                ("decline", "Declined")])
def test_each_outcome_prints_its_label_only(outcome: str, label: str) -> None:
    text = text_of(record_bytes({**RECORD, "outcome": outcome,
                                 "needed": ["registration"]}))
    assert f"Outcome: {label}" in text
    assert "Still needed from the applicant:" in text


def test_the_same_inputs_give_the_same_bytes() -> None:
    assert record_bytes() == record_bytes()
    assert calendar() == calendar()


@pytest.mark.parametrize("bad", [None, [], "x", {"items": [1], "scope": "all",
                                                   "outcome": "maybe", "reasons": 3},
                                  {"items": {"registration": {"seen": "yes", "note": 5}},
                                   "scope": {"0": True}, "start": "tomorrow"}])
def test_a_record_of_the_wrong_shape_is_left_out(bad: object) -> None:
    text = text_of(record_bytes(bad, employer=""))
    assert "Outcome: Not decided yet" in text
    assert decision_record("not json", "not a date", "not json").startswith(b"PK")


def test_hostile_text_in_every_field_stays_text() -> None:
    hostile = json.loads(json.dumps(RECORD))
    for group in ("applicant", "reviewer"):
        for name in hostile[group]:
            if name != "register_checked":
                hostile[group][name] = HOSTILE
    hostile["reasons"] = HOSTILE
    hostile["conditions"] = [{"text": HOSTILE, "due": "2027-01-01"}]
    hostile["scope"]["ct:adults"] = {"approved": "narrowed", "text": HOSTILE,
                                     "exclusions": HOSTILE}
    text = text_of(record_bytes(hostile))
    assert "<script>alert(1)</script> & ]]> é" in text and "\x01" not in text
    events = icalendar.Calendar.from_ical(calendar(hostile)).walk("VEVENT")
    assert any("<script>" in str(event["SUMMARY"]) for event in events)


@pytest.mark.libreoffice
def test_libreoffice_converts_the_record_to_pdf(tmp_path: Path) -> None:
    data = pdf_of(record_bytes(), tmp_path, "record")
    assert 2 <= len(re.findall(rb"/Type\s*/Page\b", data)) <= 7
    assert b"%PDF" in data[:8]
