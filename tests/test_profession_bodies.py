"""Results that fit the person: which body's position applies to each profession
(assessment/rules/profession_bodies.toml). A profession's own body is given as a reason, with
its sources, to that profession only; a profession no body speaks for gets the sentence that
applies to every referrer; and the rules refuse, at load, an item that gives one profession's
body to everyone, naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.engine.answers import settled_answers
from assessment.engine.evaluate import evaluate
from assessment.model.errors import RulesError
from assessment.reading.loader import load_rules
from tests.rules_copies import rules_with

RULES = load_rules()
REGISTERED = [option.id for option in RULES.question("profession").options
              if option.id != "not-registered"]


def _reasons(profession: str) -> dict[str, tuple[str, set[str]]]:
    """The why sentences (joined) and source ids of the items resting on a body's position."""
    result = evaluate(settled_answers({"nation": "england", "profession": profession}, RULES),
                      RULES)
    return {entry.item.id: (" ".join(entry.why), {source.id for source in entry.sources})
            for entry in result.evidence if entry.item.id in RULES.body_items}


@pytest.mark.parametrize("profession", REGISTERED)
def test_no_profession_is_given_another_professions_body(profession: str) -> None:
    reasons = _reasons(profession)
    assert set(reasons) == {"education", "competence"}
    own = RULES.profession_bodies.get(profession)
    for other in RULES.profession_bodies.values():
        if other.profession == profession:
            continue
        for why, sources in reasons.values():
            assert other.says not in why
            for name in other.names:
                if own is None or name not in own.names:
                    assert name not in why, (profession, name)
            if own is None:
                assert not set(other.sources) & sources - set(RULES.item("education").sources)


def test_a_physiotherapist_is_given_the_csp_and_a_nurse_the_rcn() -> None:
    why, sources = _reasons("physiotherapist")["education"]
    assert "Chartered Society of Physiotherapy" in why and "csp-imaging" in sources
    why, sources = _reasons("nurse")["competence"]
    assert "Royal College of Nursing" in why and "CSP" not in why
    assert "csp-imaging" not in sources and "sor-2025-announcement" in sources


def test_a_profession_no_body_speaks_for_gets_the_sentence_for_every_referrer() -> None:
    why, sources = _reasons("pharmacist")["education"]
    assert "appropriately trained for their scope of practice" in why
    assert sources == {"rcr-letter-2024"}
    assert "pharmacist" not in RULES.profession_bodies


def test_a_position_known_only_from_a_report_says_who_reported_it() -> None:
    for body in RULES.profession_bodies.values():
        assert (body.reported_by is None) == body.read, body.profession
        if body.reported_by is not None:
            assert body.reported_by in body.sources


BROKEN = {
    "an item naming a profession's body to everyone": (
        "evidence.toml", "Whatever your registered profession, the RCR and SoR reminded",
        "Whatever your registered profession, the CSP and the RCR and SoR reminded",
        "evidence.education.why[0]", "names 'CSP' to every profession"),
    "an item citing a profession's own source to everyone": (
        "evidence.toml", 'sources = ["rcr-letter-2024"]\n',
        'sources = ["rcr-letter-2024", "csp-imaging"]\n',
        "evidence.education.sources", "cites 'csp-imaging' to every profession"),
    "a key that is not a profession": (
        "profession_bodies.toml", "[professions.osteopath]", "[professions.osteopaths]",
        "professions.osteopaths", "not a registered profession"),
    "the not-registered option": (
        "profession_bodies.toml", "[professions.osteopath]", "[professions.not-registered]",
        "professions.not-registered", "not a registered profession"),
    "an unknown item": (
        "profession_bodies.toml", 'items = ["education", "competence"]',
        'items = ["education", "competences"]', "items[1]", "unknown evidence item"),
    "a position not read without who reported it": (
        "profession_bodies.toml", 'reported_by = "sor-2025-announcement"\n', "",
        "professions.nurse.reported_by", "names the source that reports"),
    "an unknown source": (
        "profession_bodies.toml", 'sources = ["csp-imaging"]', 'sources = ["csp-imaging-2"]',
        "professions.physiotherapist.sources[0]", "unknown source"),
    "a missing sentence": (
        "profession_bodies.toml", "says = \"For osteopaths", "said = \"For osteopaths",
        "professions.osteopath.said", "unknown key"),
}


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_a_mistake_fails_naming_file_and_key(case: str, tmp_path: Path) -> None:
    file, old, new, key, message = BROKEN[case]
    rules_dir = tmp_path / "rules"
    path = rules_with(rules_dir, file, old, new)
    with pytest.raises(RulesError) as raised:
        load_rules(rules_dir)
    assert raised.value.file == str(path)
    assert raised.value.key == key, str(raised.value)
    assert message in str(raised.value)
