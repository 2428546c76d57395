"""The self-assessment's hand-over, in real headless Chromium running the engine in Pyodide:
the chosen employer's requirements beside the national picture (issue 16), the Word
application pack made in the browser (issue 17), and the result in view while answering on a
phone, with Share, Undo and the focused control kept clear (issue 15)."""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import load_rules
from tests.browser_profile import guarded_context, watched_page
from tests.cli_run import command_line
from tests.page_constants import WHO_KEY
from tests.page_reading import checked
from tests.test_browser_assessment import (
    PHONE,
    PYTHON_TIMEOUT,
    READY,
    SCENARIOS,
    STORAGE_KEY,
    evaluations,
    in_viewport,
    page_result,
    wait_for_update,
)
from tests.test_quality_accessibility import axe_violations
from tools.page_states import STATES

pytestmark = pytest.mark.browser

EMPLOYERS = list(load_employers(load_rules()))
# (scenario, employer): several profiles, several outcomes.
CASES = [
    ("england-consultant-radiographer", "somerset"),
    ("wales-childrens-anp", "northumbria"),
    ("england-gp-practice-paramedic", "dorset-county-hospital"),
    ("england-podiatrist-expired-training", "lincolnshire-ulht"),
    ("scotland-community-midwife-ultrasound", "ramsay-health-care"),
    ("england-dietitian-dexa", "cobalt-health"),
    ("england-theatre-odp-partly-answered", "somerset"),
]


def answers_of(name: str) -> dict:
    return json.loads((SCENARIOS[0].parent / f"{name}.json").read_text())["answers"]


def cli(answers: dict, tmp_path: Path, *options: str) -> str:
    return command_line(answers, tmp_path, *options)


def today(page: object) -> str:
    return page.evaluate(
        "(() => { const d = new Date(), pad = (n) => String(n).padStart(2, '0');"
        " return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` })()")


def set_form(page: object, answers: dict, employer: str | None) -> None:
    """Put these answers (and employer) on the form at once, as a person's changes would."""
    before = evaluations(page)
    page.evaluate(
        """([answers, employer]) => {
            for (const input of document.querySelectorAll('#assessment-form input')) {
                const wanted = input.name === 'employer'
                    ? [employer || 'not-listed'] : [].concat(answers[input.name] ?? []);
                input.checked = wanted.includes(input.value);
            }
            document.getElementById('assessment-form')
                .dispatchEvent(new Event('change', { bubbles: true }));
        }""",
        [answers, employer],
    )
    wait_for_update(page, before)


def local_shown(page: object) -> list[list[str]]:
    return page.eval_on_selector_all(
        "[data-local-id]", "(els) => els.map((el) => [el.dataset.localId, el.dataset.status])")


def open_link(page: object, site_url: str, fragment: str) -> None:
    page.goto(f"{site_url}assessment/#{fragment}")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)


@pytest.fixture(scope="module")
def started_page(browser: object, site_url: str) -> Iterator[object]:
    """One self-assessment page with Python started, for the tests below that put all their
    answers on the form themselves (so none depends on what another left): each used to open
    the page and wait for a cold start of its own."""
    context = guarded_context(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = watched_page(context)
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    yield page
    context.close()


@pytest.fixture
def shared_page(started_page: object) -> Iterator[object]:
    """The started page, its errors and any request to another host counted for this test."""
    foreign = started_page.context.foreign_requests
    started_page.errors.clear()
    foreign.clear()
    yield started_page
    assert not foreign, f"the page asked another host for: {foreign}"


# ------------------------------------------------------------------ the employer (issue 16)


def test_the_pages_local_statuses_are_the_command_lines(
    shared_page: object, tmp_path: Path
) -> None:
    page = shared_page  # Python started, every answer set below
    assert len({employer for _, employer in CASES}) >= 5
    for name, employer in CASES:
        answers = answers_of(name)
        national = json.loads(cli(answers, tmp_path, "--format", "json"))
        set_form(page, answers, employer)
        expected = json.loads(cli(answers, tmp_path, "--format", "json",
                                  "--employer", employer))
        shown = page_result(page)
        assert local_shown(page) == [[item["id"], item["status"]]
                                     for item in expected["local"]], (name, employer)
        assert shown["outcome"] == expected["outcome"], (name, employer)
        # The evidence and the notices never change with the employer.
        assert dict(shown["evidence"]) == {i["id"]: i["status"] for i in national["evidence"]}
        assert shown["notices"] == [n["id"] for n in national["notices"]]
        if expected["local"]:
            group = page.inner_text(".employer-group")
            assert expected["employer"]["name"] in group
            assert "current procedure always wins" in group
    # "Not listed" is the national picture alone.
    set_form(page, answers_of(CASES[0][0]), None)
    assert local_shown(page) == []
    assert page.locator(".employer-group").count() == 0
    assert page.errors == []


def test_the_choice_lists_every_profile_and_says_where_it_comes_from(
    site_url: str, page: object
) -> None:
    page.goto(f"{site_url}assessment/")
    values = page.eval_on_selector_all("input[name=employer]", "(els) => els.map(e => e.value)")
    assert values == [*EMPLOYERS, "not-listed"]
    hint = page.locator("#q-employer-hint")
    assert "public documents" in hint.inner_text()
    href = hint.locator("a").get_attribute("href")
    assert page.request.get(f"{site_url}assessment/{href}").status == 200
    assert href.rstrip("/").endswith("employers/compared")
    # Never before Python: no data-local-id on the static page.
    assert page.locator("[data-local-id]").count() == 0


def test_the_employer_travels_in_the_link_and_is_kept(site_url: str, page: object) -> None:
    open_link(page, site_url, f"{STATES['partly answered']}&employer=northumbria")
    assert checked(page)["employer"] == ["northumbria"]
    assert local_shown(page) or page.locator(".employer-group").count() == 1
    # A change makes the link's answers the person's own, employer and all, written last.
    before = evaluations(page)
    page.click("label[for='q-employer-somerset']")
    wait_for_update(page, before)
    page.wait_for_timeout(100)
    assert page.evaluate("location.hash").endswith("&modalities=xray,mri&employer=somerset")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert saved["answers"]["employer"] == "somerset"
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    assert checked(page)["employer"] == ["somerset"]
    # "Not listed" is no employer: it never reaches the link.
    before = evaluations(page)
    page.click("label[for='q-employer-not-listed']")
    wait_for_update(page, before)
    page.wait_for_timeout(100)
    assert "employer" not in page.evaluate("location.hash")


def test_an_unknown_employer_is_dropped_with_a_note(site_url: str, page: object) -> None:
    open_link(page, site_url, "nation=england&profession=nurse&employer=%3Cb%3Enope")
    assert "employer" not in checked(page)
    notes = page.inner_text("[data-notes]")
    assert "employer" in notes and "<b>nope" in notes
    assert page.locator("[data-notes] b").count() == 0
    assert checked(page) == {"nation": ["england"], "profession": ["nurse"]}


def test_a_result_with_an_employer_passes_axe_and_prints(site_url: str, page: object) -> None:
    page.set_viewport_size(PHONE)
    open_link(page, site_url, f"{STATES['gaps']}&employer=somerset")
    assert local_shown(page)
    page.locator(".employer-group").scroll_into_view_if_needed()
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    assert page.locator(".employer-group").is_visible()
    assert page.locator("#q-employer").is_hidden()
    assert page.locator(".assessment__dock").is_hidden()


def test_markdown_and_text_with_an_employer_are_the_command_lines(
    site_url: str, shared_page: object, tmp_path: Path
) -> None:
    page = shared_page  # Python started, the clipboard allowed, every answer set below
    answers = answers_of("wales-childrens-anp")
    set_form(page, answers, "somerset")
    with page.expect_download() as download:
        page.click("[data-action=download]")
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    page.click("[data-action=copy-text]")
    text = page.evaluate("navigator.clipboard.readText()")
    for fmt, shown in (("markdown", markdown), ("text", text)):
        expected = cli(answers, tmp_path, "--format", fmt, "--employer", "somerset",
                       "--date", today(page), "--site-url", site_url)
        assert shown == expected, fmt
    assert "Your employer’s own requirements" in markdown


# ------------------------------------------------------------------ the Word pack (issue 17)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


PACK_CASES = [("wales-childrens-anp", "somerset"), ("england-gp-practice-paramedic", None),
              ("england-theatre-odp-partly-answered", "dorset-county-hospital")]


def test_the_pages_word_pack_is_the_command_lines(
    site_url: str, shared_page: object, tmp_path: Path
) -> None:
    page = shared_page  # Python started, every answer set below
    timings = []
    for name, employer in PACK_CASES:
        answers = answers_of(name)
        set_form(page, answers, employer)
        started = time.perf_counter()
        with page.expect_download() as download:
            page.click("[data-action=download-docx]")
        shown = Path(download.value.path()).read_bytes()
        timings.append((name, round((time.perf_counter() - started) * 1000), len(shown)))
        filename = f"imaging-referrer-application-{today(page)}.docx"
        assert download.value.suggested_filename == filename
        output = tmp_path / "pack.docx"
        # The page gave the application its id on the download; the command line is given it.
        app = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))["app"]
        (tmp_path / "details.json").write_text(json.dumps({"app": app}))
        cli(answers, tmp_path, "--format", "docx", "--output", str(output), "--date",
            today(page), "--site-url", site_url, "--details", str(tmp_path / "details.json"),
            *(["--employer", employer] if employer else []))
        expected = output.read_bytes()
        # Bytes when the two zlibs agree; the unzipped parts always.
        assert shown == expected or parts(shown) == parts(expected), name
        # The application prints the review link (with its id), not the applicant's own.
        assert f"{site_url}review/#".encode() in parts(shown)["word/document.xml"]
    print("click to download (ms, bytes):", timings)
    assert page.errors == []


def test_name_and_provider_reach_the_pack_stay_on_the_device_and_never_the_link(
    site_url: str, page: object
) -> None:
    open_link(page, site_url, STATES["gaps"])
    page.fill("#who-name", "Alex Jones-Ó Briain")
    page.fill("#who-provider", "Cardiff & Vale <UHB>")
    with page.expect_download() as download:
        page.click("[data-action=download-docx]")
    document = parts(Path(download.value.path()).read_bytes())["word/document.xml"].decode()
    assert "Alex Jones-Ó Briain" in document and "Cardiff &amp; Vale &lt;UHB&gt;" in document
    page.emulate_media(media="print")  # the printed result carries them too
    printed = page.inner_text("[data-print-who]")
    assert "Applicant: Alex Jones-Ó Briain" in printed and "Self-declared" in printed
    page.emulate_media(media="screen")
    page.click("[data-action=copy-link]")
    assert "Alex" not in page.evaluate("location.href") and "Cardiff" not in page.evaluate(
        "decodeURIComponent(location.href)")
    page.reload()
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    assert page.input_value("#who-name") == "Alex Jones-Ó Briain"
    assert json.loads(page.evaluate(f"localStorage.getItem('{WHO_KEY}')"))["provider"]
    page.click("[data-action=forget]")
    assert page.evaluate(f"localStorage.getItem('{WHO_KEY}')") is None


# ------------------------------------------------------------------ on a phone (issue 15)

# Every question answered but the last one asked, which sits far down the list.
ALL_BUT_LAST = STATES["gaps"].replace("&audit_plan=yes", "")


def dock_box(page: object) -> dict:
    return in_viewport(page, "[data-dock]")


def test_after_answering_far_down_the_summary_is_in_view_with_the_new_counts(
    site_url: str, page: object
) -> None:
    page.set_viewport_size(PHONE)
    open_link(page, site_url, ALL_BUT_LAST)
    label = page.locator("label[for='q-audit_plan-yes']")
    label.scroll_into_view_if_needed()
    assert page.evaluate("scrollY") > 3000, "the question is not far down the list"
    before_text = page.inner_text("[data-dock-text]")
    before = evaluations(page)
    label.click()
    wait_for_update(page, before)
    where = dock_box(page)
    assert where["inside"], where
    after_text = page.inner_text("[data-dock-text]")
    assert after_text != before_text
    counts = page.eval_on_selector_all(
        "[data-result] .outcome__counts li", "(els) => els.map((li) => li.textContent)")
    for line in counts:  # "Held: 9" in the result is "Held 9" in the summary
        assert line.replace(": ", " ") in after_text, (line, after_text)
    assert "assessment__dock--changed" in page.get_attribute("[data-dock]", "class")
    # Said once the answers settle, politely.
    page.wait_for_timeout(900)
    said = page.inner_text("[data-result-announcer]")
    assert said and "answered every question" not in said  # only what changed: the counts
    assert page.get_attribute("[data-result-announcer]", "aria-live") == "polite"
    assert axe_violations(page) == []
    page.click("[data-action=dock-result]")
    assert in_viewport(page, "#result-heading")["inside"]


def test_by_keyboard_on_a_phone_the_focused_control_is_never_covered(
    site_url: str, page: object
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}assessment/#nation=england")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    page.focus("#q-nation-england")
    covered = []
    for _ in range(120):
        if page.locator("[data-outcome='gaps'], [data-outcome='ready']").count():
            break
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "({name: document.activeElement.name, type: document.activeElement.type,"
            " checked: document.activeElement.checked, id: document.activeElement.id})")
        if focused["type"] in {"radio", "checkbox"} and not focused["checked"]:
            before = evaluations(page)
            page.keyboard.press("Space")
            wait_for_update(page, before)
        state = page.evaluate(
            """() => { const dock = document.querySelector('[data-dock]');
                const el = document.activeElement.closest('.option') || document.activeElement;
                const r = el.getBoundingClientRect();
                return { id: document.activeElement.id, bottom: r.bottom,
                         dock: dock.hidden ? innerHeight : dock.getBoundingClientRect().top }; }""")
        if state["bottom"] > state["dock"] + 0.5:
            covered.append(state)
    assert page.get_attribute("[data-outcome]", "data-outcome") in {"gaps", "ready"}
    assert not page.is_hidden("[data-dock]")
    assert covered == []


def test_start_again_and_forget_can_be_undone(site_url: str, page: object) -> None:
    open_link(page, site_url, "nation=wales&profession=nurse&employer=somerset")
    before = evaluations(page)
    page.click("label[for='q-practice_level-advanced']")  # the answers become her own
    wait_for_update(page, before)
    own = checked(page)
    stored = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    before = evaluations(page)
    page.click("[data-action=start-again]")
    wait_for_update(page, before)
    assert checked(page) == {}
    before = evaluations(page)
    page.click("[data-notes] [data-undo]")
    wait_for_update(page, before)
    assert checked(page) == own
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == stored
    page.click("[data-action=forget]")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    page.wait_for_timeout(500)  # the pressed button's colours have finished their transition
    # From the top of the page: wherever the page happens to be scrolled, axe's target-size
    # rule counts the control that sits half under the theme's fixed header as too small.
    page.evaluate("scrollTo(0, 0)")
    assert axe_violations(page) == []
    page.click("[data-action=undo]")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == stored
    assert checked(page) == own


def test_share_uses_the_share_sheet_where_there_is_one(site_url: str, context: object,
                                                        page: object) -> None:
    context.add_init_script(
        "navigator.share = (data) => { window.sharedWith = data; return Promise.resolve(); };")
    open_link(page, site_url, "nation=wales&profession=nurse")
    page.click("[data-action=copy-link]")
    shared = page.evaluate("window.sharedWith")
    assert shared["url"].endswith("/assessment/#nation=wales&profession=nurse")
    # The word comes beside the button used: the result-first section's own (issue 21).
    assert "Shared" in page.inner_text("[data-lead-feedback]")


def test_the_asked_only_when_lines_go_once_python_is_live(
    site_url: str, shared_page: object
) -> None:
    page = shared_page  # Python started
    served = page.request.get(f"{site_url}assessment/").text()
    assert 'class="question__when"' in served  # the static checklist's
    lines = page.eval_on_selector_all(
        ".question__when",
        """(els) => els.map((p) => ({ shown: !p.hidden,
            described: (p.closest('fieldset').getAttribute('aria-describedby') || '')
                .split(' ').includes(p.id) }))""")
    assert lines and not any(line["shown"] or line["described"] for line in lines)


def test_scrolling_never_takes_the_answers_out_of_the_address(site_url: str, page: object) -> None:
    """The theme's anchor tracking rewrote the address on scroll, dropping the answers."""
    page.set_viewport_size(PHONE)
    open_link(page, site_url, "nation=wales&profession=nurse&employer=somerset")
    for y in (0, 2500, 6000, 99999, 0):
        page.mouse.wheel(0, y - page.evaluate("scrollY"))
        page.wait_for_timeout(250)
        assert page.evaluate("location.hash") == "#nation=wales&profession=nurse&employer=somerset"
