"""Realistic applicants as data files (tests/scenarios/*.json): answers in, and the outcome,
evidence statuses, notices and missing questions expected, derived by hand from the
specification."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.assessing import evaluate

SCENARIO_DIR = Path(__file__).parent / "scenarios"
SCENARIOS = sorted(SCENARIO_DIR.glob("*.json"))
INSPECTORATES = ("CQC", "HIW", "HIS", "RQIA")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_scenarios_cover_many_applicants() -> None:
    scenarios = [load(path) for path in SCENARIOS]
    assert len(scenarios) >= 25
    assert {s["answers"]["nation"] for s in scenarios if "nation" in s["answers"]} == {
        "england", "wales", "scotland", "northern-ireland"}
    assert len({s["answers"].get("profession") for s in scenarios} - {None}) >= 10
    assert {s["expected"]["outcome"] for s in scenarios} == {
        "ready", "gaps", "blocked", "incomplete"}


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_scenario(path: Path) -> None:
    scenario = load(path)
    expected = scenario["expected"]
    result = evaluate(scenario["answers"])
    assert result["outcome"] == expected["outcome"]
    assert [(e["id"], e["status"]) for e in result["evidence"]] == list(
        expected["evidence"].items())
    assert [notice["id"] for notice in result["notices"]] == expected["notices"]
    assert result["missing"] == expected["missing"]
    if expected["inspectorate"] is None:
        assert result["context"] is None
    else:
        found = [name for name in INSPECTORATES if f"({name})" in result["context"]["inspectorate"]]
        assert found == [expected["inspectorate"]]
