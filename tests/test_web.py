"""The web page's calls into Python: forgiving about what arrives, faithful to the engine and
to the command line's checklists."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from assessment.engine import evaluate
from assessment.loader import load_rules
from assessment.report import render_markdown, render_text
from assessment.web import page_view_json, take_away_json, usable_answers

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.json"))
TODAY = datetime.date(2026, 11, 28)


def test_only_known_questions_and_options_reach_the_engine() -> None:
    rules = load_rules()
    raw = {
        "nation": "wales",
        "profession": ["nurse"],  # a list for a single-choice question: dropped
        "modalities": ["xray", "pet", "xray", 3, None],  # unknown, repeated, wrong types
        "patients": "adults",  # a string for a multi question: kept as one option
        "colour": "blue",
        "settings": [],
    }
    assert usable_answers(raw, rules) == {
        "nation": "wales",
        "modalities": ["xray"],
        "patients": ["adults"],
    }
    assert usable_answers(["nation", "wales"], rules) == {}


@pytest.mark.parametrize("bad", ["", "not json", "[1, 2]", "null", '{"nation": {"x": 1}}'])
def test_bad_input_gives_an_empty_result_never_an_exception(bad: str) -> None:
    view = json.loads(page_view_json(bad, "not a date"))
    assert view["result"]["outcome"] == "incomplete"
    assert view["result"]["missing"][:2] == ["nation", "profession"]


@pytest.mark.parametrize("path", SCENARIOS[:8], ids=[path.stem for path in SCENARIOS[:8]])
def test_the_view_is_the_engines_result_and_the_take_away_the_clis(path: Path) -> None:
    answers = json.loads(path.read_text(encoding="utf-8"))["answers"]
    view = json.loads(page_view_json(json.dumps(answers), TODAY.isoformat()))
    result = evaluate(answers)
    assert view["result"] == json.loads(json.dumps(result))
    shown = [item["id"] for _, items in view["checklist"]["groups"] for item in items]
    assert sorted(shown) == sorted(item["id"] for item in result["evidence"])
    assert view["checklist"]["outcome"] == result["outcome"]
    assert view["checklist"]["outcome_sentence"] in view["announcement"]
    site = "https://example.org/referrers/"
    take_away = json.loads(take_away_json(json.dumps(answers), TODAY.isoformat(), site))
    assert take_away["markdown"] == render_markdown(result, answers, site_url=site, today=TODAY)
    assert take_away["text"] == render_text(result, answers, site_url=site, today=TODAY)
