"""The web page's calls into Python: forgiving about what arrives, faithful to the engine and
to the command line's checklists."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import load_rules
from assessment.renderers.checklists import markdown, text
from assessment.renderers.pack import application_pack
from assessment.web import pack, page_view, review_view, take_away, usable_answers
from tests.assessing import evaluate, markdown_of, text_of, view_of

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
    view = json.loads(page_view(bad, "not a date"))
    assert view["result_view"]["outcome"] == "incomplete"
    assert [question["id"] for question in view["result_view"]["missing"]][:2] == [
        "nation", "profession"]


@pytest.mark.parametrize("path", SCENARIOS[:8], ids=[path.stem for path in SCENARIOS[:8]])
def test_the_view_is_the_engines_result_and_the_take_away_the_clis(path: Path) -> None:
    answers = json.loads(path.read_text(encoding="utf-8"))["answers"]
    view = json.loads(page_view(json.dumps(answers), TODAY.isoformat()))
    result = evaluate(answers)
    # The view carries what the page needs of the result, ids beside texts, and not the
    # whole result beside it.
    assert "result" not in view and view["rules_version"] == result["rules_version"]
    shown = {item["id"]: item["status"]
             for _, items in view["result_view"]["groups"] for item in items}
    assert shown == {item["id"]: item["status"] for item in result["evidence"]}
    checklist = view["result_view"]
    assert [(n["id"], n["text"]) for n in checklist["notices"]] == [
        (n["id"], n["text"]) for n in result["notices"]]
    assert [question["id"] for question in checklist["missing"]] == result["missing"]
    assert view["result_view"]["outcome"] == result["outcome"]
    assert view["result_view"]["outcome_sentence"] in view["announcement"]
    site = "https://example.org/referrers/"
    take_aways = json.loads(take_away(json.dumps(answers), TODAY.isoformat(), site))
    assert take_aways["markdown"] == markdown_of(answers, site_url=site, today=TODAY)
    assert take_aways["text"] == text_of(answers, site_url=site, today=TODAY)


# ---------------------------------------------------------------- the reviewer's checklist


@pytest.mark.parametrize("path", SCENARIOS[:8], ids=lambda path: path.stem)
@pytest.mark.parametrize("employer", [None, "northumbria", "somerset"])
def test_the_review_lists_the_engines_items(path: Path, employer: str | None) -> None:
    """Every applicable item once: the national evidence, then the employer's requirements,
    each with what to ask the applicant for and the applicant's own status, as the engine
    says."""
    answers = json.loads(path.read_text())["answers"]
    profile = load_employers(load_rules())[employer] if employer else None
    result = evaluate(answers, load_rules(), profile)
    view = json.loads(review_view(json.dumps(answers), TODAY.isoformat(), employer=employer or ""))
    national = [item for item in view["items"] if item["kind"] == "national"]
    local = [item for item in view["items"] if item["kind"] == "local"]
    assert sorted(item["id"] for item in national) == sorted(e["id"] for e in result["evidence"])
    assert [item["id"] for item in local] == [entry["id"] for entry in result["local"]]
    statuses = {entry["id"]: entry["status"] for entry in [*result["evidence"], *result["local"]]}
    for item in view["items"]:
        assert item["status"] == statuses[item["id"]] and item["status_label"] and item["ask"]
    assert view["outcome"] == result["outcome"]
    assert (view["employer"] or {}).get("id") == employer


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda path: path.stem)
def test_the_review_speaks_to_the_reviewer(path: Path) -> None:
    """Each national item asks the applicant for something, or says what the reviewer
    confirms (the employer's own checks), and never asks to "see" what no one can see."""
    answers = json.loads(path.read_text())["answers"]
    view = json.loads(review_view(json.dumps(answers), TODAY.isoformat()))
    for item in view["items"]:
        assert item["ask"].startswith(("Ask the applicant ", "Confirm: ")), item["id"]
        assert not re.search(r"\bsee\b", item["ask"]), item["id"]


def test_registration_says_how_to_verify_it_on_the_public_registers() -> None:
    view = json.loads(review_view('{"nation": "england", "profession": "nurse"}',
                                  TODAY.isoformat()))
    registration = next(item for item in view["items"] if item["id"] == "registration")
    assert "public register" in registration["verify"]
    urls = [url for _, url in registration["verify_sources"]]
    assert "https://www.nmc.org.uk/registration/search-the-register/" in urls
    assert all(url.startswith("https://") for url in urls)
    # Only items with a public check say how to verify them; the rest leave it out.
    assert all(item["verify"] is None for item in view["items"] if item["id"] != "registration")


@pytest.mark.parametrize("employer", ["no-such-employer", "", "../rules"])
def test_an_unknown_employer_is_left_out_of_the_review(employer: str) -> None:
    view = json.loads(review_view('{"nation": "england"}', "bad date", employer=employer))
    assert view["employer"] is None
    assert all(item["kind"] == "national" for item in view["items"])


# The chosen employer (issue 16) and the Word pack (issue 17) -------------------------------

EMPLOYER_CASES = [("wales-childrens-anp", "somerset"),
                  ("england-gp-practice-paramedic", "northumbria"),
                  ("england-dietitian-dexa", "cobalt-health"),
                  ("england-theatre-odp-partly-answered", "dorset-county-hospital")]


def _answers(stem: str) -> dict:
    return json.loads((Path(__file__).parent / "scenarios" / f"{stem}.json")
                      .read_text(encoding="utf-8"))["answers"]


@pytest.mark.parametrize(("stem", "employer"), EMPLOYER_CASES)
def test_the_view_with_an_employer_is_the_engines(stem: str, employer: str) -> None:
    answers = _answers(stem)
    profile = load_employers(load_rules())[employer]
    result = evaluate(answers, load_rules(), profile)
    view = json.loads(page_view(json.dumps(answers), TODAY.isoformat(), employer=employer))
    checklist = view["result_view"]
    assert [(item["id"], item["status"]) for item in checklist["employer"]["items"]] == [
        (item["id"], item["status"]) for item in result["local"]]
    assert checklist["outcome"] == result["outcome"]
    assert view["employer_counts"].startswith("Requirements that apply to you:")
    national = json.loads(page_view(json.dumps(answers), TODAY.isoformat()))["result_view"]
    assert checklist["groups"] == national["groups"] and checklist["notices"] == national["notices"]
    assert national["employer"] is None


def test_an_unknown_or_unlisted_employer_is_the_national_picture() -> None:
    answers = json.dumps(_answers("wales-childrens-anp"))
    plain_view = json.loads(page_view(answers, TODAY.isoformat()))
    for employer in ("not-listed", "nope", ""):
        assert json.loads(page_view(answers, TODAY.isoformat(), employer=employer)) == plain_view


@pytest.mark.parametrize(("stem", "employer"), EMPLOYER_CASES[:2])
def test_the_take_aways_and_pack_are_the_clis(stem: str, employer: str) -> None:
    answers = _answers(stem)
    rules = load_rules()
    profile = load_employers(load_rules())[employer]
    site = "http://127.0.0.1:8000/"
    view = view_of(answers, rules, site_url=site, today=TODAY, employer=profile,
                   name="A N Other", provider="Imaging & Co")
    take_aways = json.loads(take_away(json.dumps(answers), TODAY.isoformat(), site,
                                      employer=employer, name="A N Other",
                                      provider="Imaging & Co"))
    assert take_aways == {"markdown": markdown(view), "text": text(view)}
    assert pack(json.dumps(answers), TODAY.isoformat(), site, employer=employer,
                name="A N Other", provider="Imaging & Co") == application_pack(view)
