"""The reviewer's decision record as a Word document (assessment/decision_record.py): read
back by python-docx and converted by LibreOffice; the same inputs give the same bytes; a
record of the wrong shape is left out, never an error."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pytest

from assessment.reading.loader import load_rules
from assessment.renderers.decision_record import decisions, usable_record
from assessment.web import decision_record, review_view
from tests.libreoffice import pdf_of

ANSWERS = {"nation": "england", "profession": "podiatrist", "practice_level": "advanced",
           "modalities": ["xray", "ct"], "patients": ["adults"]}
RECORD = {"items": {"registration": {"seen": True, "note": "HCPC register: registered."}},
          "scope": {"1": True}, "decision": "entitle-limits", "reasons": "CT for adults only."}
TODAY = "2026-12-01"
WORDS = load_rules().words
TITLE = WORDS.text("record", "title")


def record_bytes(record: object = RECORD, employer: str = "northumbria") -> bytes:
    return decision_record(json.dumps(ANSWERS), TODAY, json.dumps(record), employer=employer)


def test_the_record_reads_back_with_its_headings_tables_and_the_reviewers_words() -> None:
    document = docx.Document(io.BytesIO(record_bytes()))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", TITLE)
    assert [text for style, text in headings if style == "Heading 1"] == [
        "The application", "Evidence seen", "Scope of practice", "Decision"]
    assert ("Heading 2", "Northumbria Healthcare NHS Foundation Trust") in headings
    view = json.loads(review_view(json.dumps(ANSWERS), TODAY, employer="northumbria"))
    rows = {row.cells[0].text: [cell.text for cell in row.cells]
            for table in document.tables[1:-1] for row in table.rows[1:]}
    assert len(rows) == len(view["items"])
    registration = rows["Registration with a UK health regulator"]
    assert registration[2:] == ["Seen", "HCPC register: registered."]
    assert all(row[2] == "Not seen" for title, row in rows.items() if title != registration[0])
    scope = [[cell.text for cell in row.cells] for row in document.tables[-1].rows]
    assert [row[:2] for row in scope] == [["Approved", "Kind of imaging"],
                                         ["Not approved", "X-ray"], ["Approved", "CT"]]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Decision: Entitle, with limits" in text and "Reasons: CT for adults only." in text
    assert "self-declared by the applicant" in text
    assert "https://www.hcpc-uk.org/check-the-register/" in text


def test_the_same_inputs_give_the_same_bytes() -> None:
    assert record_bytes() == record_bytes()


@pytest.mark.parametrize("bad", [None, [], "x", {"items": [1], "scope": "all",
                                                   "decision": "maybe", "reasons": 3},
                                  {"items": {"registration": {"seen": "yes", "note": 5}}}])
def test_a_record_of_the_wrong_shape_is_left_out(bad: object) -> None:
    assert usable_record(bad)["decision"] == ""
    document = docx.Document(io.BytesIO(record_bytes(bad, employer="")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Decision: Not decided yet" in text
    assert decision_record("not json", "not a date", "not json").startswith(b"PK")


def test_every_decision_has_its_words() -> None:
    for value, label in decisions(WORDS):
        data = record_bytes({**RECORD, "decision": value})
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
        assert f"Decision: {label}" in text


@pytest.mark.libreoffice
def test_libreoffice_converts_the_record_to_pdf(tmp_path: Path) -> None:
    data = pdf_of(record_bytes(), tmp_path, "record")
    assert 2 <= len(re.findall(rb"/Type\s*/Page\b", data)) <= 6
