"""The reviewer's checklist (review/) in real headless Chromium running the real engine in
Pyodide: it lists exactly the command line's items for a share link (with and without an
employer), works from the keyboard alone, keeps the reviewer's ticks and notes on the device
(and forgets them on request), passes axe in each state and asks no other host for anything.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import time
from pathlib import Path

import docx
import pytest

from assessment.reading.loader import load_rules
from assessment.views.catalogue import question_catalogue
from assessment.web import decision_calendar, decision_record
from tests.cli_run import command_line
from tests.site_crawl import axe_violations
from tests.test_browser_assessment import (
    PYTHON_TIMEOUT,
    STORAGE_KEY,
    fragment,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
READY = "#review-app[data-python-ready]"
REVIEW_PREFIX = "imaging-referrer-review:"
APP = "abcdefghjk23"
OTHER_APP = "zyxwvutsrq98"


def scenario(name: str) -> dict:
    return json.loads((ROOT / "tests" / "scenarios" / f"{name}.json").read_text())["answers"]


def cli_ids(answers: dict, employer: str | None, tmp_path: Path) -> list[str]:
    """The command line's applicable items: evidence ids, then the employer's local ids."""
    options = ["--format", "json", *(["--employer", employer] if employer else [])]
    result = json.loads(command_line(answers, tmp_path, *options))
    return [entry["id"] for entry in [*result["evidence"], *result["local"]]]


def review_fragment(answers: dict, employer: str | None) -> str:
    text = fragment(answers)
    return f"{text}&employer={employer}" if employer else text


def open_review(page: object, site_url: str, answers: dict, employer: str | None = None,
                app: str = "") -> None:
    page.goto("about:blank")  # so that a link differing only in its fragment loads afresh
    page.goto(f"{site_url}review/#{review_fragment(answers, employer)}"
              + (f"&app={app}" if app else ""))
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)


def review_ids(page: object) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('[data-review-id]')].map(e => e.dataset.reviewId)")


def saves(page: object) -> int:
    return int(page.get_attribute("#review-app", "data-saves") or 0)


CASES = [
    ("england-consultant-radiographer", None),
    ("england-gp-practice-paramedic", "northumbria"),
    ("england-podiatrist-expired-training", "somerset"),
    ("wales-msk-physio-primary-care", None),
]


@pytest.mark.parametrize(("name", "employer"), CASES)
def test_the_review_lists_the_command_lines_items(
    site_url: str, page: object, tmp_path: Path, name: str, employer: str | None
) -> None:
    answers = scenario(name)
    expected = cli_ids(answers, employer, tmp_path)
    open_review(page, site_url, answers, employer)
    shown = review_ids(page)
    # One element per applicable item, the same ids as the command line's; the national
    # items come in the groups of the applicant's checklist, then the employer's in order.
    assert sorted(shown) == sorted(expected) and len(set(shown)) == len(shown)
    local = len(expected) - len(cli_ids(answers, None, tmp_path))
    assert shown[len(shown) - local:] == expected[len(expected) - local:]
    # A "seen" and a "still needed" tick and one labelled note per item; the registration
    # item says how to verify it.
    assert page.locator("[data-review-id] input[type=checkbox][data-seen]").count() == len(expected)
    assert page.locator("[data-review-id] input[type=checkbox][data-needed]").count() == len(
        expected)
    assert page.locator("[data-review-id] textarea").count() == len(expected)
    if "registration" in expected:
        verify = page.locator("[data-review-id=registration] .review-item__verify")
        assert "public register" in verify.inner_text()
        hosts = page.eval_on_selector_all(
            "[data-review-id=registration] .review-item__sources a", "as => as.map(a => a.host)")
        assert "www.hcpc-uk.org" in hosts and "www.nmc.org.uk" in hosts
    if employer:
        assert page.locator("[data-review-id] .review-item__status").count() == len(expected)
    assert page.errors == []


def tab_to(page: object, test: str, limit: int) -> None:
    """Press Tab until the focused element passes `test` (a JS function), at most `limit`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(test):
            return


def assert_outcome(path: str, label: str) -> None:
    """The downloaded record prints the outcome's label."""
    written = docx.Document(io.BytesIO(Path(path).read_bytes()))
    assert f"Outcome: {label}" in "\n".join(p.text for p in written.paragraphs)


def test_before_python_answers_no_item_carries_a_review_id(site_url: str, built_site: Path) -> None:
    html = (built_site / "review" / "index.html").read_text(encoding="utf-8")
    assert "data-review-id" not in html
    assert "needs JavaScript" in html and 'href="../evidence/"' in html


def test_a_keyboard_only_review_is_kept_on_reload_and_forgotten_on_request(
    site_url: str, page: object
) -> None:
    answers = scenario("england-gp-practice-paramedic")
    open_review(page, site_url, answers, "northumbria", app=APP)
    # Tab to the first "seen" tick and press Space.
    first = page.locator("[data-review-id] input[type=checkbox]").first
    item = first.get_attribute("data-seen")
    page.locator("h1").focus()
    tab_to(page, "() => document.activeElement.matches('[data-seen]')", 200)
    assert page.evaluate("() => document.activeElement.dataset.seen") == item
    before = saves(page)
    page.keyboard.press("Space")
    assert first.is_checked()
    # The next stops are the item's "Still needed" tick and its note: type in the note.
    for stop in ("needed", "note"):
        page.keyboard.press("Tab")
        assert page.evaluate(f"() => document.activeElement.dataset.{stop}") == item
    page.keyboard.type("Saw the certificate, dated 2025.")
    # Tab on to the decision and choose it with Space.
    tab_to(page, "() => document.activeElement.name === 'decision'", 400)
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.name") == "decision"
    chosen = page.evaluate("() => document.querySelector('input[name=decision]:checked')?.value")
    assert chosen in {"entitle", "more-information", "decline"}
    focused_outline = page.evaluate(
        "() => getComputedStyle(document.activeElement).outlineStyle")
    assert focused_outline != "none"
    tab_to(page, "() => document.activeElement.id === 'review-reasons'", 10)
    page.keyboard.type("Within the listed scope after the audit.")
    assert saves(page) > before
    # On to the record's download, and press Enter: a Word file with the outcome's label.
    tab_to(page, "() => document.activeElement.dataset.action === 'download'", 60)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert_outcome(download.value.path(), page.inner_text(f"label[for=decision-{chosen}]"))

    # Kept on the device, under the application's reference, never as the applicant's answers.
    stored = page.evaluate("() => Object.keys(localStorage)")
    assert STORAGE_KEY not in stored
    keys = [key for key in stored if key.startswith(REVIEW_PREFIX)]
    assert keys == [f"{REVIEW_PREFIX}app:{APP}"]
    assert "Saw the certificate" not in page.url and "seen" not in page.url

    page.reload()
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    assert page.locator(f"[data-seen='{item}']").is_checked()
    assert page.locator(f"[data-note='{item}']").input_value() == "Saw the certificate, dated 2025."
    assert page.locator(f"input[name=decision][value='{chosen}']").is_checked()
    assert page.locator("[data-review-reasons]").input_value() == (
        "Within the listed scope after the audit.")

    page.focus("[data-action=forget]")
    page.keyboard.press("Enter")
    assert not page.locator(f"[data-seen='{item}']").is_checked()
    assert page.locator(f"[data-note='{item}']").input_value() == ""
    assert page.locator("input[name=decision]:checked").count() == 0
    assert "removed" in page.inner_text("[data-action-feedback]")
    stored = page.evaluate("() => Object.keys(localStorage)")
    assert not [key for key in stored if key.startswith(REVIEW_PREFIX)]
    page.reload()
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    assert page.locator("[data-seen]:checked").count() == 0
    assert page.errors == []


def test_scope_rows_are_decided_by_their_identity(site_url: str, page: object) -> None:
    """A decision stays with its row's identity: when the answers change under the same
    application, a row no longer asked for is shown as such and carried to no other row."""
    answers = scenario("england-consultant-radiographer")
    open_review(page, site_url, answers, app=APP)
    rows = page.locator("select[data-scope-row]")
    assert rows.count() >= 2
    ids = [rows.nth(i).get_attribute("data-scope-row") for i in range(rows.count())]
    rows.nth(1).select_option("narrowed")
    page.fill(f"[data-scope-text='{ids[1]}']", "Only the hand")
    page.reload()
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    assert [rows.nth(i).input_value() for i in range(2)] == ["", "narrowed"]
    assert "restored" in page.inner_text("[data-notes]")
    # The same application, without the decided row's modality.
    modality, _ = ids[1].split(":")
    fewer = {**answers, "modalities": [m for m in answers["modalities"] if m != modality]}
    open_review(page, site_url, fewer, app=APP)
    assert page.locator(f"select[data-scope-row='{ids[1]}']").count() == 0
    assert all(page.locator("select[data-scope-row]").nth(i).input_value() == ""
               for i in range(page.locator("select[data-scope-row]").count()))
    assert page.locator(f"[data-gone-row='{ids[1]}']").count() == 1
    # What changed is said before anything else, the answer removed and the one given.
    first = page.locator("[data-notes] p").first
    assert first.get_attribute("data-answers-changed") == ""
    changed = first.inner_text()
    assert f"− modalities={','.join(answers['modalities'])}" in changed
    assert f"+ modalities={','.join(fewer['modalities'])}" in changed
    assert page.errors == []


@pytest.mark.parametrize("width", [320, 390])
def test_the_review_is_never_wider_than_a_phone(site_url: str, page: object, width: int) -> None:
    """The six-column scope table scrolls in its own box: the page keeps the phone's width."""
    page.set_viewport_size({"width": width, "height": 844})
    open_review(page, site_url, scenario("england-consultant-radiographer"),
                "dorset-county-hospital")
    page.wait_for_selector("[data-review-id]", timeout=PYTHON_TIMEOUT)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_two_applications_with_the_same_answers_keep_separate_records(
    site_url: str, page: object
) -> None:
    """Two applicants whose answers are identical: one record each, by reference, notes and
    registration numbers included."""
    answers = scenario("england-gp-practice-paramedic")
    open_review(page, site_url, answers, app=APP)
    page.locator("[data-seen]").first.check()
    page.fill("[data-field='applicant.registration_number']", "PA111111")
    open_review(page, site_url, answers, app=OTHER_APP)
    assert page.locator("[data-seen]:checked").count() == 0
    assert page.input_value("[data-field='applicant.registration_number']") == ""
    page.fill("[data-field='applicant.registration_number']", "PA222222")
    open_review(page, site_url, answers, app=APP)
    assert page.locator("[data-seen]").first.is_checked()
    assert page.input_value("[data-field='applicant.registration_number']") == "PA111111"
    listed = page.eval_on_selector_all("[data-record-app]",
                                       "li => li.map(e => e.dataset.recordApp)")
    assert listed == sorted([APP, OTHER_APP])
    assert page.errors == []


STATES = {
    "no link": None,
    "answered, no employer": ("england-gp-practice-paramedic", None),
    "with an employer": ("england-podiatrist-expired-training", "northumbria"),
    "partly answered": ("england-theatre-odp-partly-answered", None),
    "not registered": ("not-registered-no-nation", None),
}


@pytest.mark.parametrize("state", list(STATES))
def test_the_review_has_no_axe_violations_in_each_state(
    site_url: str, page: object, state: str
) -> None:
    case = STATES[state]
    if case is None:
        page.goto(f"{site_url}review/")
        page.wait_for_selector("#review-app[data-review-empty]")
        assert "carries no answers" in page.inner_text("[data-python-status]")
    else:
        open_review(page, site_url, scenario(case[0]), case[1])
        page.locator("[data-seen]").first.check()
        page.locator("input[name=decision]").first.check()
    assert axe_violations(page) == []


def test_opened_without_a_link_the_review_downloads_no_python(
    site_url: str, page: object
) -> None:
    """Like a guidance page (tests/test_quality_privacy.py): no answers, no Python."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}review/")
    page.wait_for_selector("#review-app[data-review-empty]")
    page.wait_for_load_state("networkidle")
    python = [url for url in requested
              if re.search(r"/pyodide/|/assets/py/|assessment-worker|\.wasm$", url)]
    assert python == []
    # A link pasted into the address bar then loads the applicant's checklist.
    page.goto(f"{site_url}review/#{fragment(scenario('england-gp-practice-paramedic'))}")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    assert page.locator("[data-review-id]").count() > 0


def test_without_python_the_review_says_so_and_passes_axe(
    site_url: str, context: object, page: object
) -> None:
    context.route("**/*.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(f"{site_url}review/#{fragment(scenario('england-gp-practice-paramedic'))}")
    page.wait_for_selector("#review-app[data-python-failed]", timeout=PYTHON_TIMEOUT)
    status = page.inner_text("[data-python-status]")
    assert "self-assessment's engine" in status and "evidence page" in status
    assert page.eval_on_selector("[data-python-status] a", "a => a.href") == f"{site_url}evidence/"
    assert page.locator("[data-review-id]").count() == 0
    assert axe_violations(page) == []


def test_without_javascript_the_review_says_it_needs_the_engine(
    browser: object, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}review/#{fragment(scenario('england-gp-practice-paramedic'))}")
        status = page.inner_text("[data-python-status]")
        assert "needs JavaScript" in status
        assert page.get_attribute("[data-python-status] a", "href") == "../evidence/"
    finally:
        context.close()


def test_the_review_asks_no_other_host(site_url: str, context: object, page: object) -> None:
    # The `context` fixture refuses and records every request to another host and fails the
    # test if there was one; the page is used as a reviewer would use it, printing included.
    open_review(page, site_url, scenario("england-gp-practice-paramedic"), "northumbria")
    page.locator("[data-seen]").first.check()
    page.locator("#decision-more-information").check()
    page.emulate_media(media="print")
    # The record says in words what was seen and decided, not only by ticks and dots.
    assert page.locator("[data-print-note]").first.inner_text().startswith("Seen.")
    assert page.inner_text("[data-print-decision]") == (
        "Decision: More information needed.")
    page.pdf()
    page.emulate_media(media="screen")
    assert context.foreign_requests == []


def test_the_self_assessment_gives_the_reviewers_link(
    site_url: str, context: object, page: object
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    answers = scenario("england-gp-practice-paramedic")
    page.goto(f"{site_url}assessment/#{fragment(answers)}")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    # The live result's guidance links (made from the same site root) reach the site's pages.
    guidance = page.eval_on_selector(".evidence__guidance a", "a => a.href")
    assert guidance.startswith(f"{site_url}evidence/#")
    page.click("[data-action=review-link]")
    page.click("[data-review-copy]")
    address = page.evaluate("navigator.clipboard.readText()")
    assert address.startswith(f"{site_url}review/#nation=england&profession=paramedic&")
    assert address == page.input_value("[data-review-address]")
    page.goto(address)
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    assert page.locator("[data-review-id=registration]").count() == 1


def test_the_decision_record_downloads_as_the_engines_word_document(
    site_url: str, page: object
) -> None:
    """The page's .docx is the very one Python writes for the same link, record and date."""
    answers = scenario("england-podiatrist-expired-training")
    open_review(page, site_url, answers, "northumbria", app=APP)
    page.locator("[data-review-id=registration] [data-seen]").check()
    page.locator("[data-review-id=registration] textarea").fill("HCPC register: registered.")
    row = page.locator("select[data-scope-row]").first
    row_id = row.get_attribute("data-scope-row")
    row.select_option("yes")
    page.locator("#decision-entitle").check()
    page.locator("#review-reasons").fill("X-ray for adults only.")
    page.fill("[data-field='applicant.name']", "Ada Lovelace")
    page.fill("[data-field='review']", "2027-12-06")
    started = time.monotonic()
    with page.expect_download() as download:
        page.click("[data-action=download]")
    elapsed = time.monotonic() - started
    data = Path(download.value.path()).read_bytes()
    record = {"app": APP, "applicant": {"name": "Ada Lovelace"},
              "items": {"registration": {"seen": True, "note": "HCPC register: registered."}},
              "scope": {row_id: {"approved": "yes"}}, "outcome": "entitle",
              "reasons": "X-ray for adults only.", "review": "2027-12-06"}
    today = datetime.date.today().isoformat()
    assert download.value.suggested_filename == f"decision-record-{APP}-{today}.docx"
    assert data == decision_record(json.dumps(answers), today, json.dumps(record),
                                   employer="northumbria")
    assert "downloaded" in page.inner_text("[data-action-feedback]")
    with page.expect_download() as calendar:
        page.click("[data-action=calendar]")
    assert Path(calendar.value.path()).read_bytes() == decision_calendar(
        json.dumps(answers), today, json.dumps(record), employer="northumbria")
    print(f"decision record: {len(data)} bytes, {elapsed:.2f} s from click to download")
    assert page.errors == []


def stored_record(page: object, app: str) -> dict:
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{REVIEW_PREFIX}app:{app}'))")


def feedback_says(page: object, text: str) -> None:
    """Wait for the action feedback to say `text` (an imported file is read asynchronously)."""
    page.wait_for_function(
        "text => document.querySelector('[data-action-feedback]').textContent.includes(text)",
        arg=text, timeout=5000)


def fill_whole_record(page: object, text: str) -> str:
    """Every field of the review filled (`text` in each typed one); the first scope row's id."""
    for field in ("name", "regulator", "registration_number", "workplace", "supervisor"):
        page.fill(f"[data-field='applicant.{field}']", f"{text} {field}")
    page.fill("[data-field='applicant.register_checked']", "2026-12-01")
    page.fill("[data-field='reviewer.name']", f"{text} reviewer")
    page.fill("[data-field='reviewer.role']", f"{text} role")
    page.locator("[data-review-id=registration] [data-seen]").check()
    page.locator("[data-review-id=registration] textarea").fill(f"{text} note")
    page.locator("[data-needed]").nth(1).check()
    row = page.locator("select[data-scope-row]").first
    row_id = row.get_attribute("data-scope-row")
    row.select_option("narrowed")
    page.fill(f"[data-scope-text='{row_id}']", f"{text} narrowed")
    page.fill(f"[data-scope-exclusions='{row_id}']", f"{text} excluded")
    page.locator("#decision-decline").check()
    page.fill("#review-reasons", f"{text} reasons")
    page.fill("[data-field='start']", "2027-01-04")
    page.fill("[data-field='review']", "2028-01-04")
    page.click("[data-action=add-condition]")
    page.fill("[data-condition-text]", f"{text} condition")
    page.fill("[data-condition-due]", "2027-06-30")
    return row_id


def test_an_exported_record_imports_back_the_same(
    site_url: str, page: object, tmp_path: Path
) -> None:
    """Export then import gives the same record, in the command line's --decision shape (the
    command line reads the exported file as it is)."""
    answers = scenario("england-consultant-radiographer")
    open_review(page, site_url, answers, app=APP)
    row_id = fill_whole_record(page, "Checked")
    with page.expect_download() as exported:
        page.click("[data-action=export]")
    assert exported.value.suggested_filename.startswith(f"decision-record-{APP}-")
    data = json.loads(Path(exported.value.path()).read_text())
    assert data["app"] == APP and data["outcome"] == "decline"
    assert data["scope"] == {row_id: {"approved": "narrowed", "text": "Checked narrowed",
                                      "exclusions": "Checked excluded"}}
    assert data["conditions"] == [{"text": "Checked condition", "due": "2027-06-30"}]
    assert data["applicant"]["register_checked"] == "2026-12-01"
    # Forgotten, then imported: the page and the store hold the same record again.
    page.click("[data-action=forget]")
    assert page.input_value("[data-field='applicant.name']") == ""
    page.set_input_files("[data-action=import]", exported.value.path())
    feedback_says(page, "imported")
    assert page.input_value("[data-field='applicant.name']") == "Checked name"
    with page.expect_download() as again:
        page.click("[data-action=export]")
    assert json.loads(Path(again.value.path()).read_text()) == data
    stored = stored_record(page, APP)
    assert {key: stored[key] for key in data} == data
    # The command line takes the exported file as its --decision.
    (tmp_path / "decision.json").write_text(json.dumps(data))
    command_line(answers, tmp_path, "--decision", str(tmp_path / "decision.json"),
                 "--format", "ics", "--output", str(tmp_path / "calendar.ics"))
    assert "Checked condition" in (tmp_path / "calendar.ics").read_text()
    # A record of another application is refused, and nothing changes.
    (tmp_path / "other.json").write_text(json.dumps({**data, "app": OTHER_APP}))
    page.set_input_files("[data-action=import]", str(tmp_path / "other.json"))
    feedback_says(page, "another application")
    (tmp_path / "bad.json").write_text("{not json")
    page.set_input_files("[data-action=import]", str(tmp_path / "bad.json"))
    feedback_says(page, "could not be read")
    assert page.input_value("[data-field='applicant.name']") == "Checked name"
    assert page.errors == []


def test_the_records_on_this_device_are_listed_and_forgotten(site_url: str, page: object) -> None:
    answers = scenario("england-gp-practice-paramedic")
    open_review(page, site_url, answers, app=APP)
    page.fill("[data-field='applicant.name']", "First Applicant")
    page.locator("#decision-more-information").check()
    open_review(page, site_url, answers, "northumbria", app=OTHER_APP)
    page.fill("[data-field='applicant.name']", "Second Applicant")
    entries = page.locator("[data-record-app]")
    assert entries.count() == 2
    assert "First Applicant (More information needed)" in entries.nth(0).inner_text()
    assert "Second Applicant (not decided)" in entries.nth(1).inner_text()
    # Forget the other one from the list: the open record stays.
    page.focus(f"[data-forget-record='{APP}']")
    page.keyboard.press("Enter")
    assert page.locator("[data-record-app]").count() == 1
    assert stored_record(page, APP) is None
    assert page.input_value("[data-field='applicant.name']") == "Second Applicant"
    assert page.evaluate("() => document.activeElement.dataset.forgetRecord") == OTHER_APP
    # Forget all: the list says none, the page is cleared, the store holds no record.
    page.click("[data-action=forget-all]")
    assert page.locator("[data-record-app]").count() == 0
    assert "No records" in page.inner_text("[data-records]")
    assert page.input_value("[data-field='applicant.name']") == ""
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert not [key for key in keys if key.startswith(REVIEW_PREFIX)]
    assert page.errors == []


def test_a_link_without_a_reference_is_named_before_anything_is_kept(
    site_url: str, page: object
) -> None:
    answers = scenario("england-gp-practice-paramedic")
    open_review(page, site_url, answers)
    assert page.locator("[data-name-app]").is_visible()
    page.locator("[data-seen]").first.check()
    page.fill("[data-field='applicant.name']", "Unnamed Applicant")
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert not [key for key in keys if key.startswith(REVIEW_PREFIX)]
    page.click("[data-action=name-app]")
    app = page.get_attribute("#review-app", "data-review-app")
    assert re.fullmatch(r"[abcdefghijkmnpqrstuvwxyz23456789]{12}", app)
    assert page.url.endswith(f"&app={app}")
    assert app in page.inner_text("[data-name-app]")
    assert stored_record(page, app)["applicant"] == {"name": "Unnamed Applicant"}
    page.reload()
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    assert page.locator("[data-seen]").first.is_checked()
    assert page.locator("[data-name-app]").is_hidden()
    assert "restored" in page.inner_text("[data-notes]")
    assert page.errors == []


def written_fragment(answers: dict) -> str:
    """The answers as the page writes them (the questions' order, the options' order): the
    key a record was kept under before applications had references."""
    parts = []
    for question in question_catalogue(load_rules()):
        if question["id"] in answers:
            chosen = [answers[question["id"]]] if isinstance(answers[question["id"]], str) \
                else answers[question["id"]]
            values = [option["id"] for option in question["options"] if option["id"] in chosen]
            parts.append(f"{question['id']}={','.join(values)}")
    return "&".join(parts)


def test_a_record_kept_before_references_is_offered_once(site_url: str, page: object) -> None:
    """A record stored by the answers (before this change) is offered once, to be kept in
    this application's record (ticks, notes, reasons: never its scope by position) or
    forgotten."""
    answers = scenario("england-gp-practice-paramedic")
    old_key = REVIEW_PREFIX + written_fragment(answers)
    old = {"schema": 1, "saved_at": "2026-11-30T10:00:00Z",
           "items": {"registration": {"seen": True, "note": "Old note"}},
           "scope": {"0": True}, "decision": "entitle", "reasons": "Old reasons"}
    page.goto(f"{site_url}review/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [old_key, json.dumps(old)])
    open_review(page, site_url, answers, app=APP)
    assert page.locator("[data-legacy]").is_visible()
    assert page.locator("[data-legacy-record]").count() == 1
    page.click("[data-action=legacy-keep]")
    assert page.locator("[data-legacy]").is_hidden()
    assert page.locator("[data-review-id=registration] [data-seen]").is_checked()
    assert page.input_value("[data-note=registration]") == "Old note"
    assert page.input_value("#review-reasons") == "Old reasons"
    assert page.locator("input[name=decision]:checked").count() == 0
    assert "scope" not in stored_record(page, APP)
    assert page.evaluate(f"() => localStorage.getItem('{old_key}')") is None
    # Offered once: a second one, left alone, is not offered again but stays listed.
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [old_key, json.dumps(old)])
    open_review(page, site_url, answers, app=OTHER_APP)
    assert page.locator("[data-legacy]").is_visible()
    open_review(page, site_url, answers, app=OTHER_APP)
    assert page.locator("[data-legacy]").is_hidden()
    assert page.locator("[data-legacy-record]").count() == 1
    page.locator("[data-legacy-record] button").click()
    assert page.locator("[data-legacy-record]").count() == 0
    assert page.evaluate(f"() => localStorage.getItem('{old_key}')") is None
    assert page.errors == []


HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>&amp;"\''


def test_hostile_text_in_every_field_stays_text(site_url: str, page: object) -> None:
    answers = scenario("england-consultant-radiographer")
    open_review(page, site_url, answers, app=APP)
    count = "() => document.querySelectorAll('#review-app img, #review-app script').length"
    images = page.evaluate(count)
    fill_whole_record(page, HOSTILE)
    page.reload()
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    assert page.input_value("[data-field='applicant.name']") == f"{HOSTILE} name"
    assert page.input_value("[data-condition-text]") == f"{HOSTILE} condition"
    assert HOSTILE in page.inner_text("[data-records]")
    page.emulate_media(media="print")
    assert HOSTILE in page.inner_text("[data-print-reasons]")
    page.emulate_media(media="screen")
    assert page.evaluate("() => window.pwned") is None
    assert page.evaluate(count) == images
    with page.expect_download() as record:
        page.click("[data-action=download]")
    written = docx.Document(io.BytesIO(Path(record.value.path()).read_bytes()))
    cells = "\n".join(cell.text for table in written.tables for row in table.rows
                      for cell in row.cells)
    assert f"{HOSTILE} name" in cells and f"{HOSTILE} condition" in cells
    with page.expect_download() as calendar:
        page.click("[data-action=calendar]")
    ics = Path(calendar.value.path()).read_text()
    assert "BEGIN:VEVENT" in ics and "<script>" in ics.replace("\r\n ", "")
    assert page.errors == []


def test_the_reviews_controls_are_at_least_24_px(site_url: str, page: object) -> None:
    """WCAG 2.2 target size (2.5.8): every control of the review, the new ones included, is
    at least 24 by 24 CSS pixels, or is a text link in a sentence."""
    open_review(page, site_url, scenario("england-consultant-radiographer"), app=APP)
    page.click("[data-action=add-condition]")
    small = page.evaluate("""() => [...document.querySelectorAll(
        '#review-app :is(button, input, select, textarea), .review__skip a')]
      .filter((node) => node.offsetParent !== null)
      .map((node) => [node.id || node.dataset.action || node.textContent,
                      node.getBoundingClientRect()])
      .filter(([, box]) => box.width < 24 || box.height < 24)
      .map(([name, box]) => `${name}: ${Math.round(box.width)}x${Math.round(box.height)}`)""")
    assert small == []
    assert axe_violations(page) == []


def presses_to_decision(page: object, skip: bool) -> int:
    """Keys pressed from the top of the page to the decision's first choice: Tab only, or
    Tab to the review's skip link to the decision, Enter, then Tab."""
    page.reload()  # so that the sequential focus starts at the top
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    presses = 0
    on_choice = "() => document.activeElement?.name === 'decision'"
    on_skip = "() => document.activeElement?.getAttribute('href') === '#decision-heading'"
    while presses < 400 and not page.evaluate(on_skip if skip else on_choice):
        page.keyboard.press("Tab")
        presses += 1
    if skip:
        page.keyboard.press("Enter")
        presses += 1
        while presses < 400 and not page.evaluate(on_choice):
            page.keyboard.press("Tab")
            presses += 1
    return presses


def test_the_decision_is_a_few_keys_from_the_top(site_url: str, page: object) -> None:
    """The review's skip links take the keyboard to the decision in a few presses (the
    counts are printed: issue 21 measured 86 Tab presses before the skip links)."""
    open_review(page, site_url, scenario("england-gp-practice-paramedic"), "northumbria", APP)
    tabs = presses_to_decision(page, skip=False)
    skipping = presses_to_decision(page, skip=True)
    print(f"from the top to the decision: {tabs} Tab presses; {skipping} keys with the skip link")
    assert skipping <= 20 < tabs
