"""The engine node by node (when each question is asked, every option accepted, every
invalid answer refused), the precise evaluation rules of the specification, and the
reports built from a result."""

from __future__ import annotations

import copy
import datetime
import json
import re

import pytest

from assessment.engine.answers import AnswerError, check_answers
from assessment.reading.loader import load_rules
from assessment.renderers import result_json
from assessment.renderers.result_json import json_document
from tests import spec_reading
from tests.assessing import (
    asked_questions,
    effective_answers,
    evaluate,
    markdown_of,
    next_step,
    scope_rows,
    text_of,
)

RULES = load_rules()
QUESTION_IDS = [question.id for question in RULES.questions]
TODAY = datetime.date(2025, 1, 20)
ALL_YES = {
    "nation": "england", "profession": "physiotherapist", "practice_level": "advanced",
    "settings": ["outpatient"], "imaging_provider": "same-organisation", "modalities": ["xray"],
    "patients": ["adults"], "scope_written": "yes", "service_need": "yes",
    "irmer_training": "current", "education": "completed", "competence": "yes",
    "supervisor": "yes", "results_plan": "yes", "referral_guidelines": "yes", "audit_plan": "yes",
}


PROBES = [
    {},
    {"nation": "wales"},
    {"profession": "not-registered"},
    {"profession": "not-registered", "modalities": ["ct", "mri"], "patients": ["children"]},
    {"profession": "nurse"},
    {"profession": "nurse", "modalities": []},
    {"profession": "nurse", "modalities": ["ultrasound"]},
    {"profession": "nurse", "modalities": ["mri"], "patients": ["adults"]},
    {"profession": "radiographer", "modalities": ["dexa", "mri"], "patients": ["children"]},
    {"profession": "pharmacist", "modalities": ["xray"], "patients": []},
    {"profession": "osteopath", "modalities": ["ultrasound", "fluoroscopy"],
     "patients": ["adults", "children"]},
]


# Node by node: when each question is asked -------------------------------------------------


@pytest.mark.parametrize("question", QUESTION_IDS)
@pytest.mark.parametrize("probe", range(len(PROBES)))
def test_each_question_is_asked_exactly_when_the_specification_says(question, probe) -> None:
    answers = PROBES[probe]
    assert (question in asked_questions(answers)) == (question in spec_reading.asked(answers))


@pytest.mark.parametrize("modality", [o.id for o in RULES.question("modalities").options])
def test_irmer_training_appears_with_an_ionising_modality_and_goes_without(modality) -> None:
    chosen = {"profession": "paramedic", "modalities": [modality]}
    assert ("irmer_training" in asked_questions(chosen)) == (modality in spec_reading.IONISING)
    assert ("mri_safety" in asked_questions(chosen)) == (modality == "mri")
    assert "irmer_training" not in asked_questions({**chosen, "modalities": []})
    assert "irmer_training" not in asked_questions({**chosen, "profession": "not-registered"})


@pytest.mark.parametrize("group", [o.id for o in RULES.question("patients").options])
def test_paediatric_competence_is_asked_only_for_children(group) -> None:
    asked = asked_questions({"profession": "midwife", "patients": [group]})
    assert ("paediatric_competence" in asked) == (group == "children")


@pytest.mark.parametrize("profession", [o.id for o in RULES.question("profession").options])
def test_every_profession_but_not_registered_opens_the_rest(profession) -> None:
    asked = asked_questions({"profession": profession, "modalities": ["xray", "mri"],
                             "patients": ["children"]})
    if profession == "not-registered":
        assert asked == ["nation", "profession"]
    else:
        assert asked == QUESTION_IDS


def test_asked_questions_follow_the_table_order() -> None:
    asked = asked_questions({"profession": "nurse", "modalities": ["mri", "ct"],
                             "patients": ["children"]})
    assert asked == QUESTION_IDS


# Node by node: every option accepted, every invalid answer refused -------------------------

OPENING = {"profession": "nurse", "modalities": ["ct", "mri"], "patients": ["children"]}
OPTIONS = [(q.id, o.id) for q in RULES.questions for o in q.options]


@pytest.mark.parametrize(("question", "option"), OPTIONS,
                         ids=[f"{q}={o}" for q, o in OPTIONS])
def test_every_option_is_accepted_and_counts(question, option) -> None:
    multi = RULES.question(question).multi
    answers = {**OPENING, question: [option] if multi else option}
    assert check_answers(answers, RULES)[question] == ([option] if multi else option)
    result = evaluate(answers)
    assert question not in result["missing"]
    if question != "profession" or option != "not-registered":
        assert effective_answers(answers)[question] == ((option,) if multi else option)


def _bad_values(question_id: str) -> list[object]:
    question = RULES.question(question_id)
    first = question.options[0].id
    common: list[object] = [None, 1, 2.5, True, {}, {"id": first}, "no-such-option"]
    if question.multi:
        return [*common, first, [first, "no-such-option"], [1], [None], [[first]]]
    return [*common, [first], [], ""]


BAD = [(q, value) for q in QUESTION_IDS for value in _bad_values(q)]


@pytest.mark.parametrize(("question", "value"), BAD, ids=[f"{q}:{v!r}" for q, v in BAD])
def test_every_invalid_answer_is_refused_naming_its_key(question, value) -> None:
    with pytest.raises(AnswerError) as raised:
        check_answers({"nation": "wales", question: value}, RULES)
    assert raised.value.key == question
    with pytest.raises(AnswerError):
        evaluate({question: value})


@pytest.mark.parametrize("data", [[], "nurse", None, 3, [{"nation": "wales"}]])
def test_answers_must_be_an_object(data) -> None:
    with pytest.raises(AnswerError) as raised:
        check_answers(data, RULES)
    assert raised.value.key is None


def test_unknown_question_is_refused() -> None:
    with pytest.raises(AnswerError) as raised:
        check_answers({"nation": "wales", "modality": ["ct"]}, RULES)
    assert raised.value.key == "modality"
    assert "unknown question" in str(raised.value)


def test_unknown_option_message_lists_the_options() -> None:
    with pytest.raises(AnswerError, match="unknown option 'pet'; the options are xray, ct"):
        check_answers({"modalities": ["xray", "pet"]}, RULES)


# Evaluation, precisely --------------------------------------------------------------------


def statuses(answers: dict) -> dict[str, str]:
    return {entry["id"]: entry["status"] for entry in evaluate(answers)["evidence"]}


def test_result_has_the_specifications_shape_and_key_order() -> None:
    result = evaluate(ALL_YES)
    assert list(result) == ["rules_version", "outcome", "context", "evidence", "notices",
                            "missing", "employer", "local"]
    assert result["employer"] is None
    assert result["local"] == []
    assert result["rules_version"] == RULES.version
    assert list(result["context"]) == ["regulation", "inspectorate", "framework"]
    for entry in result["evidence"]:
        assert list(entry) == ["id", "title", "status", "basis", "why", "sources", "guidance"]
        assert entry["guidance"] == f"evidence/#{entry['id']}"
        assert all(list(source) == ["title", "url"] for source in entry["sources"])
        assert entry["sources"]
    for notice in result["notices"]:
        assert list(notice) == ["id", "text", "sources"]
    json.dumps(result)


def test_everything_held_is_ready() -> None:
    result = evaluate(ALL_YES)
    assert result["outcome"] == "ready"
    assert set(statuses(ALL_YES).values()) == {"held"}
    assert result["missing"] == []


def test_empty_list_counts_as_unanswered() -> None:
    answers = {**ALL_YES, "modalities": []}
    result = evaluate(answers)
    assert result["missing"] == ["modalities"]
    assert result["outcome"] == "incomplete"
    assert "irmer-training" not in statuses(answers)
    assert "irmer_training" not in asked_questions(answers)


def test_registration_unknown_until_profession_answered_and_gap_when_not_registered() -> None:
    assert statuses({}) == {"registration": "unknown"}
    assert statuses({"nation": "wales"}) == {"registration": "unknown"}
    assert statuses({"profession": "not-registered"}) == {"registration": "gap"}


def test_not_registered_is_blocked_whatever_else_is_answered() -> None:
    answers = {**ALL_YES, "profession": "not-registered", "modalities": ["ct", "mri"]}
    result = evaluate(answers)
    assert result["outcome"] == "blocked"
    assert [(e["id"], e["status"]) for e in result["evidence"]] == [("registration", "gap")]
    assert result["missing"] == []
    assert [n["id"] for n in result["notices"]] == ["nation-context"]
    assert result["context"] is not None


def test_missing_is_computed_also_when_blocked() -> None:
    result = evaluate({"profession": "not-registered"})
    assert result["outcome"] == "blocked"
    assert result["missing"] == ["nation"]
    assert result["context"] is None
    assert result["notices"] == []


def test_role_level_other_is_check_and_does_not_stop_ready() -> None:
    answers = {**ALL_YES, "practice_level": "other"}
    assert statuses(answers)["role-level"] == "check"
    assert evaluate(answers)["outcome"] == "ready"


@pytest.mark.parametrize(("level", "status"), [("enhanced", "held"), ("advanced", "held"),
                                               ("consultant", "held"), ("other", "check")])
def test_role_level_statuses(level, status) -> None:
    assert statuses({**ALL_YES, "practice_level": level})["role-level"] == status


def test_supervisor_independent_is_check_and_no_is_gap() -> None:
    assert statuses({**ALL_YES, "supervisor": "independent"})["supervisor"] == "check"
    assert evaluate({**ALL_YES, "supervisor": "independent"})["outcome"] == "ready"
    assert statuses({**ALL_YES, "supervisor": "no"})["supervisor"] == "gap"
    assert evaluate({**ALL_YES, "supervisor": "no"})["outcome"] == "gaps"


@pytest.mark.parametrize(("question", "value", "item", "status"), [
    ("service_need", "partly", "service-need", "partial"),
    ("service_need", "no", "service-need", "gap"),
    ("scope_written", "draft", "scope-of-practice", "partial"),
    ("scope_written", "no", "scope-of-practice", "gap"),
    ("irmer_training", "expired", "irmer-training", "partial"),
    ("irmer_training", "none", "irmer-training", "gap"),
    ("education", "in-progress", "education", "partial"),
    ("education", "none", "education", "gap"),
    ("competence", "no", "competence", "gap"),
    ("results_plan", "no", "results-management", "gap"),
    ("referral_guidelines", "no", "referral-criteria", "gap"),
    ("referral_guidelines", "no", "pregnancy-enquiry", "gap"),
    ("audit_plan", "no", "audit", "gap"),
])
def test_partial_and_gap_statuses_make_the_outcome_gaps(question, value, item, status) -> None:
    answers = {**ALL_YES, question: value}
    assert statuses(answers)[item] == status
    assert evaluate(answers)["outcome"] == "gaps"


def test_modality_items_apply_with_their_modality() -> None:
    with_ct = {**ALL_YES, "modalities": ["ct"]}
    assert statuses(with_ct)["ct-contrast"] == "held"
    assert statuses({**with_ct, "referral_guidelines": "no"})["ct-contrast"] == "gap"
    mri = {**ALL_YES, "modalities": ["mri"], "mri_safety": "no"}
    found = statuses(mri)
    assert found["mri-safety"] == "gap" and found["non-ionising"] == "check"
    assert "irmer-training" not in found and "pregnancy-enquiry" not in found
    assert "irmer_training" not in asked_questions(mri)


def test_an_applicable_item_reading_an_unanswered_question_is_unknown() -> None:
    answers = {key: value for key, value in ALL_YES.items() if key != "irmer_training"}
    found = statuses(answers)
    assert found["irmer-training"] == "unknown"
    assert evaluate(answers)["missing"] == ["irmer_training"]
    assert evaluate({**answers, "modalities": ["xray", "mri"]})["missing"] == [
        "irmer_training", "mri_safety"]


@pytest.mark.parametrize("provider", ["other-organisation", "several-organisations"])
def test_each_provider_applies_for_another_organisation(provider) -> None:
    assert statuses({**ALL_YES, "imaging_provider": provider})["each-provider"] == "check"
    assert "each-provider" not in statuses(ALL_YES)


def test_context_is_null_until_nation_answered_then_the_nations() -> None:
    without = {key: value for key, value in ALL_YES.items() if key != "nation"}
    result = evaluate(without)
    assert result["context"] is None
    assert result["notices"] == []
    assert result["outcome"] == "incomplete" and result["missing"] == ["nation"]
    for nation in RULES.nations.values():
        context = evaluate({"nation": nation.id})["context"]
        assert context == {"regulation": nation.regulation,
                           "inspectorate": nation.inspectorate, "framework": nation.framework}


def test_nation_context_notice_names_the_nation_and_its_inspectorate() -> None:
    notice = evaluate({"nation": "northern-ireland"})["notices"][0]
    assert notice["id"] == "nation-context"
    assert notice["text"].startswith("Northern Ireland: ")
    assert "RQIA" in notice["text"] and "(Northern Ireland) 2018" in notice["text"]
    assert {source["url"] for source in notice["sources"]} >= {
        RULES.sources["rqia-radiology"].url, RULES.sources["irmer-ni-2018"].url}
    assert RULES.sources["cqc-enforcing-irmer"].url not in {
        source["url"] for source in notice["sources"]}


@pytest.mark.parametrize(("profession", "notices"), [
    ("physician-associate", ["associate-position"]),
    ("anaesthesia-associate", ["associate-position"]),
    ("nursing-associate", ["nursing-associate-position"]),
    ("nurse", []),
    ("not-registered", []),
])
def test_profession_notices(profession, notices) -> None:
    assert [n["id"] for n in evaluate({"profession": profession})["notices"]] == notices
    with_nation = evaluate({"profession": profession, "nation": "scotland"})["notices"]
    assert [n["id"] for n in with_nation] == [*notices, "nation-context"]


def test_repeated_options_count_once() -> None:
    once = evaluate({**ALL_YES, "modalities": ["xray", "mri"], "mri_safety": "yes"})
    twice = evaluate({**ALL_YES, "modalities": ["mri", "xray", "mri", "xray"],
                      "mri_safety": "yes"})
    assert once == twice


def test_answers_to_unasked_questions_are_ignored() -> None:
    base = {"nation": "wales", "profession": "not-registered"}
    stale = {**base, "modalities": ["ct"], "supervisor": "yes", "mri_safety": "no",
             "paediatric_competence": "yes"}
    assert evaluate(stale) == evaluate(base)
    assert evaluate({**ALL_YES, "mri_safety": "no"}) == evaluate(ALL_YES)


def test_evaluate_does_not_change_the_answers() -> None:
    answers = copy.deepcopy({**ALL_YES, "modalities": ["ct", "xray", "ct"]})
    before = copy.deepcopy(answers)
    evaluate(answers)
    assert answers == before


def test_why_names_the_answers_that_made_an_item_apply() -> None:
    answers = {**ALL_YES, "modalities": ["xray", "ct", "ultrasound"],
               "patients": ["adults", "children"], "paediatric_competence": "yes",
               "imaging_provider": "several-organisations"}
    why = {entry["id"]: " ".join(entry["why"]) for entry in evaluate(answers)["evidence"]}
    assert "“X-ray” and “CT”" in why["irmer-training"]
    assert "“Ultrasound”" not in why["irmer-training"]
    assert "“CT”" in why["ct-contrast"] and "“X-ray”" not in why["ct-contrast"]
    assert "“Ultrasound”" in why["non-ionising"]
    assert "“Children and young people”" in why["paediatric-competence"]
    assert "“Several organisations”" in why["each-provider"]
    assert "“Physiotherapist”" in why["registration"]
    assert "registered" in why["audit"]


# Reports ------------------------------------------------------------------------------------


def test_outcome_sentences_differ_by_outcome() -> None:
    sentences = {outcome: RULES.outcome_sentences[outcome]
                 for outcome in ("ready", "gaps", "blocked", "incomplete")}
    assert len(set(sentences.values())) == 4
    assert "registered" in sentences["blocked"]


def test_scope_rows_one_per_modality_and_patient_group() -> None:
    answers = {**ALL_YES, "modalities": ["mri", "xray"], "patients": ["children", "adults"],
               "settings": ["primary-care", "emergency-urgent"], "mri_safety": "yes",
               "paediatric_competence": "yes"}
    rows = scope_rows(answers)
    assert [(row["modality"], row["patients"]) for row in rows] == [
        ("xray", "adults"), ("xray", "children"), ("mri", "adults"), ("mri", "children")]
    assert rows[0]["modality_label"] == "X-ray"
    assert rows[1]["patients_label"] == "Children and young people"
    assert {row["settings"] for row in rows} == {"Emergency or urgent care, Primary care"}
    assert {row["body_areas"] for row in rows} == {""}
    assert {row["indications"] for row in rows} == {""}
    assert {row["exclusions"] for row in rows} == {""}
    assert [row["id"] for row in rows] == ["xray:adults", "xray:children", "mri:adults",
                                           "mri:children"]


def test_scope_rows_without_patients_or_modalities() -> None:
    rows = scope_rows({"profession": "nurse", "modalities": ["ct"]})
    assert [(row["modality_label"], row["patients_label"], row["settings"]) for row in rows] == [
        ("CT", "", "")]
    assert scope_rows({"profession": "nurse"}) == []
    assert scope_rows({"profession": "not-registered", "modalities": ["ct"]}) == []


def test_next_step_by_status() -> None:
    answers = {**ALL_YES, "modalities": ["xray", "mri"], "scope_written": "draft",
               "audit_plan": "no", "supervisor": "independent"}
    entries = {entry["id"]: entry for entry in evaluate(answers)["evidence"]}
    assert next_step(entries["registration"], answers) is None
    assert next_step(entries["audit"], answers) == RULES.item("audit").next_step
    assert next_step(entries["scope-of-practice"], answers) == RULES.item(
        "scope-of-practice").next_step_partial
    assert next_step(entries["supervisor"], answers) == RULES.item("supervisor").check
    assert next_step(entries["mri-safety"], answers) == (
        "Answer “Have you done MRI safety training?” to see where you stand on this item.")


def test_render_json_is_the_result_with_a_trailing_newline() -> None:
    result = evaluate(ALL_YES)
    text = json_document(result)
    assert text.endswith("}\n") and json.loads(text) == result
    assert "“" in json_document(evaluate({"profession": "nurse"}))  # not escaped to \u201c


@pytest.mark.parametrize("answers", [{}, ALL_YES, {"profession": "not-registered"},
                                     {**ALL_YES, "modalities": ["ct", "mri"]}])
def test_render_json_writes_what_json_dumps_writes(answers, monkeypatch) -> None:
    result = evaluate(answers)
    odd = {"a": [], "b": {}, "c": None, "d": [1, 2.5, True, False, {"e": "\"é\n\u2028\t"}]}
    for c_encoder_indents in (True, False):  # both ways of writing it, whatever the Python
        monkeypatch.setattr(result_json, "C_ENCODER_INDENTS", c_encoder_indents)
        assert json_document(result) == json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        assert json_document(odd) == json.dumps(odd, indent=2, ensure_ascii=False) + "\n"


def _markdown(answers: dict, **options) -> str:
    return markdown_of(answers, today=TODAY, **options)


def test_markdown_checklist_shows_each_status_in_words_with_a_checkbox() -> None:
    answers = {**ALL_YES, "modalities": ["xray", "mri"], "audit_plan": "no"}
    text = _markdown(answers)
    result = evaluate(answers)
    for entry in result["evidence"]:
        box = "[x]" if entry["status"] == "held" else "[ ]"
        label = RULES.status_labels[entry["status"]]
        assert f"- {box} **{entry['title']}**: {label}\n" in text
    assert text.startswith("# Imaging referrer entitlement: self-assessment checklist\n")
    assert "Prepared on 20 January 2025" in text
    assert f"## Outcome: {RULES.outcome_labels['incomplete']}" in text
    assert "## Questions still to answer\n\n- Have you done MRI safety training?" in text
    assert "- **What kinds of imaging do you want to request?** X-ray, MRI" in text
    assert "What to do next: Plan how and when you will audit" in text
    assert "What to ask: Ask the imaging provider whether your entitlement covers" in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_markdown_links_are_relative_without_a_site_url_and_absolute_with_one() -> None:
    relative = _markdown(ALL_YES)
    assert "(evidence/#registration)" in relative
    absolute = _markdown(ALL_YES, site_url="https://example.org/guide/")
    assert "(https://example.org/guide/evidence/#registration)" in absolute
    assert "](evidence/#" not in absolute
    assert "at https://example.org/guide/assessment/" in absolute
    assert f"[{RULES.sources['rcr-letter-2024'].title}]({RULES.sources['rcr-letter-2024'].url})" \
        in relative


def test_markdown_groups_notices_and_context() -> None:
    answers = {**ALL_YES, "profession": "physician-associate"}
    text = _markdown(answers)
    headings = re.findall(r"^### (.+)$", text, flags=re.MULTILINE)
    assert headings == [group.title for group in RULES.groups if group.id != "modality"]
    # The associates' notice and the nation's context, each with the date it was checked.
    assert text.count("(Position last checked on 3 December 2026.)") == 2
    assert "- **Inspection and enforcement:** the Care Quality Commission (CQC)" in text
    assert "Basis: Local employer practice (" in text


def test_markdown_draft_scope_table() -> None:
    answers = {**ALL_YES, "modalities": ["xray", "ct"], "patients": ["adults"],
               "settings": ["primary-care", "community"]}
    text = _markdown(answers)
    table = text.split("## Draft scope of practice\n", 1)[1]
    assert ("| Kind of imaging | Patient group | Settings | Body areas | Clinical indications |"
            " Exclusions |" in table)
    assert "| X-ray | Adults | Primary care, Community services |   |   |   |" in table
    assert "| CT | Adults | Primary care, Community services |   |   |   |" in table


def test_blocked_checklist_points_to_what_to_do_instead() -> None:
    answers = {"nation": "england", "profession": "not-registered"}
    text = _markdown(answers)
    assert "- [ ] **Registration with a UK health regulator**: Missing" in text
    assert "a colleague whom that employer has entitled as a referrer can make the request" in text
    assert "## Draft scope of practice" not in text
    assert RULES.outcome_sentences["blocked"] in text


def test_text_checklist_has_no_markdown_and_fits_a_terminal() -> None:
    answers = {**ALL_YES, "modalities": ["xray", "mri"], "patients": ["adults", "children"]}
    text = text_of(answers, today=TODAY,
                       site_url="https://example.org/")
    assert "**" not in text and "](" not in text and "- [" not in text and "|" not in text
    assert not re.search(r"^#", text, flags=re.MULTILINE)
    for line in text.splitlines():
        assert len(line) <= 78 or "://" in line, line
    assert "  Status: Not answered yet" in text
    assert "Guidance: https://example.org/evidence/#registration" in text
    assert "DRAFT SCOPE OF PRACTICE" in text and "  4. MRI, Children and young people" in text
    assert "QUESTIONS STILL TO ANSWER\n  - Does that sign-off cover assessing children?" in text
