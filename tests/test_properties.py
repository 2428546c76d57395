"""Properties over many answer combinations (hypothesis): the invariants of the
specification, and agreement with an independent reading of its tables written here."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.engine import asked_questions, evaluate
from assessment.loader import load_rules
from assessment.report import render_json

RULES = load_rules()
QUESTION_IDS = [question.id for question in RULES.questions]
EVIDENCE_IDS = [item.id for item in RULES.evidence]
IONISING = {"xray", "ct", "fluoroscopy", "nuclear-medicine", "dexa"}
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


def spec_evaluation(answers: dict) -> tuple[str, list[tuple[str, str]], list[str], list[str]]:
    """The outcome, (item, status) pairs, notices and missing questions, as the tables and
    "Evaluation, precisely" of the specification read, written independently of the engine."""
    profession = answers.get("profession")
    registered = profession is not None and profession != "not-registered"

    def answer(question: str) -> object:
        """An answer that counts: None if unanswered (an empty list) or not asked."""
        if not registered and question not in {"nation", "profession"}:
            return None
        value = answers.get(question)
        return (set(value) or None) if isinstance(value, list) else value

    modalities = answer("modalities") or set()
    patients = answer("patients") or set()
    asked = {"irmer_training": bool(modalities & IONISING),
             "paediatric_competence": "children" in patients, "mri_safety": "mri" in modalities}
    missing = [q for q in QUESTION_IDS
               if (q in {"nation", "profession"} or (registered and asked.get(q, True)))
               and answer(q) is None]
    rows = [("registration", "held" if registered else
             ("unknown" if profession is None else "gap"))]
    if registered:
        rows += _spec_registered_rows(answer, modalities, patients)
    notices = {"physician-associate": ["associate-position"],
               "anaesthesia-associate": ["associate-position"],
               "nursing-associate": ["nursing-associate-position"]}.get(profession, [])
    notices = [*notices, "nation-context"] if answers.get("nation") else notices
    found = {status for _, status in rows}
    if profession == "not-registered":
        outcome = "blocked"
    elif missing:
        outcome = "incomplete"
    else:
        outcome = "gaps" if found & {"gap", "partial"} else "ready"
    return outcome, rows, notices, missing


def _spec_registered_rows(answer, modalities: set, patients: set) -> list[tuple[str, str]]:
    """The items that apply to a registered person, in the table's order, with statuses."""

    def status(question: str, held: set[str], partial: frozenset[str] = frozenset(),
               check: frozenset[str] = frozenset()) -> str:
        value = answer(question)
        if value is None:
            return "unknown"
        if value in held:
            return "held"
        if value in partial:
            return "partial"
        return "check" if value in check else "gap"

    rows = [
        ("role-level", status("practice_level", {"enhanced", "advanced", "consultant"},
                              check=frozenset({"other"}))),
        ("service-need", status("service_need", {"yes"}, frozenset({"partly"}))),
        ("scope-of-practice", status("scope_written", {"yes"}, frozenset({"draft"}))),
        ("irmer-training", status("irmer_training", {"current"}, frozenset({"expired"}))),
        ("education", status("education", {"completed"}, frozenset({"in-progress"}))),
        ("competence", status("competence", {"yes"})),
        ("paediatric-competence", status("paediatric_competence", {"yes"})),
        ("supervisor", status("supervisor", {"yes"}, check=frozenset({"independent"}))),
        ("results-management", status("results_plan", {"yes"})),
        ("referral-criteria", status("referral_guidelines", {"yes"})),
        ("pregnancy-enquiry", status("referral_guidelines", {"yes"})),
        ("ct-contrast", status("referral_guidelines", {"yes"})),
        ("mri-safety", status("mri_safety", {"yes"})),
        ("non-ionising", "check"),
        ("each-provider", "check"),
        ("audit", status("audit_plan", {"yes"})),
    ]
    applies = {
        "irmer-training": bool(modalities & IONISING),
        "paediatric-competence": "children" in patients,
        "pregnancy-enquiry": bool(modalities & IONISING),
        "ct-contrast": "ct" in modalities,
        "mri-safety": "mri" in modalities,
        "non-ionising": bool(modalities & {"ultrasound", "mri"}),
        "each-provider": answer("imaging_provider") in {"other-organisation",
                                                       "several-organisations"},
    }
    return [(item, found) for item, found in rows if applies.get(item, True)]


@ORACLE_SETTINGS
@given(answer_sets())
def test_engine_agrees_with_the_specifications_tables(answers) -> None:
    result = evaluate(answers)
    outcome, rows, notices, missing = spec_evaluation(answers)
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
    first = render_json(result)
    assert first == json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    items = list(answers.items())
    random.shuffle(items)
    assert render_json(evaluate(dict(items))) == first
    assert render_json(evaluate(answers)) == first


@PROPERTY_SETTINGS
@given(answer_sets())
def test_answers_to_unasked_questions_change_nothing(answers) -> None:
    asked = set(asked_questions(answers))
    only_asked = {question: value for question, value in answers.items() if question in asked}
    assert evaluate(only_asked) == evaluate(answers)
    assert asked_questions(only_asked) == asked_questions(answers)
