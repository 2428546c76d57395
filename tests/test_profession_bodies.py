"""The data on which body's position applies to each profession
(assessment/rules/profession_bodies.toml): every key is a profession the self-assessment asks
about, every source is in the registry, and a profession's own body is cited for that
profession only (the engine does not read the file yet)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from assessment.reading.loader import load_rules

DATA = Path(__file__).resolve().parent.parent / "assessment" / "rules" / "profession_bodies.toml"
FIELDS = {"body", "kind", "position", "dated", "read", "sources"}


def _data() -> dict:
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


def test_every_entry_is_a_profession_with_known_sources() -> None:
    rules = load_rules()
    options = {option.id for option in rules.question("profession").options}
    data = _data()
    assert set(data["professions"]) <= options - {"not-registered"}
    for where, entry in [("neutral", data["neutral"]), *data["professions"].items()]:
        assert FIELDS <= set(entry) <= FIELDS | {"reported_by"}, where
        assert entry["sources"] and set(entry["sources"]) <= set(rules.sources), where
        if not entry["read"]:
            assert entry["reported_by"] in entry["sources"], where


def test_a_profession_specific_body_speaks_for_its_own_profession_only() -> None:
    professions = _data()["professions"]
    assert professions["physiotherapist"]["sources"] == ["csp-imaging"]
    assert all("csp-imaging" not in entry["sources"]
               for pid, entry in professions.items() if pid != "physiotherapist")
    assert "nurse" in professions and "pharmacist" not in professions
