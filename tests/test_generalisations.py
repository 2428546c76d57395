"""What employers, bodies and practitioners do "in general" is never written by hand: the
build's quantifier check (hooks/quantifier_checks.py) finds such a sentence in a page, a
rules or words file or a profile, names its file and line, and lets only listed sentences
through; what employers ask is counted from the profiles (hooks/employer_counts.py)."""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import load_rules
from assessment.views.provenance import title_name
from hooks import employer_counts, page_markdown, quantifier_checks
from hooks.page_sources import registry

ROOT = Path(__file__).resolve().parent.parent


def _repo(tmp_path: Path, page: str, rules: str = "", profile: str = "") -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(page, encoding="utf-8")
    (tmp_path / "assessment" / "rules").mkdir(parents=True)
    (tmp_path / "assessment" / "rules" / "evidence.toml").write_text(rules, encoding="utf-8")
    (tmp_path / "assessment" / "employers").mkdir()
    (tmp_path / "assessment" / "employers" / "a-trust.toml").write_text(profile,
                                                                        encoding="utf-8")
    return tmp_path


def _allowlist(tmp_path: Path, entries: str = "") -> Path:
    path = tmp_path / "allowed.toml"
    path.write_text(entries, encoding="utf-8")
    return path


@pytest.mark.parametrize("sentence", [
    "Many employers ask for a refresher every three years.",
    "Expect most employers to follow it.",
    "Every employer page we read asks for referrer training.",
    "It applies to every employer.",
    "Professional guidance is widely followed by trusts.",
    "Employers usually confirm it in writing.",
    "Employers expect a signed record.",
    "All the colleges agree.",
])
def test_a_generalisation_with_a_quantifier_is_found(sentence: str) -> None:
    assert quantifier_checks.generalises(sentence)


@pytest.mark.parametrize("sentence", [
    "Dorset County Hospital asks for a refresher every three years.",
    "One trust asks each referrer to submit an audit every two years.",
    "Some employers, such as Northumbria, want it signed off.",
    "Roughly how many requests you expect.",
    "Ask the provider which training it accepts.",
    "<!-- page-meta:employers-asking topic=audit --> review new referrers.",
])
def test_a_named_or_counted_statement_passes(sentence: str) -> None:
    assert not quantifier_checks.generalises(sentence)


def test_an_employer_profile_may_speak_of_its_own_referrers() -> None:
    own_rule = "Every non-medical referrer updates their IR(ME)R training every three years."
    assert quantifier_checks.generalises(own_rule)
    assert not quantifier_checks.generalises(own_rule, in_profile=True)
    assert quantifier_checks.generalises("Most trusts ask for this too.", in_profile=True)


def test_the_build_check_names_file_line_and_sentence(tmp_path: Path) -> None:
    root = _repo(tmp_path,
                 "---\ntitle: T\n---\n\n# T\n\nA first paragraph.\n\nDorset asks for it.\n"
                 "Many employers ask for it too.\n",
                 rules='[evidence.x]\nwhy = ["IR(ME)R applies. Most providers add training."]\n',
                 profile='[requirements.r]\ntext = "Every non-medical referrer trains."\n')
    with pytest.raises(ValueError) as raised:
        quantifier_checks.check_repository(root, _allowlist(tmp_path))
    message = str(raised.value)
    assert message.startswith("2 sentence(s)")
    assert "docs/page.md:10: Many employers ask for it too." in message
    assert "assessment/rules/evidence.toml:2: Most providers add training." in message
    assert "Every non-medical referrer" not in message


def test_a_listed_sentence_passes_and_an_entry_needs_its_reason(tmp_path: Path) -> None:
    root = _repo(tmp_path, "# T\n\nIt applies to every employer, by law.\n")
    with pytest.raises(ValueError, match=r"docs/page\.md:3: It applies to every employer"):
        quantifier_checks.check_repository(root, _allowlist(tmp_path))
    allowed = _allowlist(tmp_path, '[[allowed]]\nfile = "docs/page.md"\n'
                                   'starts = "It applies to every employer"\n'
                                   'why = "A statement of law."\n')
    quantifier_checks.check_repository(root, allowed)
    no_reason = _allowlist(tmp_path, '[[allowed]]\nfile = "docs/page.md"\n'
                                     'starts = "It applies to every employer"\n')
    with pytest.raises(ValueError, match="needs file, starts and why"):
        quantifier_checks.check_repository(root, no_reason)


def test_code_comments_and_front_matter_are_not_read(tmp_path: Path) -> None:
    root = _repo(tmp_path, "---\ndescription: Many employers ask.\n---\n\n# T\n\n"
                           "<!--\nMost trusts do.\n-->\n\n```\nEvery provider.\n```\n")
    quantifier_checks.check_repository(root, _allowlist(tmp_path))


def test_the_site_passes_with_a_short_allowlist_that_says_why() -> None:
    quantifier_checks.check_repository(ROOT)
    entries = tomllib.loads(quantifier_checks.ALLOWLIST_FILE.read_text(encoding="utf-8"))
    assert all(entry["why"].strip() for entry in entries.get("allowed", []))
    assert len(entries.get("allowed", [])) <= 5


def test_what_employers_ask_is_counted_and_named_from_the_profiles() -> None:
    profiles = list(load_employers(load_rules()).values())
    chosen = employer_counts.selectors("topic=training-refresh", "page.md")
    found = employer_counts.asking(profiles, chosen)
    assert found, "the profiles state a refresher interval somewhere"
    assert all(any(req.topic == "training-refresh" for req in p.requirements) for p in found)
    text = employer_counts.phrase("entitlement/keeping.md", profiles, chosen)
    # "as checked on <date>", or "between <dates>" when the profiles were checked on different days.
    assert text.startswith(f"{len(found)} of the {len(profiles)} employers profiled here, as "
                           "checked ")
    words = load_rules().words
    for profile in found:
        assert f"(../employers/{profile.id}.md)" in text
        # Named as everywhere: a partner's or a system's profile says so ("SFT (partner's
        # account)").
        assert title_name(profile, words, employer_counts.short_name(profile.name)) in text
    absent = {p.id for p in profiles} - {p.id for p in found}
    assert all(f"/{pid}.md" not in text for pid in absent)


def test_an_item_selector_counts_requirements_that_sharpen_it() -> None:
    profiles = list(load_employers(load_rules()).values())
    by_item = employer_counts.asking(profiles, {"refines": {"irmer-training"}})
    assert {p.id for p in by_item} == {
        p.id for p in profiles if any(r.refines == "irmer-training" for r in p.requirements)}
    assert employer_counts.phrase("x.md", profiles, {"topic": {"no-such-topic"}}) == (
        f"none of the {len(profiles)} employers profiled here")


def test_a_marker_with_an_unknown_selector_fails_naming_the_page() -> None:
    with pytest.raises(PluginError, match=r"page\.md: page-meta:employers-asking"):
        employer_counts.expand("<!-- page-meta:employers-asking kind=audit -->", "page.md", [])


def test_a_source_not_re_read_says_so_where_it_is_listed() -> None:
    sources = registry()
    unchecked = [entry for entry in sources.values() if not entry.checked]
    checked = [entry for entry in sources.values() if entry.checked]
    assert unchecked and checked
    assert "Not re-checked" in page_markdown.source_line(unchecked[0])
    assert "Not re-checked" not in page_markdown.source_line(checked[0])
    assert isinstance(checked[0].checked, datetime.date)
