"""Employer profiles, part 2: where each profile comes from (`own`, `partner`, `system`) on every
surface that names it, each requirement's three voices, the comparison's columns computed from
the data (two or more profiles), its cells linked to their sources, and contacts as links.

The real profiles in assessment/employers/ are read as the site reads them; the small profiles
written into temporary folders here are placeholders, never shipped.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from assessment.cli import main
from assessment.model.errors import RulesError
from assessment.model.rules_model import FACT_KINDS, Employer
from assessment.reading.employer_profiles import load_employers, read_profile
from assessment.reading.loader import load_rules
from assessment.views.provenance import provenance_sentence, shown_name
from assessment.web import decision_record, pack, review_view
from hooks.assessment_page import page_data
from hooks.employer_pages import (
    compared_markdown,
    profile_markdown,
    profile_title,
    stated_topics,
)
from hooks.page_markdown import human_date

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules()
PROFILES = list(load_employers(RULES).values())
BY_ID = {profile.id: profile for profile in PROFILES}
NOT_OWN = [profile for profile in PROFILES if profile.provenance != "own"]
# Answers under which every kind of local requirement applies: ionising and ultrasound imaging,
# from primary care, to another organisation's imaging service.
ANSWERS = {
    "nation": "england", "profession": "physiotherapist", "practice_level": "advanced",
    "settings": ["primary-care", "community"], "imaging_provider": "other-organisation",
    "modalities": ["xray", "ultrasound"], "patients": ["adults"],
    "irmer_training": "current",
}

# A placeholder profile, read from a temporary folder.
PROFILE = '''\
name = "Example Community Trust"
expanded_from = "ECT"
nation = "england"
provenance = "partner"
partner = "Example Local Medical Committee"
checked = 2026-12-01
sources = ["lincs-nmr"]

[facts.contact]
text = "referrers@example.nhs.uk, for applications"
email = "referrers@example.nhs.uk"
sources = ["lincs-nmr"]

[apply]
text = "The LMC describes a form sent to the provider's radiology department."

[requirements.refresher]
title = "A refresher every three years"
text = "Referrers refresh their IR(ME)R training every three years."
sources = ["lincs-nmr"]
topic = "training-refresh"
in_short = "Every 3 years"
also = { training = "e-IRMER modules" }
refines = "irmer-training"
check = "Ask the provider when your refresher is due."
why = ["You want to request ionising imaging, and the provider asks for a refresher."]

[requirements.refresher.voices]
pack = "The provider asks its referrers for a refresher every three years."
reviewer = "Confirm the date of the applicant's last IR(ME)R training."
'''


def write(folder: Path, text: str = PROFILE, name: str = "example-community.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(tmp_path: Path, old: str, new: str) -> RulesError:
    assert old in PROFILE, old
    path = write(tmp_path / "employers", PROFILE.replace(old, new, 1))
    with pytest.raises(RulesError) as raised:
        read_profile(path, RULES)
    return raised.value


# --- provenance in the data ------------------------------------------------------------------

def test_every_profile_says_where_it_comes_from_and_names_its_partner() -> None:
    for profile in PROFILES:
        assert profile.provenance in ("own", "partner", "system"), profile.id
        assert (profile.partner is None) == (profile.provenance == "own"), profile.id
    assert (BY_ID["somerset"].provenance, BY_ID["somerset"].partner) == (
        "partner", "Somerset GP Education Trust")
    assert (BY_ID["lincolnshire-ulht"].provenance, BY_ID["lincolnshire-ulht"].partner) == (
        "partner", "Lincolnshire Local Medical Committee")
    assert BY_ID["bnssg-ice"].provenance == "system"
    # The names the sources give only as abbreviations are marked as our expansion.
    assert {p.id: p.expanded_from for p in PROFILES if p.expanded_from} == {
        "somerset": "SFT", "lincolnshire-ulht": "ULHT", "east-kent-hospitals": "EKHUFT"}


def test_a_profile_beyond_england_exists_for_scotland_and_wales() -> None:
    nations = {profile.nation for profile in PROFILES}
    assert {"scotland", "wales"} <= nations
    assert BY_ID["nhs-borders"].nation == "scotland"


def test_the_dated_module_list_is_marked_dated() -> None:
    requirement = next(req for req in BY_ID["lincolnshire-ulht"].requirements
                       if req.id == "e-irmer-certificate")
    assert requirement.dated and "IR(ME)R 2000" in requirement.dated
    assert "2017" in requirement.dated
    page = profile_markdown(BY_ID["lincolnshire-ulht"], RULES, PROFILES)
    assert f"**{RULES.words.text('employers', 'provenance.dated')}** {requirement.dated}" in page


@pytest.mark.parametrize(("old", "new", "key", "message"), [
    ('provenance = "partner"', 'provenance = "hearsay"', "provenance", "unknown provenance"),
    ('partner = "Example Local Medical Committee"\n', "", "partner", "missing"),
    ('provenance = "partner"', 'provenance = "own"', "partner", "only a partner"),
    ("[facts.contact]", "[facts.phone]", "facts.phone", "unknown fact"),
    ('email = "referrers@example.nhs.uk"', 'email = "referrers"', "facts.contact.email",
     "not an email address"),
    ('also = { training = "e-IRMER modules" }', 'also = { trainingg = "e-IRMER modules" }',
     "requirements.refresher.also.trainingg", "unknown topic"),
    ('pack = "The provider asks its referrers for a refresher every three years."\n', "",
     "requirements.refresher.voices.pack", "missing"),
    ('reviewer = "Confirm the date of the applicant\'s last IR(ME)R training."\n', "",
     "requirements.refresher.voices.reviewer", "missing"),
    ("[requirements.refresher.voices]\n", "[requirements.refresher.spoken]\n",
     "requirements.refresher.spoken", "unknown key"),
])
def test_a_mistake_names_the_file_and_the_key(tmp_path: Path, old: str, new: str, key: str,
                                               message: str) -> None:
    error = refused(tmp_path, old, new)
    assert error.file.endswith("example-community.toml")
    assert error.key == key
    assert message in str(error)


def test_check_employer_refuses_a_profile_without_a_voice(tmp_path: Path) -> None:
    without = PROFILE.replace(
        'reviewer = "Confirm the date of the applicant\'s last IR(ME)R training."\n', "")
    path = write(tmp_path, without, "missing-voice.toml")
    out, err = io.StringIO(), io.StringIO()
    assert main(["--check-employer", str(path)], stdout=out, stderr=err) == 2
    line = err.getvalue().strip()
    assert len(line.splitlines()) == 1
    assert "missing-voice.toml" in line and "requirements.refresher.voices.reviewer" in line
    # The placeholder as written is accepted.
    good = write(tmp_path, PROFILE, "complete.toml")
    out = io.StringIO()
    assert main(["--check-employer", str(good)], stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue().startswith("complete.toml: OK") or "OK" in out.getvalue()


def test_every_requirement_has_its_three_voices() -> None:
    for profile in PROFILES:
        for req in profile.requirements:
            assert req.why and (req.check or req.next_step), (profile.id, req.id)  # applicant
            assert req.pack.strip() and req.reviewer.strip(), (profile.id, req.id)
            # The pack and the reviewer speak of the applicant, not to them.
            assert not re.search(r"\b[Yy]ou(r)?\b", req.pack + " " + req.reviewer), (
                profile.id, req.id)


# --- provenance on every surface -------------------------------------------------------------

def marks(profile: Employer) -> list[str]:
    """What a surface must show of a profile's provenance: its partner, and the abbreviation a
    name was expanded from."""
    found = [profile.partner or ""]
    if profile.expanded_from:
        found.append(f"“{profile.expanded_from}”")
    return found


@pytest.mark.parametrize("profile", NOT_OWN, ids=lambda p: p.id)
def test_the_profile_page_and_its_title_say_its_provenance(profile: Employer) -> None:
    page = profile_markdown(profile, RULES, PROFILES)
    heading = next(line for line in page.splitlines() if line.startswith("# "))
    assert heading == f"# {shown_name(profile, RULES.words)}"
    assert all(mark in heading for mark in marks(profile))
    assert provenance_sentence(profile, RULES.words) in page
    title = profile_title(profile, RULES)
    assert f"title: {title}" in page
    assert ("partner’s account" if profile.provenance == "partner" else "system page") in title


@pytest.mark.parametrize("profile", NOT_OWN, ids=lambda p: p.id)
def test_the_comparison_row_says_its_provenance(profile: Employer) -> None:
    page = compared_markdown(PROFILES, RULES)
    row = next(line for line in page.splitlines() if f"]({profile.id}.md)<br>" in line
               and line.startswith("| ["))
    assert all(mark in row for mark in marks(profile)), row


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.id)
def test_every_profile_page_says_where_it_comes_from(profile: Employer) -> None:
    page = profile_markdown(profile, RULES, PROFILES)
    label = RULES.words.text("employers", "provenance.label")
    line = next(line for line in page.splitlines() if line.startswith(f"**{label}:**"))
    assert provenance_sentence(profile, RULES.words) in line
    assert f"][{profile.sources[0]}]" in line


def test_the_caveat_counts_the_profiles_by_provenance() -> None:
    page = compared_markdown(PROFILES, RULES)
    counts = {kind: sum(p.provenance == kind for p in PROFILES)
              for kind in ("own", "partner", "system")}
    assert (f"{counts['own']} of the {len(PROFILES)} profiles on this site come from the "
            "employer’s own public pages") in page
    assert f"{counts['partner']} from a partner’s description" in page
    assert f"{counts['system']} from a system-level page" in page
    assert "only from that employer's own" not in page


def test_the_self_assessment_choice_says_each_profiles_provenance() -> None:
    # The choice as its template (overrides/partials/assessment/employer.html) prints it from
    # the hook's data; `url` makes a site path relative to the page, as MkDocs's filter does.
    templates = Environment(loader=FileSystemLoader(ROOT / "overrides"))
    templates.filters["url"] = lambda path: f"../{path}"
    html = templates.get_template("partials/assessment/employer.html").render(
        assessment=page_data(None))
    for profile in NOT_OWN:
        label = re.search(rf'id="q-employer-{profile.id}"[^>]*>.*?<label[^>]*>(.*?)</label>',
                          html, re.S)
        assert label, profile.id
        assert all(mark in label.group(1) for mark in marks(profile)), label.group(1)
    assert "employers’ own public documents" not in html


def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(ANSWERS), encoding="utf-8")
    return path


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml.replace("</w:p>", "\n"))


@pytest.mark.parametrize("profile", NOT_OWN, ids=lambda p: p.id)
@pytest.mark.parametrize("form", ["markdown", "text"])
def test_the_checklists_employer_section_says_its_provenance(tmp_path: Path, profile: Employer,
                                                             form: str) -> None:
    out = io.StringIO()
    assert main(["--answers", str(answers_file(tmp_path)), "--employer", profile.id,
                 "--format", form], stdout=out, stderr=io.StringIO()) == 0
    said = re.sub(r"\s+", " ", out.getvalue().replace("\\", ""))
    assert re.sub(r"\s+", " ", provenance_sentence(profile, RULES.words)) in said
    assert all(mark in said for mark in marks(profile))


@pytest.mark.parametrize("profile", NOT_OWN, ids=lambda p: p.id)
def test_the_word_pack_says_its_provenance(profile: Employer) -> None:
    text = docx_text(pack(json.dumps(ANSWERS), "2026-12-03", employer=profile.id))
    assert provenance_sentence(profile, RULES.words) in text
    assert all(mark in text for mark in marks(profile))


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.id)
def test_the_review_page_and_the_decision_record_say_its_provenance(profile: Employer) -> None:
    view = json.loads(review_view(json.dumps(ANSWERS), "2026-12-03", employer=profile.id))
    employer = view["employer"]
    assert employer["name"] == shown_name(profile, RULES.words)
    assert employer["note"].startswith(provenance_sentence(profile, RULES.words))
    record = docx_text(decision_record(json.dumps(ANSWERS), "2026-12-03", json.dumps({}),
                                       employer=profile.id))
    assert provenance_sentence(profile, RULES.words) in record
    assert all(mark in record for mark in marks(profile))


def test_the_review_page_speaks_the_reviewers_voice_for_each_requirement() -> None:
    view = json.loads(review_view(json.dumps(ANSWERS), "2026-12-03",
                                  employer="dorset-county-hospital"))
    local = [item for item in view["items"] if item["kind"] == "local"]
    assert local
    requirements = {req.id: req for req in BY_ID["dorset-county-hospital"].requirements}
    for item in local:
        assert item["verify"] == requirements[item["id"]].reviewer
        assert item["verify_sources"]


def test_the_pack_gives_each_requirements_reason_in_the_third_person() -> None:
    text = docx_text(pack(json.dumps(ANSWERS), "2026-12-03", employer="somerset"))
    requirement = BY_ID["somerset"].requirements[0]
    assert requirement.pack in text
    assert requirement.why[0] not in text


# --- the comparison: columns from the data, cells linked to sources, contacts as links -------

def test_the_columns_are_what_two_or_more_profiles_state() -> None:
    stated: dict[str, set[str]] = {}
    for profile in PROFILES:
        for req in profile.requirements:
            for topic, _ in req.columns():
                stated.setdefault(topic, set()).add(profile.id)
        for fact in profile.facts:
            stated.setdefault(fact.kind, set()).add(profile.id)
    expected = [column for column in [*RULES.employer_topics, *FACT_KINDS]
                if len(stated.get(column, ())) >= 2]
    assert stated_topics(PROFILES, RULES) == expected
    # The questions members ask: which training is accepted, and who to contact.
    assert {"training", "contact"} <= set(expected)


def test_a_column_appears_only_once_two_profiles_state_it(tmp_path: Path) -> None:
    one = read_profile(write(tmp_path / "a", PROFILE, "one.toml"), RULES)
    without_contact = re.sub(r"\[facts\.contact\].*?\n\n", "", PROFILE, flags=re.S)
    other = read_profile(write(tmp_path / "b", without_contact, "other.toml"), RULES)
    assert "contact" not in stated_topics([one, other], RULES)
    only = compared_markdown([one, other], RULES)
    assert "Who to contact: stated only by" in only
    second = read_profile(write(tmp_path / "c", PROFILE, "second.toml"), RULES)
    assert "contact" in stated_topics([one, second], RULES)
    # A requirement counts in both of its columns.
    assert {"training", "training-refresh"} <= set(stated_topics([one, second], RULES))


def table_rows(page: str) -> tuple[list[str], list[list[str]]]:
    lines = [line for line in page.splitlines() if line.startswith("| ")]
    split = [re.split(r"(?<!\\)\|", line)[1:-1] for line in lines]
    return [cell.strip() for cell in split[0]], [[c.strip() for c in row] for row in split[1:]]


def test_every_stated_cell_links_to_its_profiles_sources() -> None:
    page = compared_markdown(PROFILES, RULES)
    headings, rows = table_rows(page)
    not_stated = RULES.words.text("employers", "compared.not_stated")
    columns = stated_topics(PROFILES, RULES)
    assert headings[1:1 + len(columns)] == [
        RULES.employer_topics.get(c) or RULES.words.text("employers", f"facts.{c}")
        for c in columns]
    assert len(rows) == len(PROFILES)
    for profile, row in zip(PROFILES, rows, strict=True):  # each row with its checked date
        assert row[0].endswith(RULES.words.text(
            "employers", "compared.where", nation=RULES.question("nation").option(
                profile.nation).label, date=human_date(profile.checked)))
    linked = 0
    for profile, row in zip(PROFILES, rows, strict=True):
        allowed = {*profile.sources, *(s for r in profile.requirements for s in r.sources),
                   *(s for f in profile.facts for s in f.sources)}
        for cell in row[1:1 + len(columns)]:
            if cell == not_stated:
                continue
            cited = re.findall(r"\]\[([a-z0-9-]+)\]", cell)
            assert cited and set(cited) <= allowed, (profile.id, cell)
            linked += 1
    assert linked >= len(PROFILES)


def test_refreshers_count_as_training_so_not_stated_means_what_the_legend_says() -> None:
    page = compared_markdown(PROFILES, RULES)
    headings, rows = table_rows(page)
    training = headings.index(RULES.employer_topics["training"])
    by_id = dict(zip((p.id for p in PROFILES), rows, strict=True))
    for profile_id in ("cobalt-health", "somerset"):
        assert by_id[profile_id][training] != RULES.words.text("employers", "compared.not_stated")


def test_contacts_with_an_address_are_email_links() -> None:
    page = compared_markdown(PROFILES, RULES)
    assert "[NMR@dchft.nhs.uk, for applications](mailto:NMR@dchft.nhs.uk)" in page
    # An address in the profile's own words ("email it to …") is a link on its page too.
    dorset = profile_markdown(BY_ID["dorset-county-hospital"], RULES, PROFILES)
    assert "email it to [NMR@dchft.nhs.uk](mailto:NMR@dchft.nhs.uk) and" in dorset
    for profile in PROFILES:
        fact = profile.fact("contact")
        if fact and fact.email:
            assert f"](mailto:{fact.email})" in page
            assert f"](mailto:{fact.email})" in profile_markdown(profile, RULES, PROFILES)


def test_what_one_or_no_profile_states_is_said_and_linked() -> None:
    page = compared_markdown(PROFILES, RULES)
    assert ("Minimum experience since registration: stated only by "
            "[Dorset County Hospital NHS Foundation Trust](dorset-county-hospital.md)") in page
    assert "How long a decision takes: stated by none of the profiles." in page
    assert "What only one profile states, or none" in page


def test_the_nations_without_a_profile_are_named_with_what_was_searched() -> None:
    page = compared_markdown(PROFILES, RULES)
    assert "Northern Ireland 0" in page
    assert "[what we searched](profiles.md#nations)" in page
    profiles_page = (Path(__file__).resolve().parent.parent / "docs" / "employers"
                     / "profiles.md").read_text(encoding="utf-8")
    assert "{#nations}" in profiles_page
    assert "Northern Ireland" in profiles_page and "we searched" in profiles_page


def test_the_order_comms_step_is_in_the_next_step_and_how_to_apply() -> None:
    item = RULES.item("each-provider")
    assert "ICE" in (item.check or "") and "after" in (item.check or "")
    for profile_id in ("east-kent-hospitals", "bnssg-ice"):
        assert "ICE" in BY_ID[profile_id].apply_text
        assert "step" in BY_ID[profile_id].apply_text


# --- the built site --------------------------------------------------------------------------

def plain(html: str) -> str:
    """An element's text: without its permalink, tags (an abbreviation's) or entities."""
    html = re.sub(r'<a class="headerlink".*?</a>', "", html, flags=re.S)
    return re.sub(r"<[^>]+>", "", html).replace("&amp;", "&").strip()


def test_the_built_pages_name_each_profile_with_its_provenance(built_site: Path) -> None:
    """What a reader meets: the self-assessment's options, each profile page's title and
    heading, and the comparison's contacts as email links."""
    choice = (built_site / "assessment" / "index.html").read_text(encoding="utf-8")
    compared = (built_site / "employers" / "compared" / "index.html").read_text(encoding="utf-8")
    for profile in PROFILES:
        label = re.search(rf'<label for="q-employer-{profile.id}">(.*?)</label>', choice, re.S)
        assert label, profile.id
        assert plain(label.group(1)) == shown_name(profile, RULES.words), profile.id
        page = (built_site / "employers" / profile.id / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert title and title.group(1).startswith(profile_title(profile, RULES)), profile.id
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        assert heading and plain(heading.group(1)) == shown_name(profile, RULES.words)
        fact = profile.fact("contact")
        if fact and fact.email:
            assert f'href="mailto:{fact.email}"' in compared
    assert compared.count('href="mailto:') >= 2
