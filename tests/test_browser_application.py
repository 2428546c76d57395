"""The application from the page, in real headless Chromium running the engine in Pyodide
(issue 22): the typed details and the scope detail reach the Word application with the very
bytes the command line's --details writes; they stay on the device, out of every link but
the review link, which carries `app` and the scope detail and opens on review/ with each
row's detail shown; a review link over 8,000 characters leaves the detail out; Start again
and Forget clear what was typed, with undo; typed markup stays text."""

from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from assessment.reading.details_reader import details_from_page
from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import load_rules
from assessment.views.assess import assess
from tests.test_application_pack import CASES
from tests.test_browser_assessment import PYTHON_TIMEOUT, READY
from tests.test_browser_hand_over import cli, set_form, today

pytestmark = pytest.mark.browser

RULES = load_rules()
DETAILS_KEY = "imaging-referrer-assessment-who"
PERSON = ("name", "regulator", "registration_number", "job_title", "workplace", "provider",
          "supervisor", "contact")


def type_details(page: object, raw: dict) -> None:
    """Type the applicant's fields and each scope row's detail, as she would."""
    for field in PERSON:
        page.fill(f"#who-{field}", raw.get(field, ""))
    for row, typed in raw.get("scope", {}).items():
        group = page.locator(f"[data-row-id='{row}']")
        for key, text in typed.items():
            group.locator(f"[data-row-field='{key}']").fill(text)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_pages_application_is_the_command_lines_with_details(
        site_url: str, page: object, tmp_path: Path) -> None:
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    for name, (answers, employer, raw) in CASES.items():
        set_form(page, answers, employer)
        type_details(page, raw)
        with page.expect_download() as download:
            page.click("[data-action=download-docx]")
        shown = Path(download.value.path()).read_bytes()
        # The page made the application's id; the command line is given the same one.
        saved = page.evaluate("localStorage.getItem('imaging-referrer-assessment')")
        app = json.loads(saved)["app"]
        assert re.fullmatch(r"[abcdefghijkmnpqrstuvwxyz23456789]{12}", app)
        details = tmp_path / "details.json"
        details.write_text(json.dumps({**raw, "app": app}), encoding="utf-8")
        output = tmp_path / "pack.docx"
        cli(answers, tmp_path, "--format", "docx", "--output", str(output), "--date",
            today(page), "--site-url", site_url, "--details", str(details),
            *(["--employer", employer] if employer else []))
        expected = output.read_bytes()
        # Bytes when the two zlibs agree; the unzipped parts always.
        assert shown == expected or parts(shown) == parts(expected), name
        document = parts(shown)["word/document.xml"].decode()
        assert raw["name"] in document and app in document
        assert raw["name"] not in page.evaluate("location.href")
        page.click("[data-action=start-again]")  # the next case is a new application
    assert page.errors == []


def test_the_review_link_carries_app_and_scope_and_review_shows_the_detail(
        site_url: str, context: object, page: object) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    answers, employer, raw = CASES["physio-dorset"]
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    set_form(page, answers, employer)
    hostile = {**raw, "contact": "<img src=x onerror=alert(1)>",
               "scope": {**raw["scope"], "mri:adults": {
                   "body_areas": "<b>knee</b> & \u0007shoulder", "indications": "a, b: c",
                   "exclusions": ""}}}
    type_details(page, hostile)
    page.click("[data-action=review-link]")
    # The link is shown in its read-only field (issue 21), Copy beside it.
    link = page.input_value("[data-review-address]")
    assert "/review/#" in link and "&app=" in link and "&scope=xray:adults:" in link
    for field in PERSON:
        assert hostile[field][:8] not in link.replace("%20", " "), field
    # Python writes the same link (the Word application prints it).
    app = re.search(r"&app=(\w+)", link).group(1)  # type: ignore[union-attr]
    view = assess(answers, RULES, today=datetime.date.today(), site_url=site_url,
                  employer=load_employers(rules=RULES)[employer],
                  details=details_from_page({**hostile, "app": app}))
    assert link == view.review_url
    # Nothing typed became markup on the page.
    assert page.locator("img[src=x]").count() == 0 and page.locator("b:text('knee')").count() == 0
    # The review page shows each row's detail by its identity.
    review = context.new_page()
    review.goto(link)
    review.wait_for_selector("[data-scope-row]", timeout=PYTHON_TIMEOUT)
    rows = review.eval_on_selector_all(
        "tr[data-scope-row]", "(rows) => rows.map((r) => [...r.cells].map((c) => c.innerText))")
    assert any("Shoulder, elbow, wrist and hand" in " ".join(row) for row in rows)
    assert any("<b>knee</b> & shoulder" in " ".join(row) and "a, b: c" in " ".join(row)
               for row in rows)
    assert review.locator("b:text('knee')").count() == 0
    assert review.get_attribute("#review-app", "data-review-app") == app
    review.close()


def test_a_review_link_over_8000_characters_leaves_the_detail_out(
        site_url: str, context: object, page: object) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    answers = {**CASES["physio-dorset"][0], "modalities": [
        "xray", "ct", "fluoroscopy", "nuclear-medicine", "dexa", "ultrasound", "mri"],
        "patients": ["adults", "children"]}
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    set_form(page, answers, None)
    for field in page.locator("[data-row-field]").all():
        field.fill("a,b " * 50)
    page.click("[data-action=review-link]")
    # The link is shown in its read-only field (issue 21), Copy beside it.
    link = page.input_value("[data-review-address]")
    assert "&app=" in link and "&scope=" not in link
    assert page.locator("[data-scope-left-out]").is_visible()
    # A hand-made link past 8,000 characters: the review page says so and shows no detail.
    fragment = link.split("#", 1)[1]
    long_scope = ",".join(f"xray:adults:{'x' * 150}::" for _ in range(60))
    review = context.new_page()
    review.goto(f"{site_url}review/#{fragment}&scope={long_scope}")
    review.wait_for_selector("[data-scope-row]", timeout=PYTHON_TIMEOUT)
    assert "longer than 8,000 characters" in review.inner_text("[data-notes]")
    assert "xxxxxxxxxx" not in review.inner_text("[data-scope]")
    review.close()


def test_start_again_and_forget_clear_the_typed_details_with_undo(
        site_url: str, page: object) -> None:
    answers, employer, raw = CASES["paramedic-none"]
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    set_form(page, answers, employer)
    type_details(page, raw)
    kept = page.evaluate(f"localStorage.getItem('{DETAILS_KEY}')")
    stored = json.loads(kept)["scope"]
    assert {row: {key: text for key, text in typed.items() if text}
            for row, typed in stored.items()} == raw["scope"]
    page.click("[data-action=forget]")
    assert page.evaluate(f"localStorage.getItem('{DETAILS_KEY}')") is None
    assert page.input_value("#who-name") == ""
    page.click("[data-action=undo]")
    assert page.input_value("#who-name") == raw["name"]
    assert page.evaluate(f"localStorage.getItem('{DETAILS_KEY}')") == kept
    page.click("[data-action=start-again]")
    assert page.input_value("#who-contact") == ""
    assert page.evaluate(f"localStorage.getItem('{DETAILS_KEY}')") is None
    page.click("[data-notes] [data-undo]")
    assert page.input_value("#who-contact") == raw["contact"]
    page.wait_for_selector("[data-row-id='xray:adults']", timeout=PYTHON_TIMEOUT)
    field = page.locator("[data-row-id='xray:adults'] [data-row-field='indications']")
    assert field.input_value() == raw["scope"]["xray:adults"]["indications"]


SHARE_STUB = """
navigator.canShare = (data) => Boolean(data && Array.isArray(data.files));
navigator.share = async (data) => {
  const file = data.files[0];
  window.sharedFile = { name: file.name, type: file.type,
                        bytes: Array.from(new Uint8Array(await file.arrayBuffer())) };
};
"""


def test_the_word_file_goes_to_the_share_sheet_where_files_can_be_shared(
        site_url: str, page: object) -> None:
    page.add_init_script(SHARE_STUB)
    answers, employer, raw = CASES["wales-somerset"]
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    set_form(page, answers, employer)
    type_details(page, raw)
    button = page.locator("[data-action=download-docx]")
    assert button.inner_text() == "Share the Word file"
    button.click()
    page.wait_for_function("() => window.sharedFile", timeout=PYTHON_TIMEOUT)
    shared = page.evaluate("window.sharedFile")
    assert shared["name"] == f"imaging-referrer-application-{today(page)}.docx"
    assert shared["type"] == ("application/vnd.openxmlformats-officedocument."
                              "wordprocessingml.document")
    document = parts(bytes(shared["bytes"]))["word/document.xml"].decode()
    assert raw["name"] in document and raw["registration_number"] in document
