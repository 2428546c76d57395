"""Properties over many answer combinations (hypothesis): the invariants of the
specification, and agreement with the tests' own reading of its tables (tests/spec_reading.py),
written independently of the engine."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.reading.loader import load_rules
from assessment.renderers.result_json import json_document
from tests import spec_reading
from tests.assessing import asked_questions, evaluate

RULES = load_rules()
EVIDENCE_IDS = [item.id for item in RULES.evidence]
# No example database: nothing is written into the working tree.
ORACLE_SETTINGS = settings(max_examples=400, deadline=None, database=None)
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, database=None)


def answer_for(question) -> st.SearchStrategy:
    ids = [option.id for option in question.options]
    if question.multi:
        return st.lists(st.sampled_from(ids), max_size=len(ids) + 1)  # repeats and []
    return st.sampled_from(ids)


@st.composite
def answer_sets(draw) -> dict:
    answers = {}
    for question in RULES.questions:
        if draw(st.integers(0, 4)):  # mostly answered, sometimes not
            answers[question.id] = draw(answer_for(question))
    return answers


@ORACLE_SETTINGS
@given(answer_sets())
def test_engine_agrees_with_the_specifications_tables(answers) -> None:
    result = evaluate(answers)
    outcome, rows, notices, missing = spec_reading.evaluation(answers)
    assert [(e["id"], e["status"]) for e in result["evidence"]] == rows
    assert result["outcome"] == outcome
    assert [notice["id"] for notice in result["notices"]] == notices
    assert result["missing"] == missing


@PROPERTY_SETTINGS
@given(answer_sets())
def test_invariants(answers) -> None:
    result = evaluate(answers)
    found = [entry["status"] for entry in result["evidence"]]
    asked = asked_questions(answers)
    blocked = answers.get("profession") == "not-registered"

    assert (result["outcome"] == "blocked") == blocked
    if result["outcome"] == "ready":
        assert not set(found) & {"gap", "partial", "unknown"}
    assert (result["outcome"] == "incomplete") == (not blocked and bool(result["missing"]))
    assert set(result["missing"]) <= set(asked)
    assert (result["context"] is None) == ("nation" not in answers)
    ids = [entry["id"] for entry in result["evidence"]]
    assert ids == [item for item in EVIDENCE_IDS if item in ids]  # the table's order
    if blocked:
        assert ids == ["registration"]


@PROPERTY_SETTINGS
@given(answer_sets())
def test_every_applicable_item_explains_itself_with_the_answers(answers) -> None:
    labels = {option.label for question in RULES.questions if question.id in answers
              for option in question.options
              if option.id in (answers[question.id] if question.multi
                               else [answers[question.id]])}
    for entry in evaluate(answers)["evidence"]:
        assert entry["why"] and all(sentence.strip() for sentence in entry["why"])
        why = " ".join(entry["why"])
        assert "registered" in why or any(f"“{label}”" in why for label in labels), entry


@PROPERTY_SETTINGS
@given(answer_sets(), st.randoms(use_true_random=False))
def test_same_answers_same_output_whatever_the_key_order(answers, random) -> None:
    result = evaluate(answers)
    first = json_document(result)
    assert first == json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    items = list(answers.items())
    random.shuffle(items)
    assert json_document(evaluate(dict(items))) == first
    assert json_document(evaluate(answers)) == first


@PROPERTY_SETTINGS
@given(answer_sets())
def test_answers_to_unasked_questions_change_nothing(answers) -> None:
    asked = set(asked_questions(answers))
    only_asked = {question: value for question, value in answers.items() if question in asked}
    assert evaluate(only_asked) == evaluate(answers)
    assert asked_questions(only_asked) == asked_questions(answers)
