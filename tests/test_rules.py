"""The rules data: the ids the specification fixes (pinned in tests/spec_reading.py), the
wording rules, the version hash, and the checks that run on every load (each kind of mistake
names its file and key)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assessment.reading import rules_reader
from assessment.reading.loader import RULES_DIR, RulesError, load_rules
from assessment.reading.rules_reader import display_path, rules_version
from assessment.views.catalogue import evidence_catalogue, group_titles, question_catalogue
from tests.assessing import evaluate
from tests.rules_copies import rules_with
from tests.spec_reading import (
    CHECK_ITEMS,
    IONISING,
    NON_IONISING,
    OUTCOMES,
    PARTIAL_ITEMS,
    SPEC_EVIDENCE,
    SPEC_NOTICES,
    SPEC_QUESTIONS,
    STATUSES,
)

RULES = load_rules()

GROUPS = {
    "service-need": ["service-need", "scope-of-practice"],
    "suitability": ["registration", "role-level", "education", "irmer-training", "competence",
                    "paediatric-competence", "supervisor", "audit"],
    "employer-procedures": ["referral-criteria", "pregnancy-enquiry", "results-management",
                            "each-provider"],
    "modality": ["ct-contrast", "mri-safety", "non-ionising"],
}


# The ids the specification fixes -------------------------------------------------------


def test_questions_options_and_multi_flags_are_the_specifications() -> None:
    found = {q.id: (q.multi, [option.id for option in q.options]) for q in RULES.questions}
    assert list(found) == list(SPEC_QUESTIONS)
    assert found == SPEC_QUESTIONS


def test_evidence_ids_order_and_basis_are_the_specifications() -> None:
    assert {item.id: item.basis for item in RULES.evidence} == SPEC_EVIDENCE
    assert [item.id for item in RULES.evidence] == list(SPEC_EVIDENCE)


def test_notices_and_the_fixed_words() -> None:
    assert [notice.id for notice in RULES.notices] == SPEC_NOTICES
    assert list(RULES.status_labels) == list(STATUSES)
    assert set(RULES.outcome_sentences) == set(OUTCOMES)
    assert set(RULES.basis_labels) == set(SPEC_EVIDENCE.values())


def test_evidence_groups() -> None:
    found: dict[str, list[str]] = {}
    for item in RULES.evidence:
        found.setdefault(item.group, []).append(item.id)
    assert {group: sorted(ids) for group, ids in found.items()} == {
        group: sorted(ids) for group, ids in GROUPS.items()}
    assert list(group_titles(RULES)) == list(GROUPS)


def test_ionising_modalities_are_defined_once_as_in_the_specification() -> None:
    assert RULES.option_sets["ionising"].options == IONISING
    assert RULES.option_sets["non-ionising"].options == NON_IONISING


def test_nations_give_the_law_and_inspectorate_of_the_facts() -> None:
    expected = {"england": "CQC", "wales": "HIW", "scotland": "HIS", "northern-ireland": "RQIA"}
    for nation, inspectorate in expected.items():
        context = RULES.nations[nation]
        assert f"({inspectorate})" in context.inspectorate
        if nation == "northern-ireland":
            assert "(Northern Ireland) 2018" in context.regulation
        else:
            assert "2017" in context.regulation and "2024/896" in context.regulation
    assert "2016" in RULES.nations["northern-ireland"].framework
    # The year of the NI advanced AHP framework is not known: it must not be stated.
    assert "2019" not in RULES.nations["northern-ireland"].framework


# Wording rules ----------------------------------------------------------------------------


def _kinds(source_ids: tuple[str, ...]) -> set[str]:
    return {RULES.sources[source].kind for source in source_ids}


@pytest.mark.parametrize("item", [i for i in RULES.evidence if i.basis == "local-practice"],
                         ids=lambda item: item.id)
def test_local_practice_items_cite_employers_and_say_they_are_examples(item) -> None:
    assert "employer" in _kinds(item.sources)
    wording = " ".join((*item.why, item.what_counts)).lower()
    assert re.search(r"\b(many|some|one) (employers|trust)|for example|such as", wording), wording


@pytest.mark.parametrize("item", [i for i in RULES.evidence if i.basis == "law"],
                         ids=lambda item: item.id)
def test_law_items_cite_the_law(item) -> None:
    assert "law" in _kinds(item.sources)


def test_only_items_citing_the_announcement_speak_of_the_2025_guidance() -> None:
    for item in RULES.evidence:
        text = " ".join((*item.why, item.what, item.what_counts, item.check or ""))
        if "2025 guidance" in text or "2025 good practice guidance" in text:
            assert "sor-2025-announcement" in item.sources, item.id


def _sentences(texts: tuple[str, ...] | list[str]) -> bool:
    """At least one sentence, none of them blank."""
    return bool(texts) and all(isinstance(text, str) and text.strip() for text in texts)


def test_every_item_and_notice_has_sources_and_a_why() -> None:
    """Every item names sources in the registry and says why it applies, in sentences; every
    notice names its sources (the nation notice, each nation's) and says what it rests on. The
    loader refuses data without them (each gap is a case of BROKEN below: no source, an
    unknown one, a missing, empty or blank why, a missing title or a blank what_counts, a
    notice or a nation without sources); what is left to check is each notice's date and that
    the result carries them all."""
    for notice in RULES.notices:
        assert notice.as_of.year >= 2024
    # As the result shows them: each applicable item's why and sources, each notice's sources.
    everything = {"nation": "england", "profession": "physician-associate",
                  "modalities": ["xray", "ct", "mri", "ultrasound"], "patients": ["children"],
                  "imaging_provider": "several-organisations"}
    for answers in (everything, {**everything, "profession": "nursing-associate"}):
        result = evaluate(answers)
        for entry in result["evidence"]:
            assert _sentences(entry["why"]) and entry["sources"], entry["id"]
            assert all(source["title"] and source["url"] for source in entry["sources"])
        for notice in result["notices"]:
            assert notice["text"].strip() and notice["sources"], notice["id"]
            assert all(source["title"] and source["url"] for source in notice["sources"])
    shown = {notice["id"] for answers in (everything, {**everything,
             "profession": "nursing-associate"}) for notice in evaluate(answers)["notices"]}
    assert shown == {notice.id for notice in RULES.notices}
    applied = {entry["id"] for entry in evaluate(everything)["evidence"]}
    assert applied == {item.id for item in RULES.evidence}, "the answers above miss an item"


# Version ------------------------------------------------------------------------------------


def test_version_is_a_short_hash_that_follows_the_data(tmp_path: Path) -> None:
    assert re.fullmatch(r"[0-9a-f]{12}", RULES.version)
    # The employer profiles beside the rules are part of the data the version follows.
    shutil.copytree(RULES_DIR.parent / "employers", tmp_path / "employers")
    copy = _copy_rules(tmp_path / "same")
    assert load_rules(copy).version == RULES.version
    changed = _copy_rules(tmp_path / "changed")
    path = changed / "words" / "result.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert load_rules(changed).version != RULES.version
    profile = next((tmp_path / "employers").glob("*.toml"))
    profile.write_text(profile.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert rules_version(copy) != RULES.version


def test_load_rules_is_cached() -> None:
    assert load_rules() is load_rules(RULES_DIR)


# Every kind of mistake fails naming the file and the key -----------------------------------


def _entry(file: str, table: str, key: str) -> str:
    """The text of `key = ...` in `[table]` of a rules file as it stands (a value over several
    lines up to its closing bracket), for cases that replace a whole value whatever it says."""
    lines = (RULES_DIR / file).read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"[{table}]\n") + 1
    end = next((n for n in range(start, len(lines)) if lines[n].startswith("[")), len(lines))
    first = next(n for n in range(start, end) if lines[n].startswith(f"{key} = "))
    last = first
    if lines[first].rstrip().endswith("["):
        last = next(n for n in range(first, end) if lines[n].rstrip() == "]")
    return "".join(lines[first:last + 1]).rstrip("\n")


BROKEN = {
    "unknown source": (
        "evidence.toml", 'sources = ["uhb-nmr"]', 'sources = ["uhb-nmr", "foo"]',
        "evidence.mri-safety.sources[1]", "unknown source 'foo'"),
    "unknown question in a condition": (
        "evidence.toml", 'answer = "audit_plan"', 'answer = "audit_plans"',
        "evidence.audit.held_when.answer", "unknown question 'audit_plans'"),
    "unknown option in a condition": (
        "evidence.toml", 'is = ["other-organisation", "several-organisations"]',
        'is = ["other-organisation", "many-organisations"]',
        "evidence.each-provider.applies_when.is[1]", "unknown option 'many-organisations'"),
    "unknown option in an option set": (
        "questions.toml", '"nuclear-medicine", "dexa"]', '"nuclear-medicine", "pet"]',
        "option_sets.ionising.options[4]", "unknown option 'pet'"),
    "missing why": (
        "evidence.toml",
        'why = [\n  "You want to request {modalities:mri}, and one trust sends MRI safety '
        'training to each applicant with its application pack (the UHB page; the trust is not '
        'confirmed), so ask the imaging provider which MRI safety training it wants.",\n]\n',
        "", "evidence.mri-safety.why", "missing"),
    "empty why": (
        "evidence.toml",
        'why = [\n  "Dorset County Hospital, for example, makes acting on the reports of the '
        "imaging a registered referrer requests a condition of entitlement, and ties it to the "
        "National Patient "
        "Safety Agency's safer practice notice 16 (February 2007) on failure to act on "
        'radiological imaging reports. How reports reach you and how you escalate them is set '
        'by each employer.",\n]',
        "why = []", "evidence.results-management.why", "non-empty list"),
    "a blank why sentence": (
        "evidence.toml", _entry("evidence.toml", "evidence.role-level", "why"), 'why = [" "]',
        "evidence.role-level.why", "non-empty strings"),
    "an item without a title": (
        "evidence.toml", _entry("evidence.toml", "evidence.role-level", "title") + "\n", "",
        "evidence.role-level.title", "missing"),
    "a blank what_counts": (
        "evidence.toml", _entry("evidence.toml", "evidence.role-level", "what_counts"),
        'what_counts = "  "', "evidence.role-level.what_counts", "non-empty string"),
    "a notice without sources": (
        "notices.toml", _entry("notices.toml", "notices.nursing-associate-position", "sources"),
        "sources = []", "notices.nursing-associate-position.sources", "at least one source"),
    "a nation without sources": (
        "nations.toml", _entry("nations.toml", "nations.england", "sources"), "sources = []",
        "nations.england.sources", "non-empty list"),
    "bad basis": (
        "evidence.toml", 'basis = "national-guidance"\nwhat = "A statement',
        'basis = "guidance"\nwhat = "A statement', "evidence.service-need.basis",
        "unknown basis 'guidance'"),
    "no source": (
        "evidence.toml",
        'sources = ["dchft-nmr", "dchft-nmr-responsibilities", "rcr-audit-radiology-alerts"]\n',
        "sources = []\n",
        "evidence.results-management.sources", "non-empty list"),
    "unknown key (a typo)": (
        "evidence.toml", 'title = "MRI safety training"', 'titel = "MRI safety training"',
        "evidence.mri-safety.titel", "unknown key"),
    "unknown key in a condition": (
        "questions.toml", 'has_any = ["mri"]', 'has_all = ["mri"]',
        "questions.mri_safety.asked_when.all[1]", "unknown key 'has_all'"),
    "unknown group": (
        "evidence.toml",
        'group = "modality"\nbasis = "local-practice"\nwhat = "A certificate of MRI',
        'group = "modalities"\nbasis = "local-practice"\nwhat = "A certificate of MRI',
        "evidence.mri-safety.group", "unknown group 'modalities'"),
    "malformed TOML": (
        "notices.toml", "as_of = 2026-12-03\nsources = [\"sor-rcr-associates-2025\", "
        "\"regulated-professions-nursing-associate\"]\n",
        "as_of = 2026-12-03\nsources = [\"sor-rcr-associates-2025\"\n", None, "invalid TOML"),
    "unreachable question and options": (
        "questions.toml",
        'asked_when = { all = [{ registered = true }, '
        '{ answer = "modalities", has_any = ["mri"] }] }',
        'asked_when = { all = [{ answer = "profession", is = ["not-registered"] }, '
        '{ answer = "modalities", has_any = ["mri"] }] }',
        "questions.mri_safety.asked_when", "can never be reached"),
    "unreachable item": (
        "evidence.toml", 'applies_when = { answer = "modalities", has_any = ["ct"] }',
        'applies_when = { all = [{ answer = "modalities", has_any = ["ct"] }, '
        '{ answer = "profession", is = ["not-registered"] }] }',
        "evidence.ct-contrast.applies_when", "never holds"),
    "unreachable notice": (
        "notices.toml", 'shown_when = { answer = "profession", is = ["nursing-associate"] }',
        'shown_when = { all = [{ answer = "profession", is = ["not-registered"] }, '
        '{ answer = "practice_level", is = ["other"] }] }',
        "notices.nursing-associate-position.shown_when", "never"),
    "status reading a question not asked when the item applies": (
        "evidence.toml", 'held_when = { answer = "mri_safety", is = ["yes"] }',
        'held_when = { answer = "paediatric_competence", is = ["yes"] }',
        "evidence.mri-safety.applies_when", "'paediatric_competence'"),
    "a question depending on a later one": (
        "questions.toml",
        'multi = true\nasked_when = { registered = true }\noptions = [\n'
        '  { id = "emergency-urgent"',
        'multi = true\nasked_when = { answer = "modalities", has_any = ["ct"] }\noptions = [\n'
        '  { id = "emergency-urgent"',
        "questions.settings.asked_when", "not an earlier question"),
    "is used on a multi-choice question": (
        "evidence.toml", 'applies_when = { answer = "modalities", has_any = ["ct"] }',
        'applies_when = { answer = "modalities", is = ["ct"] }',
        "evidence.ct-contrast.applies_when.is", "multi-choice question"),
    "unknown placeholder in a why sentence": (
        "evidence.toml", "{modalities:ct}", "{modality:ct}",
        "evidence.ct-contrast.why[0]", "unknown question 'modality'"),
    "missing nation": (
        "nations.toml", "[nations.wales]", "[nationz.wales]", "nationz", "unknown key"),
    "unknown source in a notice": (
        "notices.toml", 'sources = ["sor-rcr-associates-2025", '
        '"regulated-professions-nursing-associate"]\n\n[notices.nation-context]',
        'sources = ["sor-rcr-associates-2026", '
        '"regulated-professions-nursing-associate"]\n\n[notices.nation-context]',
        "notices.nursing-associate-position.sources[0]", "unknown source"),
    "check item without what to ask": (
        "evidence.toml", 'check = "You work for yourself',
        'next_step_partial = "You work for yourself',
        "evidence.supervisor.check", "missing: an item with check_when says what to ask"),
    "a question renamed under the scope table": (
        "words/result.toml", '{ question = "modalities", key = "modality"',
        '{ question = "imaging", key = "modality"',
        "scope.rows[0].question", "unknown multi-choice question 'imaging'"),
    "a scope column on a single-choice question": (
        "words/result.toml", '{ question = "settings", key = "settings"',
        '{ question = "nation", key = "settings"',
        "scope.lists[0].question", "unknown multi-choice question 'nation'"),
    "a status without what to do next": (
        "words/result.toml", 'next_label = "What to ask"\n', "",
        "statuses.check.next_label", "missing"),
    "a heading missing": (
        "words/result.toml", 'notices = "Context and positions to know about"\n', "",
        "headings.notices", "missing"),
}


def _copy_rules(target: Path) -> Path:
    shutil.copytree(RULES_DIR, target)
    return target


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_a_mistake_fails_naming_file_and_key(case: str, tmp_path: Path) -> None:
    file, old, new, key, message = BROKEN[case]
    rules_dir = tmp_path / "rules"
    path = rules_with(rules_dir, file, old, new)
    with pytest.raises(RulesError) as raised:
        load_rules(rules_dir)
    error = str(raised.value)
    assert error.startswith(f"{path}: "), error
    assert raised.value.file == str(path)
    if key is not None:
        assert raised.value.key == key or error.startswith(f"{path}: {key}"), error
    if message is not None:
        assert message in error, error


def test_missing_file_fails_naming_it(tmp_path: Path) -> None:
    rules_dir = _copy_rules(tmp_path / "rules")
    (rules_dir / "nations.toml").unlink()
    with pytest.raises(RulesError, match=r"nations\.toml: file not found"):
        load_rules(rules_dir)


def test_error_names_the_package_file_relative_to_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = RulesError("assessment/rules/evidence.toml", "evidence.irmer-training.sources[0]",
                       "unknown source 'foo'")
    assert str(error) == ("assessment/rules/evidence.toml: evidence.irmer-training.sources[0]: "
                          "unknown source 'foo'")
    # display_path: a file of the package is named from the project (the package's parent),
    # whatever the working folder; a file elsewhere keeps its full path.
    assert display_path(RULES_DIR / "evidence.toml") == "assessment/rules/evidence.toml"
    monkeypatch.chdir(tmp_path)
    assert display_path(RULES_DIR / "evidence.toml") == "assessment/rules/evidence.toml"
    assert display_path(tmp_path / "evidence.toml") == str(tmp_path / "evidence.toml")
    # And a mistake in a package's rules file fails naming it so: a copy of the project whose
    # package sits in tmp_path.
    project = tmp_path / "project"
    rules_dir = _copy_rules(project / "assessment" / "rules")
    monkeypatch.setattr(rules_reader, "PACKAGE_PARENT", project.resolve())
    path = rules_dir / "evidence.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('sources = ["uhb-nmr"]', 'sources = ["uhb-nmr", "foo"]'),
                    encoding="utf-8")
    with pytest.raises(RulesError) as raised:
        load_rules(rules_dir)
    assert raised.value.file == "assessment/rules/evidence.toml"
    assert str(raised.value) == ("assessment/rules/evidence.toml: evidence.mri-safety.sources[1]: "
                                 "unknown source 'foo'")


# The catalogue for the page without JavaScript ------------------------------------------


def test_question_catalogue_says_when_each_question_is_asked() -> None:
    catalogue = {entry["id"]: entry for entry in question_catalogue(RULES)}
    assert list(catalogue) == [question.id for question in RULES.questions]
    assert [q for q, entry in catalogue.items() if entry["asked_when_text"] is None] == [
        "nation", "profession"]
    assert catalogue["practice_level"]["asked_when_text"] == RULES.registered_text
    irmer = catalogue["irmer_training"]["asked_when_text"]
    for label in ("X-ray", "CT", "Fluoroscopy", "Nuclear medicine", "DEXA"):
        assert f"“{label}”" in irmer
    assert "“Ultrasound”" not in irmer and "“MRI”" not in irmer
    assert "“Children and young people”" in catalogue["paediatric_competence"]["asked_when_text"]
    assert "“MRI”" in catalogue["mri_safety"]["asked_when_text"]
    assert catalogue["modalities"]["options"][4] == {"id": "dexa", "label": "DEXA",
                                                     "help": "Bone density scans"}


def test_evidence_catalogue_describes_every_item_from_the_data() -> None:
    catalogue = evidence_catalogue(RULES)
    assert [entry["id"] for entry in catalogue] == [item.id for item in RULES.evidence]
    for entry in catalogue:
        assert set(entry) == {
            "id", "title", "group", "group_title", "basis", "basis_label", "what",
            "what_counts", "applies_text", "held_text", "partial_text", "check_text",
            "check_when_text", "sources", "guidance"}
        assert entry["guidance"] == f"evidence/#{entry['id']}"
        assert entry["sources"] and all(s["title"] and s["url"] for s in entry["sources"])
        assert (entry["check_text"] is not None) == (entry["id"] in CHECK_ITEMS)
        assert (entry["partial_text"] is not None) == (entry["id"] in PARTIAL_ITEMS)
    by_id = {entry["id"]: entry for entry in catalogue}
    assert by_id["registration"]["applies_text"] == "always"
    assert by_id["each-provider"]["applies_text"].endswith(
        "is “Another organisation” or “Several organisations”")
    assert by_id["non-ionising"]["held_text"] == RULES.texts["never_held"]
    assert "“Partly”" in by_id["service-need"]["partial_text"]


def test_a_words_section_fails_on_an_unknown_or_missing_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The words sections are checked at load like the rules: an unknown key, a missing
    key and a text without its placeholder each fail naming the file and the key; a text
    may be said in one voice per audience."""
    from assessment.model import words  # noqa: PLC0415

    def copy_with(name: str, extra: str) -> tuple[Path, Path]:
        rules_dir = _copy_rules(tmp_path / name)
        pack = rules_dir / "words" / "pack.toml"
        pack.write_text(pack.read_text(encoding="utf-8") + extra, encoding="utf-8")
        return rules_dir, pack

    rules_dir, pack = copy_with("unknown", '\n[extra]\nline = "A line"\n')
    with pytest.raises(RulesError) as raised:
        load_rules(rules_dir)
    assert (raised.value.file, raised.value.key, raised.value.message) == (
        str(pack), "extra.line", "unknown key")
    monkeypatch.setitem(words.SECTIONS, "pack", {**words.PACK_WORDS, "extra.line": ("name",)})
    with pytest.raises(RulesError, match=r"extra\.line: must contain the placeholders \{name\}"):
        load_rules(rules_dir)
    voiced, _ = copy_with("voiced", '\n[extra.line]\napplicant = "You {name}"\n'
                                    'reviewer = "The applicant {name}"\n')
    assert load_rules(voiced).words.text("pack", "extra.line", "reviewer",
                                         name="Zoë") == "The applicant Zoë"
    missing, pack = copy_with("missing", "")
    with pytest.raises(RulesError) as raised:
        load_rules(missing)
    assert (raised.value.file, raised.value.key, raised.value.message) == (
        str(pack), "extra.line", "missing")
