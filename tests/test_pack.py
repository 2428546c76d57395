"""The hand-over to the employer: the share link's fragment written in Python as the page
writes it, the stand-alone information in the Markdown and text checklists (name, imaging
provider, the self-declared line, the live result's address), the plain text's wrapping, the
Word application's bytes from the command line and from Pyodide (what it says:
test_application_pack.py), and the command line's --format docx, --output, --name and
--provider."""

from __future__ import annotations

import base64
import datetime
import io
import itertools
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from assessment.cli import main
from assessment.engine.answers import settled_answers
from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import load_rules
from assessment.renderers.checklists import markdown, text
from assessment.renderers.pack import application_pack
from assessment.views.result_view import ResultView
from assessment.views.share_link import encode_component, result_url
from tests.assessing import evaluate, view_of
from tests.pyodide_run import package_file_list

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "tests" / "scenarios"
RULES = load_rules()
EMPLOYERS = load_employers(rules=RULES)
PACK_WORDS = RULES.words.section("pack")  # the pack's own words (words/pack.toml)
# What a document carries to stand on its own (words/result.toml [handover]).
HANDOVER = {key: RULES.words.text("result", f"handover.{key}")
            for key in ("name", "provider", "self_declared", "live_result")}
SITE = "https://example.org/referrers/"
TODAY = datetime.date(2026, 12, 1)
NAME = "Alex Jones-Ó Briain"
PROVIDER = "Cardiff and Vale University Health Board"

# (scenario, employer id or None): every outcome, with and without an employer.
CASES = [
    ("wales-childrens-anp", "somerset"),
    ("wales-childrens-anp", None),
    ("england-gp-practice-paramedic", "northumbria"),
    ("scotland-independent-chiropractor-mri", None),
    ("england-theatre-odp-partly-answered", "dorset-county-hospital"),
    ("not-registered-no-nation", None),
    ("nothing-answered", "lincolnshire-ulht"),
]
CASE_IDS = [f"{name}+{employer or 'none'}" for name, employer in CASES]


def answers_of(name: str) -> dict:
    return json.loads((SCENARIOS / f"{name}.json").read_text(encoding="utf-8"))["answers"]


def view_for(name: str, employer: str | None, *, site_url: str | None = SITE,
              who: bool = True) -> ResultView:
    answers = answers_of(name)
    profile = EMPLOYERS[employer] if employer else None
    return view_of(answers, RULES,
                           site_url=site_url, today=TODAY, employer=profile,
                           name=NAME if who else "", provider=PROVIDER if who else "")


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, stdin=io.StringIO(""), stdout=out, stderr=err, environ={})
    return status, out.getvalue(), err.getvalue()


def answers_file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(answers_of(name)), encoding="utf-8")
    return path


# The share link ---------------------------------------------------------------------------

FRAGMENTS = [
    ({"modalities": ["mri", "xray"], "profession": "physiotherapist", "nation": "england"},
     None, "nation=england&profession=physiotherapist&modalities=xray,mri"),
    # Not registered: only nation and profession are asked; the stale answers are left out.
    ({"nation": "wales", "profession": "not-registered", "practice_level": "advanced",
      "modalities": ["xray"]}, "somerset",
     "nation=wales&profession=not-registered&employer=somerset"),
    # IR(ME)R training is asked only with an ionising modality; an empty list is unanswered.
    ({"profession": "nurse", "modalities": ["ultrasound"], "irmer_training": "current",
      "settings": []}, None, "profession=nurse&modalities=ultrasound"),
    ({"patients": ["children", "adults"], "profession": "midwife",
      "paediatric_competence": "no", "settings": ["community", "inpatient"]}, "northumbria",
     "profession=midwife&settings=inpatient,community&patients=adults,children"
     "&paediatric_competence=no&employer=northumbria"),
    ({}, None, ""),
    ({}, "ramsay-health-care", "employer=ramsay-health-care"),
]


@pytest.mark.parametrize(("answers", "employer", "expected"), FRAGMENTS)
def test_the_fragment_is_written_as_the_page_writes_it(answers, employer, expected) -> None:
    profile = EMPLOYERS[employer] if employer else None
    assert view_of(answers, RULES, employer=profile).fragment == expected


def test_a_whole_scenario_with_an_employer_gives_its_hand_written_fragment() -> None:
    assert view_for("wales-childrens-anp", "somerset").fragment == (
        "nation=wales&profession=nurse&practice_level=advanced&settings=emergency-urgent"
        "&imaging_provider=same-organisation&modalities=xray,ultrasound&patients=children"
        "&scope_written=yes&service_need=yes&irmer_training=current&education=completed"
        "&competence=yes&paediatric_competence=no&supervisor=yes&results_plan=yes"
        "&referral_guidelines=yes&audit_plan=yes&employer=somerset")


def test_values_are_encoded_as_encode_uri_component_encodes_them() -> None:
    assert encode_component("a b,c/é&=#%+~*'()._-!Z9") == (
        "a%20b%2Cc%2F%C3%A9%26%3D%23%25%2B~*'()._-!Z9")
    assert encode_component("\U0001d6fc") == "%F0%9D%9B%BC"


def test_the_live_result_address() -> None:
    assert result_url("https://x.org/site", "a=b") == "https://x.org/site/assessment/#a=b"
    assert result_url("https://x.org/site/", "") == "https://x.org/site/assessment/"


def test_the_pages_own_script_writes_the_same_fragments(tmp_path: Path) -> None:
    """fragmentFor of overrides/assets/js/link.js, run by Node, for every scenario
    (its answers as the page's form gives them: no empty lists), with each employer choice
    in turn: Python's to the character, the employer after the questions' keys."""
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not on PATH")
    controls = {q.id: {"multi": q.multi, "values": [o.id for o in q.options]}
                for q in RULES.questions}
    # The page's employer choice: always asked, last, and "Not listed" is no employer.
    controls["employer"] = {"multi": False, "values": [*EMPLOYERS, "not-listed"],
                            "always": True}
    choices = itertools.cycle([*EMPLOYERS, "not-listed", None])
    cases = {}
    for path in sorted(SCENARIOS.glob("*.json")):
        answers = {key: value for key, value in
                   json.loads(path.read_text(encoding="utf-8"))["answers"].items() if value}
        asked = list(settled_answers(answers, RULES).asked)
        employer = next(choices)
        on_page = {**answers, "employer": employer} if employer else answers
        cases[path.stem] = {"answers": on_page, "asked": asked,
                            "python": view_of(answers, RULES, employer=EMPLOYERS.get(
                                employer or "")).fragment}
    script = (ROOT / "overrides" / "assets" / "js" / "link.js").as_uri()
    source = json.dumps(str(tmp_path / "in.json"))
    program = (
        f"import {{ fragmentFor }} from {json.dumps(script)};\n"
        "import { readFileSync } from 'node:fs';\n"
        f"const input = JSON.parse(readFileSync({source}, 'utf8'));\n"
        "const controls = new Map(Object.entries(input.controls));\n"
        "const out = {};\n"
        "for (const [name, c] of Object.entries(input.cases)) {\n"
        "  out[name] = fragmentFor(c.answers, controls, new Set(c.asked));\n"
        "}\n"
        "process.stdout.write(JSON.stringify(out));\n")
    (tmp_path / "in.json").write_text(json.dumps({"controls": controls, "cases": cases}),
                                      encoding="utf-8")
    done = subprocess.run([node, "--input-type=module", "-e", program], capture_output=True,
                          check=False, timeout=60)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    from_js = json.loads(done.stdout)
    assert from_js == {name: case["python"] for name, case in cases.items()}


# Markdown and text stand on their own -----------------------------------------------------

def test_markdown_holds_the_name_provider_self_declared_line_and_live_result() -> None:
    view = view_for("wales-childrens-anp", "somerset")
    out = markdown(view)
    head = out.split("## ", 1)[0]
    assert f"- **{HANDOVER['name']}:** {NAME}" in head
    assert f"- **{HANDOVER['provider']}:** {PROVIDER}" in head
    assert view.self_declared in head
    (line,) = [line for line in head.splitlines() if line.startswith(HANDOVER["live_result"])]
    assert line == f"{HANDOVER['live_result']}: <{view.result_url}>"
    assert view.result_url == f"{SITE}assessment/#{view.fragment}"
    # Every guidance link is a full address.
    assert re.findall(r"Guidance: \[[^\]]*\]\(([^)]*)\)", out)
    assert all(url.startswith(f"{SITE}evidence/#")
               for url in re.findall(r"Guidance: \[[^\]]*\]\(([^)]*)\)", out))


def test_text_holds_the_same_stand_alone_information() -> None:
    view = view_for("wales-childrens-anp", "somerset")
    out = text(view)
    head = out.split("OUTCOME:", 1)[0]
    assert f"{HANDOVER['name']}: {NAME}\n" in head
    assert f"{HANDOVER['provider']}: {PROVIDER}\n" in head
    assert " ".join(view.self_declared.split()) in " ".join(head.split())
    assert f"\n  {view.result_url}\n" in head
    assert f"Guidance: {SITE}evidence/#paediatric-competence" in out


def test_without_a_site_address_or_a_name_there_is_no_link_and_no_name() -> None:
    view = view_for("wales-childrens-anp", None, site_url=None, who=False)
    assert view.result_url is None and view.name == view.provider == ""
    for out in (markdown(view), text(view)):
        assert HANDOVER["live_result"] not in out and HANDOVER["name"] + ":" not in out
        assert HANDOVER["provider"] + ":" not in out
        assert "Self-declared" in out


def test_the_name_and_provider_never_reach_the_link() -> None:
    view = view_for("wales-childrens-anp", "somerset")
    assert view.fragment == view_for("wales-childrens-anp", "somerset", who=False).fragment
    assert "Jones" not in (view.result_url or "") and "Cardiff" not in (view.result_url or "")


def test_typed_text_is_kept_on_one_line() -> None:
    answers = answers_of("wales-childrens-anp")
    view = view_of(answers, RULES, today=TODAY,
                            name="  Alex\nJones\t ", provider="A\r\nB")
    assert (view.name, view.provider) == ("Alex Jones", "A B")


LABEL = re.compile(r"^\s*([A-Z][A-Za-z ()’']{1,40}): ")


@pytest.mark.parametrize(("name", "employer"), CASES, ids=CASE_IDS)
def test_a_wrapped_text_value_never_repeats_its_label(name: str, employer: str | None) -> None:
    out = text(view_for(name, employer)).splitlines()
    for before, after in itertools.pairwise(out):
        first, second = LABEL.match(before), LABEL.match(after)
        assert not (first and second and first.group(1) == second.group(1)), (before, after)


def test_the_context_labels_appear_once_each() -> None:
    """Wales's regulations and practice framework wrap over three lines each."""
    out = text(view_for("wales-childrens-anp", None))
    out = out.split("WHERE YOU WILL REFER", 1)[1].split("YOUR ANSWERS", 1)[0]
    for label in ("Regulations", "Practice framework"):
        assert len(re.findall(rf"^ *{label}:", out, re.MULTILINE)) == 1, label
    long_name = "Dr " + "Alexandra Catherine Montgomery-Featherstonehaugh " * 3
    answers = answers_of("wales-childrens-anp")
    wrapped = text(view_of(answers, RULES, today=TODAY,
                                   name=long_name))
    assert wrapped.count(f"{HANDOVER['name']}:") == 1


# The command line -------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "employer"), CASES[:3], ids=CASE_IDS[:3])
def test_the_command_line_writes_the_same_bytes(tmp_path: Path, name: str,
                                                employer: str | None) -> None:
    target = tmp_path / "pack.docx"
    argv = ["--answers", str(answers_file(tmp_path, name)), "--format", "docx", "--output",
            str(target), "--site-url", SITE, "--date", TODAY.isoformat(), "--name", NAME,
            "--provider", PROVIDER]
    status, out, err = run(argv + (["--employer", employer] if employer else []))
    assert (status, out, err) == (0, "", "")
    assert target.read_bytes() == application_pack(view_for(name, employer))


def test_docx_without_output_is_refused(tmp_path: Path) -> None:
    status, out, err = run(["--answers", str(answers_file(tmp_path, "wales-childrens-anp")),
                            "--format", "docx"])
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "--output" in err and "error:" in err


@pytest.mark.parametrize("output", ["json", "markdown", "text"])
def test_output_writes_every_format_to_a_file(tmp_path: Path, output: str) -> None:
    argv = ["--answers", str(answers_file(tmp_path, "wales-childrens-anp")), "--format", output,
            "--date", TODAY.isoformat(), "--employer", "somerset", "--site-url", SITE]
    status, printed, _ = run(argv)
    target = tmp_path / f"out.{output}"
    assert run([*argv, "--output", str(target)]) == (0, "", "")
    assert status == 0 and target.read_text(encoding="utf-8") == printed


def test_name_and_provider_reach_the_checklists_but_not_the_json(tmp_path: Path) -> None:
    base = ["--answers", str(answers_file(tmp_path, "wales-childrens-anp")), "--date",
            TODAY.isoformat(), "--name", NAME, "--provider", PROVIDER]
    for output in ("markdown", "text"):
        _, out, _ = run([*base, "--format", output])
        assert NAME in out and PROVIDER in out
    _, out, _ = run([*base, "--format", "json"])
    assert NAME not in out and PROVIDER not in out
    assert json.loads(out) == evaluate(answers_of("wales-childrens-anp"))


def test_an_output_file_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "pack.docx"
    status, out, err = run(["--answers", str(answers_file(tmp_path, "wales-childrens-anp")),
                            "--format", "docx", "--output", str(target)])
    assert status == 2 and out == "" and err.count("\n") == 1 and str(target) in err


# Pyodide ----------------------------------------------------------------------------------

@pytest.mark.node
def test_pyodide_with_the_sites_library_writes_the_same_packs(tmp_path: Path,
                                                              built_site: Path) -> None:
    """The browser's Python (with the built site's standard-library subset) makes the same
    packs as CPython, bytes or, where its zlib compresses differently, every part."""
    node = shutil.which("node")
    assert node, "node is not on PATH: the Pyodide check needs Node.js 20+"
    (stdlib,) = (built_site / "assets" / "py").glob("python-stdlib-*.zip")
    cases = [{"answers": answers_of(name), "employer": employer, "site_url": SITE,
              "date": TODAY.isoformat(), "name": NAME if employer else "",
              "provider": PROVIDER if employer else ""} for name, employer in CASES]
    (tmp_path / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    done = subprocess.run([node, str(ROOT / "tests" / "node" / "pack_run.mjs"), str(ROOT),
                           str(tmp_path / "cases.json"), str(stdlib)], cwd=ROOT,
                          input=package_file_list().encode(), capture_output=True,
                          check=False, timeout=300)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    output = json.loads(done.stdout)
    assert output["python"].startswith("3.14.")
    for (name, employer), packed in zip(CASES, output["packs"], strict=True):
        ours = application_pack(view_for(name, employer, who=bool(employer)))
        theirs = base64.b64decode(packed)
        if theirs != ours:
            with zipfile.ZipFile(io.BytesIO(theirs)) as one, \
                    zipfile.ZipFile(io.BytesIO(ours)) as two:
                assert [(i.filename, i.CRC) for i in one.infolist()] == \
                       [(i.filename, i.CRC) for i in two.infolist()], name
