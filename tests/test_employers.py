"""Employer profiles: read and checked like the rules (every mistake names the file and the
key), evaluated by the same engine, the two JSON keys they add, a national result that never
changes with the employer, and the command line's flags.

The profile used here is a placeholder written into a temporary folder only; the real
profiles live in assessment/employers/ and are each checked by the tests that loop over
`load_employers()`.
"""

from __future__ import annotations

import datetime
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assessment.cli import main
from assessment.model.conditions import holds
from assessment.model.errors import RulesError
from assessment.model.rules_model import Employer
from assessment.reading import employer_profiles
from assessment.reading.employer_profiles import PROFILES_DIR, load_employers, read_profile
from assessment.reading.loader import RULES_DIR, load_rules
from tests.assessing import effective_answers, evaluate, markdown_of, text_of

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*.json"))
RULES = load_rules()
NATIONAL_KEYS = ("rules_version", "context", "evidence", "notices", "missing")
TOPICS = ("years-registered", "training-refresh", "training", "audit", "separate-application",
          "review-after-approval", "competence-signed-by", "supervisor", "minimum-activity",
          "mri-safety")

# A placeholder profile in the format of assessment/employers/*.toml (never shipped).
PROFILE = '''\
name = "Example Hospitals NHS Foundation Trust"
nation = "england"
provenance = "own"
checked = 2026-12-01
sources = ["dchft-nmr"]

[apply]
text = "Send the trust's application form, signed by your clinical lead, to the imaging department."
url = "https://dchft.nhs.uk/?p=180669"

[requirements.two-years-registered]
title = "Two years since registration"
text = "Applicants have been registered with their regulator for at least two years."
sources = ["dchft-nmr"]
topic = "years-registered"
in_short = "2 years"
refines = "registration"
check = "Confirm the date you were first registered."
why = ["The trust asks every applicant for two years on the register."]

[requirements.two-years-registered.voices]
pack = "The trust asks every applicant for two years on the register."
reviewer = "Confirm the applicant's date of first registration."

[requirements.refresher]
title = "IR(ME)R training refreshed every three years"
text = "Referrer training is repeated every three years, or entitlement lapses."
sources = ["dchft-nmr-responsibilities"]
topic = "training-refresh"
in_short = "every 3 years"
refines = "irmer-training"
held_when = { answer = "irmer_training", is = ["current"] }
partial_when = { answer = "irmer_training", is = ["expired"] }
next_step = "Complete the IR(ME)R e-learning for referrers again."
why = [
  "You want to request {modalities:ionising}; the trust asks for a refresher every 3 years.",
]

[requirements.refresher.voices]
pack = "The trust asks its referrers for a refresher every 3 years."
reviewer = "Confirm the date of the applicant's last IR(ME)R training."

[requirements.advanced-level]
title = "An advanced or consultant role"
text = "Only practitioners in advanced or consultant roles may apply."
sources = ["dchft-nmr"]
held_when = { answer = "practice_level", is = ["advanced", "consultant"] }
next_step = "Ask the trust whether it accepts applications from your role."
why = [
  "The trust entitles advanced and consultant practitioners.",
  "Your role is at {practice_level} level.",
]

[requirements.advanced-level.voices]
pack = "The trust entitles advanced and consultant practitioners."
reviewer = "Confirm the level of the applicant's role from their job description."

[requirements.ultrasound-application]
title = "A separate application for ultrasound"
text = "Ultrasound requests need an application of their own."
sources = ["dchft-nmr"]
topic = "separate-application"
in_short = "ultrasound"
applies_when = { answer = "modalities", has_any = ["ultrasound"] }
check = "Ask the ultrasound department for its application form."
why = ["You want to request {modalities:ultrasound}."]

[requirements.ultrasound-application.voices]
pack = "The applicant will request ultrasound, which has an application of its own."
reviewer = "Ask the applicant for the ultrasound department's application form."
'''


def write_profile(folder: Path, text: str = PROFILE, name: str = "example-trust.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def profiles(tmp_path: Path) -> Path:
    """A folder holding the placeholder profile."""
    folder = tmp_path / "employers"
    write_profile(folder)
    return folder


@pytest.fixture
def example(profiles: Path) -> Employer:
    return load_employers(RULES, profiles)["example-trust"]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# Reading ------------------------------------------------------------------------------------


def test_a_profile_is_read_into_frozen_records(example: Employer) -> None:
    assert example.id == "example-trust"
    assert example.name == "Example Hospitals NHS Foundation Trust"
    assert example.nation == "england"
    assert example.checked.isoformat() == "2026-12-01"
    assert example.sources == ("dchft-nmr",)
    assert example.apply_url == "https://dchft.nhs.uk/?p=180669"
    assert [r.id for r in example.requirements] == [
        "two-years-registered", "refresher", "advanced-level", "ultrasound-application"]
    refresher = example.requirements[1]
    assert (refresher.topic, refresher.in_short, refresher.refines) == (
        "training-refresh", "every 3 years", "irmer-training")
    assert refresher.status_reads == {"irmer_training"}
    with pytest.raises(AttributeError):
        example.name = "changed"  # type: ignore[misc]


def test_a_requirement_that_refines_an_item_applies_only_when_the_item_does(
        example: Employer) -> None:
    refresher = example.requirements[1]
    ultrasound_only = {"profession": "nurse", "modalities": ("ultrasound",)}
    assert not holds(refresher.applies_when, ultrasound_only)
    assert not holds(RULES.item("irmer-training").applies_when, ultrasound_only)
    assert holds(refresher.applies_when, {"profession": "nurse", "modalities": ("ct",)})
    default = example.requirements[2]
    assert default.applies_when == RULES.registered


def test_profiles_are_cached_and_listed_by_id(tmp_path: Path) -> None:
    folder = tmp_path / "employers"
    write_profile(folder, name="zeta-health.toml")
    write_profile(folder, name="alpha-trust.toml")
    (folder / "README.md").write_text("not a profile", encoding="utf-8")
    employers = load_employers(RULES, folder)
    assert list(employers) == ["alpha-trust", "zeta-health"]
    assert load_employers(RULES, folder) is employers
    assert load_employers(RULES, str(folder)) is employers


def test_an_explicit_folder_must_exist(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="no such folder"):
        load_employers(RULES, tmp_path / "nowhere")


def test_the_topics_are_data_with_a_label_each() -> None:
    assert tuple(RULES.employer_topics) == TOPICS
    assert all(label.strip() for label in RULES.employer_topics.values())


def test_the_package_profiles_all_load_and_validate() -> None:
    employers = load_employers(RULES)
    for employer in employers.values():
        assert employer.id not in ("compared",)
        assert employer.requirements
        for source in employer.sources + tuple(
                s for r in employer.requirements for s in r.sources):
            assert RULES.sources[source].kind == "employer"
            assert RULES.sources[source].url.startswith("https://")
    assert sorted(employers) == sorted(path.stem for path in PROFILES_DIR.glob("*.toml"))


# Every mistake names the file and the key ----------------------------------------------------

BROKEN = {
    "unknown top-level key": ('name = "Example', 'nam = "Example', "nam", "unknown key"),
    "missing checked date": ("checked = 2026-12-01\n", "", "checked", "missing"),
    "checked not a date": ("checked = 2026-12-01", 'checked = "2026-12-01"', "checked",
                           "must be a date"),
    "unknown nation": ('nation = "england"', 'nation = "cornwall"', "nation",
                       "unknown nation 'cornwall'"),
    "no profile source": ('sources = ["dchft-nmr"]\n\n[apply]', 'sources = []\n\n[apply]',
                          "sources", "non-empty list"),
    "unknown profile source": ('sources = ["dchft-nmr"]\n\n[apply]',
                               'sources = ["dchft"]\n\n[apply]', "sources[0]",
                               "unknown source 'dchft'"),
    "a source not of kind employer": ('sources = ["dchft-nmr"]\n\n[apply]',
                                      'sources = ["irmer-2017"]\n\n[apply]', "sources[0]",
                                      "of kind 'law'"),
    "a source listed twice": ('sources = ["dchft-nmr"]\n\n[apply]',
                              'sources = ["dchft-nmr", "dchft-nmr"]\n\n[apply]', "sources",
                              "twice"),
    "apply missing": ("[apply]\ntext = \"Send the trust's application form, signed by your "
                      "clinical lead, to the imaging department.\"\n"
                      "url = \"https://dchft.nhs.uk/?p=180669\"\n", "", "apply", "missing"),
    "apply address not https": ('url = "https://dchft', 'url = "http://dchft', "apply.url",
                                "https"),
    "apply unknown key": ('url = "https://dchft', 'link = "https://dchft', "apply.link",
                          "unknown key"),
    "requirement unknown key": ('title = "Two years since registration"',
                                'titel = "Two years since registration"',
                                "requirements.two-years-registered.titel", "unknown key"),
    "requirement unknown source": ('sources = ["dchft-nmr-responsibilities"]',
                                   'sources = ["bar"]', "requirements.refresher.sources[0]",
                                   "unknown source 'bar'"),
    "requirement without a source": ('sources = ["dchft-nmr-responsibilities"]',
                                     "sources = []", "requirements.refresher.sources",
                                     "non-empty list"),
    "requirement id an evidence id": ("[requirements.refresher]", "[requirements.audit]",
                                      "requirements.audit", "evidence item's id"),
    "requirement id not lowercase": ("[requirements.refresher]", "[requirements.Refresher]",
                                     "requirements.Refresher", "lowercase"),
    "refines an unknown item": ('refines = "irmer-training"', 'refines = "irmer-trainings"',
                                "requirements.refresher.refines",
                                "unknown evidence item 'irmer-trainings'"),
    "unknown topic": ('topic = "training-refresh"', 'topic = "refresher"',
                      "requirements.refresher.topic", "unknown topic 'refresher'"),
    "topic without in_short": ('in_short = "every 3 years"\n', "",
                               "requirements.refresher.in_short", "missing"),
    "in_short without topic": ('topic = "training-refresh"\n', "",
                               "requirements.refresher.in_short", "only a requirement with"),
    "partial without held": ('held_when = { answer = "irmer_training", is = ["current"] }\n',
                             "", "requirements.refresher.partial_when", "needs a held_when"),
    "held without next step": ('next_step = "Complete the IR(ME)R e-learning for referrers '
                               'again."\n', "", "requirements.refresher.next_step", "missing"),
    "no held_when and no check": ('check = "Confirm the date you were first registered."\n',
                                  "", "requirements.two-years-registered.check", "missing"),
    "check beside held_when": ('next_step = "Complete the IR(ME)R e-learning for referrers '
                               'again."\n', 'next_step = "Again."\ncheck = "Ask."\n',
                               "requirements.refresher.check", "only a requirement without"),
    "unknown question in a condition": ('held_when = { answer = "practice_level"',
                                        'held_when = { answer = "practise_level"',
                                        "requirements.advanced-level.held_when.answer",
                                        "unknown question 'practise_level'"),
    "unknown option in a condition": ('is = ["advanced", "consultant"]',
                                      'is = ["advanced", "senior"]',
                                      "requirements.advanced-level.held_when.is[1]",
                                      "unknown option 'senior'"),
    "condition not a table": ('applies_when = { answer = "modalities", has_any = '
                              '["ultrasound"] }', 'applies_when = "ultrasound"',
                              "requirements.ultrasound-application.applies_when",
                              "must be a table"),
    "status reads a question not always asked": (
        'held_when = { answer = "practice_level", is = ["advanced", "consultant"] }',
        'held_when = { answer = "irmer_training", is = ["current"] }',
        "requirements.advanced-level.held_when", "'irmer_training'"),
    "why reads a question not always asked": (
        'why = ["You want to request {modalities:ultrasound}."]',
        'why = ["You want to request {modalities:ultrasound}.", "Training: {mri_safety}."]',
        "requirements.ultrasound-application.why", "'mri_safety'"),
    "why names an unknown question": ('why = ["You want to request {modalities:ultrasound}."]',
                                      'why = ["You want to request {modality:ultrasound}."]',
                                      "requirements.ultrasound-application.why[0]",
                                      "unknown question 'modality'"),
    "why can never be filled in": ('why = ["You want to request {modalities:ultrasound}."]',
                                   'why = ["You want to request {modalities:ct}."]',
                                   "requirements.ultrasound-application.why",
                                   "no sentence can be filled in"),
    "empty why": ('why = ["You want to request {modalities:ultrasound}."]', "why = []",
                  "requirements.ultrasound-application.why", "non-empty list"),
    "applies_when never holds": (
        'applies_when = { answer = "modalities", has_any = ["ultrasound"] }',
        'applies_when = { answer = "profession", is = ["not-registered"] }',
        "requirements.ultrasound-application.applies_when", "never holds"),
    "applies only when the refined item does not": (
        'applies_when = { answer = "modalities", has_any = ["ultrasound"] }',
        'applies_when = { answer = "imaging_provider", is = ["same-organisation"] }\n'
        'refines = "each-provider"',
        "requirements.ultrasound-application.applies_when", "never holds"),
    "held_when never holds while it applies": (
        'held_when = { answer = "practice_level", is = ["advanced", "consultant"] }\n',
        'applies_when = { answer = "practice_level", is = ["advanced"] }\n'
        'held_when = { answer = "practice_level", is = ["consultant"] }\n',
        "requirements.advanced-level.held_when", "never holds while the requirement applies"),
    "no requirements": (PROFILE[PROFILE.index("[requirements.two-years"):], "",
                        "requirements", "missing"),
    "malformed TOML": ('in_short = "2 years"', 'in_short = "2 years', None, "invalid TOML"),
}


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_a_mistake_fails_naming_file_and_key(case: str, tmp_path: Path) -> None:
    old, new, key, message = BROKEN[case]
    assert PROFILE.count(old) == 1, f"the text to replace is not unique: {old!r}"
    path = write_profile(tmp_path / "employers", PROFILE.replace(old, new))
    with pytest.raises(RulesError) as raised:
        load_employers(RULES, path.parent)
    error = str(raised.value)
    assert raised.value.file == str(path), error
    assert raised.value.key == key, error
    where = f"{path}: {key}: " if key else f"{path}: "
    assert error.startswith(where), error
    assert message in error, error


def test_a_requirement_id_given_twice_is_refused(tmp_path: Path) -> None:
    again = PROFILE[PROFILE.index("[requirements.refresher]"):PROFILE.index(
        "[requirements.advanced-level]")]
    path = write_profile(tmp_path / "employers", PROFILE + "\n" + again)
    with pytest.raises(RulesError, match="'refresher'") as raised:
        load_employers(RULES, path.parent)
    assert raised.value.file == str(path)


@pytest.mark.parametrize("name", ["Example Trust.toml", "example_trust.toml", "compared.toml"])
def test_the_file_name_is_the_profile_id(name: str, tmp_path: Path) -> None:
    path = write_profile(tmp_path / "employers", name=name)
    with pytest.raises(RulesError, match="profile id") as raised:
        load_employers(RULES, path.parent)
    assert raised.value.file == str(path)


def test_a_source_without_https_is_refused(tmp_path: Path) -> None:
    rules_dir = tmp_path / "rules"
    sources = (RULES_DIR / "sources.toml").read_text(encoding="utf-8")
    shutil.copytree(RULES_DIR, rules_dir)
    (rules_dir / "sources.toml").write_text(
        sources + '\n[sources.plain-http]\ntitle = "A page"\npublisher = "A trust"\n'
                  'url = "http://example.nhs.uk/referrers"\nkind = "employer"\n',
        encoding="utf-8")
    path = write_profile(tmp_path / "employers", PROFILE.replace(
        'sources = ["dchft-nmr"]\n\n[apply]', 'sources = ["plain-http"]\n\n[apply]'))
    with pytest.raises(RulesError) as raised:
        load_employers(load_rules(rules_dir), path.parent)
    assert raised.value.key == "sources[0]"
    assert "https" in str(raised.value)


def test_a_profile_in_the_package_is_named_relative_to_the_project() -> None:
    with pytest.raises(RulesError) as raised:
        read_profile(PROFILES_DIR / "compared.toml", RULES)
    assert raised.value.file == "assessment/employers/compared.toml"


# The JSON -----------------------------------------------------------------------------------

ANSWERS = {
    "nation": "england", "profession": "physiotherapist", "practice_level": "advanced",
    "settings": ["outpatient"], "imaging_provider": "same-organisation",
    "modalities": ["xray", "ultrasound"], "patients": ["adults"], "scope_written": "yes",
    "service_need": "yes", "irmer_training": "current", "education": "completed",
    "competence": "yes", "supervisor": "yes", "results_plan": "yes",
    "referral_guidelines": "yes", "audit_plan": "yes",
}


def local_statuses(result: dict) -> dict[str, str]:
    return {entry["id"]: entry["status"] for entry in result["local"]}


def test_the_json_has_the_specifications_shape(example: Employer) -> None:
    result = evaluate(ANSWERS, RULES, example)
    assert list(result) == ["rules_version", "outcome", "context", "evidence", "notices",
                            "missing", "employer", "local"]
    assert result["employer"] == {
        "id": "example-trust", "name": "Example Hospitals NHS Foundation Trust",
        "nation": "england", "checked": "2026-12-01",
        "sources": [{"title": RULES.sources["dchft-nmr"].title,
                     "url": RULES.sources["dchft-nmr"].url}],
    }
    for entry in result["local"]:
        assert list(entry) == ["id", "title", "status", "refines", "why", "sources"]
        assert entry["why"] and entry["sources"]
        assert all(list(source) == ["title", "url"] for source in entry["sources"])
    assert local_statuses(result) == {
        "two-years-registered": "check", "refresher": "held", "advanced-level": "held",
        "ultrasound-application": "check"}
    assert [entry["refines"] for entry in result["local"]] == [
        "registration", "irmer-training", None, None]
    assert result["local"][1]["why"] == [
        "You want to request “X-ray”; the trust asks for a refresher every 3 years."]
    assert result["outcome"] == "ready"
    json.dumps(result)


def test_without_an_employer_the_two_keys_are_empty() -> None:
    result = evaluate(ANSWERS, RULES)
    assert result["employer"] is None
    assert result["local"] == []


@pytest.mark.parametrize(("change", "statuses", "outcome"), [
    ({"irmer_training": "expired"},
     {"refresher": "partial", "advanced-level": "held"}, "gaps"),
    ({"practice_level": "enhanced"},
     {"refresher": "held", "advanced-level": "gap"}, "gaps"),
    ({"modalities": ["ultrasound"]},
     {"advanced-level": "held", "ultrasound-application": "check"}, "ready"),
    ({"practice_level": None}, {"advanced-level": "unknown"}, "incomplete"),
])
def test_local_statuses_follow_the_answers(example: Employer, change: dict, statuses: dict,
                                           outcome: str) -> None:
    answers = {key: value for key, value in {**ANSWERS, **change}.items() if value is not None}
    result = evaluate(answers, RULES, example)
    found = local_statuses(result)
    assert {key: found.get(key) for key in statuses} == statuses
    assert result["outcome"] == outcome


def test_a_local_gap_alone_makes_gaps(example: Employer) -> None:
    answers = {**ANSWERS, "practice_level": "enhanced"}
    assert evaluate(answers, RULES)["outcome"] == "ready"
    assert evaluate(answers, RULES, example)["outcome"] == "gaps"


def test_no_local_items_when_blocked(example: Employer) -> None:
    result = evaluate({"nation": "england", "profession": "not-registered"}, RULES, example)
    assert result["outcome"] == "blocked"
    assert result["local"] == []
    assert result["employer"]["id"] == "example-trust"


def test_before_the_profession_is_answered_no_local_item_applies(example: Employer) -> None:
    result = evaluate({"nation": "england"}, RULES, example)
    assert result["outcome"] == "incomplete"
    assert result["local"] == []


@pytest.fixture(scope="module")
def all_profiles(tmp_path_factory: pytest.TempPathFactory) -> list[Employer]:
    """Every profile in the package that loads (one that does not fails
    test_the_package_profiles_all_load_and_validate), and the placeholder."""
    folder = tmp_path_factory.mktemp("placeholder")
    write_profile(folder)
    found = []
    for path in sorted(PROFILES_DIR.glob("*.toml")):
        try:
            found.append(read_profile(path, RULES))
        except RulesError:
            continue
    return [*found, load_employers(RULES, folder)["example-trust"]]


def expected_outcome(national: dict, with_employer: dict) -> str:
    if national["outcome"] in ("blocked", "incomplete"):
        return national["outcome"]
    statuses = [e["status"] for e in national["evidence"] + with_employer["local"]]
    return "gaps" if any(s in ("gap", "partial", "unknown") for s in statuses) else "ready"


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_an_employer_never_changes_the_national_result(path: Path,
                                                       all_profiles: list[Employer]) -> None:
    answers = load(path)["answers"]
    national = evaluate(answers, RULES)
    for employer in all_profiles:
        result = evaluate(answers, RULES, employer)
        for key in NATIONAL_KEYS:
            assert result[key] == national[key], (employer.id, key)
        assert result["employer"]["id"] == employer.id
        assert result["outcome"] == expected_outcome(national, result), employer.id
        if national["outcome"] == "blocked":
            assert result["local"] == []
        applicable = [r.id for r in employer.requirements if holds(
            r.applies_when, _settled(answers))]
        if national["outcome"] != "blocked":
            assert [entry["id"] for entry in result["local"]] == applicable


def _settled(answers: dict) -> dict:
    return effective_answers(answers, RULES)


# The command line ---------------------------------------------------------------------------


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, stdin=io.StringIO(""), stdout=out, stderr=err, environ={})
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def package_profiles(profiles: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The command line's default profiles folder, pointed at the placeholder's."""
    monkeypatch.setattr(employer_profiles, "PROFILES_DIR", profiles)
    return profiles


def answers_file(tmp_path: Path, answers: dict = ANSWERS) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return str(path)


def test_list_employers(package_profiles: Path) -> None:
    write_profile(package_profiles, PROFILE.replace('nation = "england"', 'nation = "wales"')
                  .replace("Example Hospitals NHS Foundation Trust", "Example Health Board"),
                  name="example-board.toml")
    status, out, err = run(["--list-employers"])
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "example-board\tExample Health Board\twales\t2026-12-01",
        "example-trust\tExample Hospitals NHS Foundation Trust\tengland\t2026-12-01",
    ]


def test_employer_adds_the_profile_to_the_json(package_profiles: Path, tmp_path: Path,
                                               example: Employer) -> None:
    status, out, err = run(["--answers", answers_file(tmp_path), "--employer", "example-trust",
                            "--format", "json"])
    assert (status, err) == (0, "")
    assert json.loads(out) == evaluate(ANSWERS, RULES, example)
    assert json.loads(out)["employer"]["checked"] == "2026-12-01"


@pytest.mark.parametrize("output", ["markdown", "text"])
def test_employer_with_the_other_formats(package_profiles: Path, tmp_path: Path,
                                         output: str) -> None:
    status, out, err = run(["--answers", answers_file(tmp_path), "--employer", "example-trust",
                            "--format", output, "--date", "2026-12-01"])
    assert (status, err) == (0, "")
    _, plain, _ = run(["--answers", answers_file(tmp_path), "--format", output,
                       "--date", "2026-12-01"])
    assert out.startswith(plain.split("\n", 1)[0])


def test_without_employer_the_json_has_empty_keys(tmp_path: Path) -> None:
    status, out, _ = run(["--answers", answers_file(tmp_path), "--format", "json"])
    assert status == 0
    assert json.loads(out)["employer"] is None
    assert json.loads(out)["local"] == []


def test_an_unknown_employer_is_one_line_and_exit_2(package_profiles: Path,
                                                    tmp_path: Path) -> None:
    status, out, err = run(["--answers", answers_file(tmp_path), "--employer", "nowhere-trust",
                            "--format", "json"])
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert "'nowhere-trust'" in err
    assert "--list-employers" in err


def test_an_unknown_employer_fails_before_any_question_is_asked(package_profiles: Path) -> None:
    status, out, err = run(["--employer", "nowhere-trust"])
    assert (status, out) == (2, "")
    assert err.count("\n") == 1


def test_check_employer_accepts_a_good_file(profiles: Path) -> None:
    path = profiles / "example-trust.toml"
    status, out, err = run(["--check-employer", str(path)])
    assert (status, err) == (0, "")
    assert out.count("\n") == 1
    assert out.startswith(f"{path}: OK")
    assert "4 requirements" in out


def test_check_employer_names_the_file_and_key_of_a_mistake(tmp_path: Path) -> None:
    path = write_profile(tmp_path / "mine", PROFILE.replace('sources = ["dchft-nmr-resp',
                                                            'sources = ["bar", "dchft-nmr-resp'))
    status, out, err = run(["--check-employer", str(path)])
    assert (status, out) == (2, "")
    assert err == (f"python -m assessment: error: {path}: requirements.refresher.sources[0]: "
                   "unknown source 'bar'\n")


@pytest.mark.parametrize("name", ["missing.toml", "profile.txt", "a-folder.toml"])
def test_check_employer_refuses_what_is_not_a_profile_file(name: str, tmp_path: Path) -> None:
    (tmp_path / "a-folder.toml").mkdir()
    (tmp_path / "profile.txt").write_text(PROFILE, encoding="utf-8")
    status, out, err = run(["--check-employer", str(tmp_path / name)])
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert str(tmp_path / name) in err


@pytest.mark.parametrize("argv", [
    ["--list-employers", "--employer", "example-trust"],
    ["--list-employers", "--answers", "answers.json"],
    ["--check-employer", "x.toml", "--list-employers"],
])
def test_the_listing_and_checking_flags_stand_alone(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        run(argv)
    assert raised.value.code == 2


def test_broken_package_profiles_exit_1(package_profiles: Path) -> None:
    write_profile(package_profiles, PROFILE.replace("checked = 2026-12-01\n", ""),
                  name="broken-trust.toml")
    status, out, err = run(["--list-employers"])
    assert (status, out) == (1, "")
    assert "broken-trust.toml: checked: missing" in err


def test_the_real_command_lists_the_package_profiles() -> None:
    finished = subprocess.run([sys.executable, "-m", "assessment", "--list-employers"],
                              cwd=ROOT, capture_output=True, text=True, check=False)
    assert (finished.returncode, finished.stderr) == (0, "")
    assert [line.split("\t")[0] for line in finished.stdout.splitlines()] == list(
        load_employers(RULES))


# Pyodide ------------------------------------------------------------------------------------


# Imports the profiles module and reads every profile in a Python that has only its standard
# library (-S: no site-packages; -I: nothing from the environment), then prints the top-level
# name of every module loaded that is neither the standard library's nor the package's.
STDLIB_ONLY = """
import sys
sys.path.insert(0, sys.argv[1])
from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import load_rules
assert load_employers(load_rules())
print(sorted({name.split(".")[0] for name in sys.modules} - set(sys.stdlib_module_names)
             - {"assessment", "__main__"}))
"""


def test_the_profiles_module_uses_the_standard_library_only() -> None:
    done = subprocess.run([sys.executable, "-I", "-S", "-c", STDLIB_ONLY, str(ROOT)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[]\n"


def test_the_profiles_ship_in_the_package_archive() -> None:
    from hooks.assessment_page import package_files  # noqa: PLC0415
    shipped = set(package_files())
    assert ROOT / "assessment" / "reading" / "employer_profiles.py" in shipped
    assert set(PROFILES_DIR.glob("*.toml")) <= shipped


# --- the employer's section in the Markdown and text checklists ------------------------------


@pytest.mark.parametrize("profile_id", list(load_employers(RULES)))
def test_markdown_and_text_show_the_employers_requirements_in_their_own_section(
        profile_id: str) -> None:
    rules = load_rules()
    employer = load_employers(RULES)[profile_id]
    scenario = ROOT / "tests" / "scenarios" / "england-podiatrist-expired-training.json"
    answers = json.loads(scenario.read_text(encoding="utf-8"))["answers"]
    result = evaluate(answers, rules, employer)
    day = datetime.date(2026, 12, 1)
    md = markdown_of(answers, rules, today=day, employer=employer)
    plain = text_of(answers, rules, today=day, employer=employer)
    heading = rules.headings["employer"]
    assert f"## {heading}: {employer.name}" in md
    assert heading.upper() in plain
    assert employer.checked.strftime("%-d %B %Y") in md
    for entry in result["local"]:
        assert f"**{entry['title']}**: {rules.status_labels[entry['status']]}" in md
        assert entry["title"] in plain
    without = markdown_of(answers, rules, today=day)
    assert heading not in without
    assert md.split(f"## {heading}")[0] == without.split("## " + rules.headings["notices"])[0]
