"""The review link's parts: the application id, scope row identity and the `scope=` detail,
written by Python (views/review_link.py) and by the page's script
(review-link.js) to the same text, read back forgivingly; and the command line's
`--details`, read strictly."""

from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path

import pytest

from assessment import web
from assessment.cli import main
from assessment.model.details import APP_ALPHABET, Details, RowDetail, clean, is_app_id
from assessment.reading.details_reader import details_from_page
from assessment.reading.loader import load_rules
from assessment.views.assess import assess
from assessment.views.review_link import (
    MAX_REVIEW_FRAGMENT,
    decode_scope,
    encode_scope,
    review_fragment,
)

ROOT = Path(__file__).resolve().parent.parent
MODULE = ROOT / "overrides" / "assets" / "js" / "review-link.js"
RULES = load_rules()
TODAY = datetime.date(2026, 12, 3)
ANSWERS = {"nation": "england", "profession": "physiotherapist",
           "modalities": ["xray", "mri"], "patients": ["adults", "children"]}
ROWS = ["xray:adults", "xray:children", "mri:adults", "mri:children"]
# Separators, escapes, markup, a control character, a lone surrogate, an astral character.
TRICKY = {
    "xray:adults": RowDetail("knee, ankle: foot & toes", "suspected fracture = 100%",
                             "no <b>spine</b>"),
    "mri:children": RowDetail("", "", "a+b\u0007 \ud800 c\t\n d 😀"),
}


def test_scope_rows_have_an_identity_of_option_ids() -> None:
    view = assess(ANSWERS, RULES, today=TODAY)
    assert view.scope is not None
    assert [row["id"] for row in view.scope.rows] == ROWS


def test_scope_detail_goes_to_its_row_by_identity_never_by_position() -> None:
    detail = {"mri:adults": RowDetail("head", "headache with red flags", "")}
    view = assess(ANSWERS, RULES, today=TODAY, details=Details(scope=detail))
    assert view.scope is not None
    typed = {row["id"]: row["body_areas"] for row in view.scope.rows}
    assert typed == {"xray:adults": "", "xray:children": "", "mri:adults": "head",
                     "mri:children": ""}
    # Dropping X-ray moves MRI's rows up the table; the detail stays with MRI, adults.
    fewer = assess({**ANSWERS, "modalities": ["mri"]}, RULES, today=TODAY,
                   details=Details(scope=detail))
    assert fewer.scope is not None
    assert [(row["id"], row["body_areas"]) for row in fewer.scope.rows] == [
        ("mri:adults", "head"), ("mri:children", "")]


def test_scope_detail_round_trips_and_is_url_safe() -> None:
    cleaned = {row: RowDetail(*(clean(getattr(typed, name))
                                for name in ("body_areas", "indications", "exclusions")))
               for row, typed in TRICKY.items()}
    text = encode_scope(cleaned, ROWS)
    assert text == ("xray:adults:knee%2C%20ankle%3A%20foot%20%26%20toes:"
                    "suspected%20fracture%20%3D%20100%25:no%20%3Cb%3Espine%3C%2Fb%3E,"
                    "mri:children:::a%2Bb%20c%20d%20%F0%9F%98%80")
    assert set(text) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                            "0123456789-_.!~*'()%:,")
    assert decode_scope(text, ROWS) == (cleaned, ())


def test_a_malformed_part_drops_only_that_rows_detail() -> None:
    text = ("xray:adults:knee::,"        # good
            "xray:children:a:b,"         # four fields
            "mri:adults:%E0%A4:b:c,"     # not UTF-8
            "mri:adults:50%:b:c,"        # a lone %
            "ct:adults:a:b:c,"           # not a row of this table
            "xray:adults:again::,"       # a row named again
            f"mri:children:{'x' * 201}::")  # over 200 characters
    detail, problems = decode_scope(text, ROWS)
    assert detail == {"xray:adults": RowDetail("knee", "", "")}
    assert [(problem.part, problem.reason) for problem in problems] == [
        (2, "malformed"), (3, "malformed"), (4, "malformed"), (5, "not-a-row"),
        (6, "again"), (7, "too-long")]


def test_the_review_page_gets_the_detail_and_a_note_for_each_dropped_part() -> None:
    data = json.loads(web.review_view(json.dumps(ANSWERS), TODAY.isoformat(),
                                      app="abcdefghjk23",
                                      scope="mri:adults:head%20%3Cscript%3E::,ct:adults:a::"))
    assert data["app"] == "abcdefghjk23"
    rows = {row["id"]: row for row in data["scope"]["rows"]}
    assert rows["mri:adults"]["body_areas"] == "head <script>"
    assert rows["xray:adults"]["body_areas"] == ""
    assert data["scope_notes"] == [
        "This link gives scope detail for CT, Adults, which is not a row of the scope these "
        "answers make, so it was left out."]
    dropped = json.loads(web.review_view(json.dumps(ANSWERS), TODAY.isoformat(),
                                         app="ABCDEFGHJK23"))
    assert dropped["app"] == ""


def test_application_ids() -> None:
    assert len(APP_ALPHABET) == 32 and not set("lo01") & set(APP_ALPHABET)
    assert is_app_id("abcdefghjk23")
    for bad in ("abcdefghjk2", "abcdefghjk234", "abcdefghjkl2", "ABCDEFGHJK23", 12, None):
        assert not is_app_id(bad)


def test_the_review_link_leaves_the_detail_out_past_8000_characters() -> None:
    fragment, left_out = review_fragment("nation=england", "abcdefghjk23", "xray:adults:a::")
    assert (fragment, left_out) == ("nation=england&app=abcdefghjk23&scope=xray:adults:a::",
                                    False)
    long_scope = "x" * MAX_REVIEW_FRAGMENT
    assert review_fragment("nation=england", "abcdefghjk23", long_scope) == (
        "nation=england&app=abcdefghjk23", True)
    assert review_fragment("nation=england", "not-an-id", "") == ("nation=england", False)


def test_the_pack_view_carries_the_review_link_with_app_and_scope() -> None:
    details = Details(app="abcdefghjk23", scope={"xray:adults": RowDetail("knee", "", "")})
    view = assess(ANSWERS, RULES, today=TODAY, site_url="https://example.org/site/",
                  details=details)
    assert view.review_url == (
        "https://example.org/site/review/#nation=england&profession=physiotherapist"
        "&modalities=xray,mri&patients=adults,children"
        "&app=abcdefghjk23&scope=xray:adults:knee::")
    assert view.result_url is not None and "app=" not in view.result_url


def _node(script: str) -> str:
    return subprocess.run(["node", "--input-type=module", "-e", script], check=True,
                          capture_output=True, text=True, timeout=60).stdout


def test_the_page_script_writes_the_same_scope_and_review_link_as_python() -> None:
    raw = {row: {"body_areas": typed.body_areas, "indications": typed.indications,
                 "exclusions": typed.exclusions} for row, typed in TRICKY.items()}
    raw["xray:children"] = {"body_areas": "   ", "indications": "", "exclusions": ""}
    raw["ct:adults"] = {"body_areas": "not a row", "indications": "", "exclusions": ""}
    raw["mri:adults"] = {"body_areas": "é" * 250, "indications": "", "exclusions": ""}
    script = (f"import * as link from {json.dumps(MODULE.as_uri())};"
              f"const raw = {json.dumps(raw)};"
              f"const scope = link.encodeScope(raw, {json.dumps(ROWS)});"
              "const id = link.newAppId();"
              "console.log(JSON.stringify({scope, id, ok: link.isAppId(id),"
              " review: link.reviewFragment('nation=england', 'abcdefghjk23', scope),"
              " long: link.reviewFragment('nation=england', 'abcdefghjk23', 'x'.repeat(8000))}));")
    page = json.loads(_node(script))
    view = assess(ANSWERS, RULES, today=TODAY, details=details_from_page(
        {"app": "abcdefghjk23", "scope": raw}))
    python_scope = view.review_fragment.split("&scope=", 1)[1]
    assert page["scope"] == python_scope
    assert page["review"] == {"fragment": "nation=england&app=abcdefghjk23&scope="
                                          + python_scope, "leftOut": False}
    assert page["long"] == {"fragment": "nation=england&app=abcdefghjk23", "leftOut": True}
    assert page["ok"] and is_app_id(page["id"])


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "answers.json").write_text(json.dumps(ANSWERS), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("details", "message"), [
    ({"name": 3}, "details.json: name: must be a string"),
    ({"job_title": "x" * 201}, "details.json: job_title: is 201 characters long"),
    ({"app": "abc"}, "details.json: app: must be 12 characters"),
    ({"email": "a@b"}, "details.json: email: is not one of the details"),
    ({"scope": []}, "details.json: scope: must be an object"),
    ({"scope": {"ct:adults": {}}}, "details.json: scope.ct:adults: is not a row of the scope"),
    ({"scope": {"xray:adults": {"areas": "knee"}}},
     "details.json: scope.xray:adults.areas: is not one of body_areas"),
    ({"scope": {"xray:adults": {"exclusions": "y" * 201}}},
     "details.json: scope.xray:adults.exclusions: is 201 characters long"),
    ([], "details.json: must be a JSON object"),
])
def test_bad_details_exit_2_with_one_line(files: Path, details: object, message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (files / "details.json").write_text(json.dumps(details), encoding="utf-8")
    status = main(["--answers", str(files / "answers.json"), "--details",
                   str(files / "details.json"), "--format", "docx", "--output",
                   str(files / "pack.docx")])
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and message in err
    assert not (files / "pack.docx").exists()


def test_details_given_both_ways_or_with_json_exit_2(
        files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (files / "details.json").write_text(json.dumps({"name": "A. Name"}), encoding="utf-8")
    base = ["--answers", str(files / "answers.json"), "--details", str(files / "details.json")]
    assert main([*base, "--name", "B. Name"]) == 2
    assert "name: given both here and as --name" in capsys.readouterr().err
    assert main([*base, "--format", "json"]) == 2
    assert "--details is printed only on the documents" in capsys.readouterr().err
    assert main([*base, "--provider", "Dorset imaging"]) == 0
    out = capsys.readouterr().out
    assert "A. Name" in out and "Dorset imaging" in out
