"""The self-assessment in real headless Chromium running the real engine in Pyodide.

Each test does what a person would: answers with the keyboard, opens a shared link, reloads,
prints, or visits with JavaScript off or with Python unable to start.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from assessment.reading.loader import load_rules
from tests.cli_run import command_line
from tests.page_constants import STORAGE_KEY
from tests.page_reading import checked
from tests.test_quality_accessibility import axe_violations
from tools.page_states import STATES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*.json"))
READY = "#assessment-app[data-python-ready]"
PYTHON_TIMEOUT = 60_000


def cli_result(answers: dict, tmp_path: Path) -> dict:
    """The command line's JSON for the same answers: what the page must agree with."""
    return json.loads(command_line(answers, tmp_path, "--format", "json"))


def fragment(answers: dict) -> str:
    """A share-link fragment as the spec writes it (keys and values URL-encoded)."""
    parts = []
    for key, value in answers.items():
        values = value if isinstance(value, list) else [value]
        parts.append(f"{quote(key)}={','.join(quote(v) for v in values)}")
    return "&".join(parts)


def page_result(page: object) -> dict:
    """What the live result shows: the outcome, each item's status, the notices."""
    return page.evaluate(
        """() => ({
            outcome: document.querySelector('[data-outcome]').dataset.outcome,
            evidence: [...document.querySelectorAll('[data-evidence-id]')]
                .map(el => [el.dataset.evidenceId, el.dataset.status]),
            notices: [...document.querySelectorAll('[data-notice-id]')]
                .map(el => el.dataset.noticeId),
        })"""
    )


def open_assessment(page: object, site_url: str, answers: dict | None = None) -> None:
    """Open the self-assessment (optionally from a share link) and wait for Python's result."""
    suffix = f"#{fragment(answers)}" if answers else ""
    page.goto(f"{site_url}assessment/{suffix}")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)


def evaluations(page: object) -> int:
    return int(page.get_attribute("#assessment-app", "data-evaluations") or 0)


def wait_for_update(page: object, before: int) -> None:
    # A selector, not wait_for_function: Playwright polls a function by evaluating a string,
    # which the page's Content Security Policy refuses. The count only grows.
    page.wait_for_selector(
        f"#assessment-app[data-evaluations]:not([data-evaluations='{before}'])", state="attached"
    )


def answer(page: object, question: str, option: str) -> None:
    """Click an option's label, as a person would, and wait for the result to follow."""
    before = evaluations(page)
    page.click(f"label[for='q-{question}-{option}']")
    wait_for_update(page, before)



# ------------------------------------------------------------------ the same result everywhere


def scenario_answers() -> list[tuple[str, dict]]:
    cases = []
    for path in SCENARIOS:
        data = json.loads(path.read_text())
        cases.append((path.stem, data["answers"]))
    return cases


def test_the_page_agrees_with_the_command_line(site_url: str, page: object, tmp_path: Path) -> None:
    cases = scenario_answers()
    assert len(cases) >= 10
    open_assessment(page, site_url)
    compared = 0
    for name, answers in cases[:12]:
        before = evaluations(page)
        page.evaluate(
            """(answers) => {
                for (const input of document.querySelectorAll('#assessment-form input')) {
                    const wanted = [].concat(answers[input.name] ?? []);
                    input.checked = wanted.includes(input.value);
                }
                document.getElementById('assessment-form')
                    .dispatchEvent(new Event('change', { bubbles: true }));
            }""",
            answers,
        )
        wait_for_update(page, before)
        expected = cli_result(answers, tmp_path)
        shown = page_result(page)
        assert shown["outcome"] == expected["outcome"], name
        # The page groups the items (service need, suitability, ...); ids and statuses match.
        assert len(shown["evidence"]) == len(expected["evidence"]), name
        assert dict(shown["evidence"]) == {i["id"]: i["status"] for i in expected["evidence"]}, name
        assert shown["notices"] == [n["id"] for n in expected["notices"]], name
        compared += 1
    assert compared >= 10
    assert page.errors == []


# ------------------------------------------------------------------ keyboard, focus, conditions


def test_a_whole_journey_by_keyboard_alone(site_url: str, page: object) -> None:
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    page.focus("#q-nation-england")
    assert page.evaluate("document.activeElement.id") == "q-nation-england"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "the focused control shows no outline"
    page.keyboard.press("Space")
    # Walk forward with Tab through every asked question, choosing its first option.
    for _ in range(200):
        if page.locator("[data-outcome='gaps'], [data-outcome='ready']").count():
            break
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "({name: document.activeElement.name, type: document.activeElement.type,"
            " checked: document.activeElement.checked})"
        )
        if focused["type"] in {"radio", "checkbox"} and not focused["checked"]:
            before = evaluations(page)
            page.keyboard.press("Space")
            wait_for_update(page, before)
    outcome = page.get_attribute("[data-outcome]", "data-outcome")
    assert outcome in {"gaps", "ready"}
    assert set(checked(page)) >= {"nation", "profession"}
    assert page.errors == []


def test_conditional_questions_follow_the_answers(site_url: str, page: object) -> None:
    open_assessment(page, site_url)
    mri_safety = page.locator("#q-mri_safety")
    children = page.locator("#q-paediatric_competence")
    answer(page, "nation", "wales")
    answer(page, "profession", "physiotherapist")
    assert page.locator("#q-practice_level").is_visible()
    assert mri_safety.is_hidden()
    answer(page, "modalities", "mri")
    assert mri_safety.is_visible()
    answer(page, "mri_safety", "yes")
    answer(page, "patients", "children")
    assert children.is_visible()
    # Not registered: every later question goes; changing back brings them and their answers.
    page.focus("#q-profession-not-registered")
    before = evaluations(page)
    page.check("#q-profession-not-registered")
    wait_for_update(page, before)
    assert page.locator("#q-practice_level").is_hidden()
    assert page.get_attribute("[data-outcome]", "data-outcome") == "blocked"
    assert page.evaluate("document.activeElement.id") == "q-profession-not-registered"
    answer(page, "profession", "physiotherapist")
    assert mri_safety.is_visible()
    assert checked(page)["mri_safety"] == ["yes"]
    assert checked(page)["nation"] == ["wales"]


# ------------------------------------------------------------------ share, keep, take away


def test_a_share_link_round_trip(site_url: str, context: object, page: object) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_assessment(page, site_url)
    for question, option in [
        ("nation", "scotland"),
        ("profession", "paramedic"),
        ("practice_level", "advanced"),
        ("modalities", "xray"),
        ("modalities", "ct"),
    ]:
        answer(page, question, option)
    page.click("[data-action=copy-link]")
    link = page.evaluate("navigator.clipboard.readText()")
    assert (
        "#nation=scotland&profession=paramedic&practice_level=advanced&modalities=xray,ct" in link
    )
    shown = page_result(page)
    other = context.new_page()
    other.goto(link)
    other.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    assert page_result(other) == shown
    assert checked(other) == checked(page)


def test_a_link_with_bad_parts_keeps_the_rest_and_injects_nothing(
    site_url: str, page: object
) -> None:
    hostile = (
        "nation=england&nation=wales&colour=blue&modalities=xray,pet"
        "&practice_level=advanced,consultant"
        "&profession=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&%E0%A4%A=1"
    )
    page.goto(f"{site_url}assessment/#{hostile}")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    assert checked(page) == {"nation": ["england"], "modalities": ["xray"]}
    notes = page.inner_text("[data-notes]")
    assert "colour" in notes
    assert "pet" in notes
    assert "<img" in notes  # shown as text ...
    assert page.locator("[data-notes] img").count() == 0  # ... never as markup
    assert page.errors == []


def test_answers_survive_a_reload_and_can_be_forgotten(site_url: str, page: object) -> None:
    open_assessment(page, site_url)
    answer(page, "nation", "northern-ireland")
    answer(page, "profession", "pharmacist")
    page.goto(f"{site_url}assessment/")  # no fragment: the saved answers come back
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    assert checked(page) == {"nation": ["northern-ireland"], "profession": ["pharmacist"]}
    assert "restored" in page.inner_text("[data-notes]")
    page.click("[data-action=forget]")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    assert checked(page) == {}


def test_corrupt_saved_answers_are_cleared_with_a_message(site_url: str, page: object) -> None:
    page.goto(f"{site_url}assessment/")
    page.evaluate("(key) => localStorage.setItem(key, '{not json')", STORAGE_KEY)
    page.reload()
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    assert "could not be read" in page.inner_text("[data-notes]")
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) is None


def test_a_result_needs_no_image_and_its_boxes_still_open(site_url: str, page: object) -> None:
    """The result draws no CSS image: Chromium builds a document for each SVG icon the first
    time it is drawn, which made the frame that first shows a result a long task. The
    "What counts as evidence" boxes keep a chevron drawn with borders, and still open."""
    answers = json.loads(SCENARIOS[0].read_text())["answers"]
    open_assessment(page, site_url, answers)
    images = page.evaluate(
        """() => [...document.querySelectorAll('[data-result] *')].flatMap((el) =>
            [null, '::before', '::after', '::marker'].flatMap((pseudo) => {
                const style = getComputedStyle(el, pseudo);
                return ['mask-image', 'background-image', 'list-style-image', 'border-image-source']
                    .map((property) => style.getPropertyValue(property))
                    .filter((value) => value.includes('url('))
                    .map((value) => `${el.tagName}${pseudo || ''}: ${value.slice(0, 60)}`);
            }))"""
    )
    assert images == []
    summary = page.locator("[data-result] .evidence__more > summary").first
    chevron = summary.evaluate("(el) => getComputedStyle(el, '::after').borderRightWidth")
    assert chevron == "2px"
    summary.press("Enter")
    assert summary.evaluate("(el) => el.parentElement.open")


def test_the_print_view_is_a_short_clean_checklist(site_url: str, page: object) -> None:
    answers = json.loads(SCENARIOS[0].read_text())["answers"]
    open_assessment(page, site_url, answers)
    page.emulate_media(media="print")
    assert page.locator("#assessment-form").is_hidden()
    assert page.locator(".print-answers").is_visible()
    assert re.search(r"Printed on \d{1,2} \w+ \d{4}", page.inner_text("[data-print-date]"))
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    # Three A4 pages at most for the scenario with the most kinds of imaging: the action list
    # leads (issue 21), then every item with its reasons, and a scope table of 12 rows.
    assert 1 <= pages <= 3, f"the printed checklist runs to {pages} pages"


def test_markdown_and_text_match_the_command_line(
    site_url: str, context: object, page: object, tmp_path: Path
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    answers = json.loads(SCENARIOS[0].read_text())["answers"]
    open_assessment(page, site_url, answers)
    with page.expect_download() as download:
        page.click("[data-action=download]")
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    page.click("[data-action=copy-text]")
    text = page.evaluate("navigator.clipboard.readText()")
    today = page.evaluate(
        "(() => { const d = new Date(), pad = (n) => String(n).padStart(2, '0');"
        " return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` })()"
    )
    for fmt, shown in (("markdown", markdown), ("text", text)):
        # The page gives its own site root, so the checklists' links are full addresses
        # (issue 17).
        cli = command_line(answers, tmp_path, "--format", fmt, "--date", today,
                           "--site-url", site_url)
        assert shown == cli, fmt


# ------------------------------------------------------------------ without JavaScript or Python


def test_without_javascript_the_page_is_a_complete_checklist(
    browser: object, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}assessment/")
    rules = load_rules()
    for question in rules.questions:
        for option in question.options:
            control = page.locator(f"input[name='{question.id}'][value='{option.id}']")
            assert control.count() == 1, (question.id, option.id)
    for item in rules.evidence:
        assert page.locator(f"#item-{item.id}").count() == 1, item.id
    assert page.locator("[data-evidence-id], [data-outcome], [data-notice-id]").count() == 0
    assert "needs JavaScript" in page.inner_text("[data-python-status]")
    context.close()


def test_when_python_cannot_start_the_checklist_stays_and_says_why(
    site_url: str, context: object, page: object
) -> None:
    context.route("**/*.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector("#assessment-app[data-python-failed]", timeout=PYTHON_TIMEOUT)
    assert "could not start in this browser" in page.inner_text("[data-python-status]")
    assert page.locator("[data-static-checklist]").is_visible()
    assert page.locator("[data-evidence-id]").count() == 0
    page.check("#q-nation-england")  # the form still works as a form
    assert checked(page) == {"nation": ["england"]}
    page.errors.clear()  # the failed download is logged by the browser; that is expected


SEARCH_WORKER = re.compile(r"/workers/search\.[^/]*\.js$")


def search_finds(page: object, words: str) -> int:
    """Open the theme's search as a person would, type, and count the results listed."""
    page.click(".md-search__input")
    page.keyboard.type(words)
    page.wait_for_selector(".md-search-result__item", timeout=PYTHON_TIMEOUT)
    return page.locator(".md-search-result__item").count()


def test_search_waits_for_python_then_works(site_url: str, page: object) -> None:
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    # The search worker is started once Python has (polled: no wait_for_function under CSP).
    for _ in range(100):
        if [w for w in page.workers if SEARCH_WORKER.search(w.url)]:
            break
        page.wait_for_timeout(100)
    assert [w for w in page.workers if SEARCH_WORKER.search(w.url)], "no search worker"
    assert search_finds(page, "supervisor") > 0


def test_search_starts_at_once_when_the_person_reaches_for_it(
    site_url: str, context: object, page: object
) -> None:
    held = []

    def hold(route: object) -> None:  # Python never finishes starting
        held.append(route)  # (a bound method is refused: Playwright inspects the signature)

    context.route("**/pyodide.asm.wasm", hold)
    page.goto(f"{site_url}assessment/")
    page.wait_for_load_state("load")
    assert not [w.url for w in page.workers if SEARCH_WORKER.search(w.url)]
    assert search_finds(page, "supervisor") > 0
    assert [w.url for w in page.workers if SEARCH_WORKER.search(w.url)]
    assert "data-python-ready" not in page.evaluate(
        "() => document.getElementById('assessment-app').getAttributeNames().join(' ')"
    )


# ------------------------------------------------------------------ on a phone (issue 15)

PHONE = {"width": 390, "height": 844}
STATE_LINKS = {name: text for name, text in STATES.items() if text}


def in_viewport(page: object, selector: str) -> dict:
    """Where an element is against the viewport (its whole box is in view when `inside`)."""
    return page.eval_on_selector(
        selector,
        """(el) => { const r = el.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, height: innerHeight,
                     inside: r.top >= 0 && r.bottom <= innerHeight && r.height > 0 }; }""",
    )


@pytest.mark.parametrize("state", list(STATE_LINKS))
def test_every_link_the_live_result_draws_resolves(
    site_url: str, page: object, state: str
) -> None:
    page.goto(f"{site_url}assessment/#{STATE_LINKS[state]}")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    links = page.eval_on_selector_all(
        "[data-result] a[href], [data-summary] a[href]",
        "(els) => els.map((a) => ({ href: a.href, text: a.textContent }))",
    )
    assert links
    fetched: dict[str, str] = {}
    for link in links:
        href = link["href"]
        if not href.startswith(site_url):
            continue  # a source's own address, checked by the link checks of the rules
        address, _, anchor = href.partition("#")
        if address not in fetched:
            response = page.request.get(address)
            assert response.status == 200, f"{state}: {link['text']} → {href}"
            fetched[address] = response.text()
        if anchor and address != f"{site_url}assessment/":
            assert f'id="{anchor}"' in fetched[address], f"{state}: no #{anchor} at {address}"
    # "More about …" keeps the item's title as it is written (IR(ME)R, UK...).
    titles = page.eval_on_selector_all(
        "[data-evidence-id]",
        """(els) => els.map((li) => [li.querySelector('.evidence__title > span:first-child')
            .textContent, li.querySelector('.evidence__guidance a').textContent])""",
    )
    assert all(more == f"More about {title}" for title, more in titles), titles


def test_on_a_phone_the_scope_table_scrolls_in_its_own_box(site_url: str, page: object) -> None:
    page.set_viewport_size(PHONE)
    answers = {**json.loads(SCENARIOS[0].read_text())["answers"]}
    open_assessment(page, site_url, answers)
    box = page.locator(".scope__scroll")
    box.scroll_into_view_if_needed()
    widths = page.evaluate(
        """() => { const box = document.querySelector('.scope__scroll');
            return { page: document.documentElement.scrollWidth, view: innerWidth,
                     box: box.clientWidth, table: box.scrollWidth }; }"""
    )
    assert widths["page"] <= widths["view"], f"the page pans sideways: {widths}"
    assert widths["table"] > widths["box"], f"the table fits, so this tests nothing: {widths}"
    assert box.get_attribute("tabindex") == "0"  # scrollable from the keyboard too


def test_while_it_loads_the_page_never_says_javascript_is_off(
    site_url: str, context: object, page: object
) -> None:
    held = []

    def hold(route: object) -> None:  # the page script never arrives
        held.append(route)

    context.route(re.compile(r"/assets/js/assessment-[0-9a-f]{12}\.js$"), hold)
    page.goto(f"{site_url}assessment/", wait_until="commit")
    page.wait_for_selector("#assessment-form", state="attached")  # the page is parsed
    status = page.inner_text("[data-python-status]")
    assert "JavaScript" not in status and "off or blocked" not in status, status
    assert "Getting your live result ready" in status
    assert axe_violations(page) == []


def test_progress_is_told_in_plain_words(site_url: str, context: object, page: object) -> None:
    held = []

    def hold(route: object) -> None:  # Python never finishes starting
        held.append(route)

    context.route("**/pyodide.asm.wasm", hold)
    context.route("**/assets/py/assessment-*.snapshot", hold)
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector("[data-python-progress]:not([hidden])")
    status = page.inner_text("[data-python-status]")
    assert re.match(r"(Getting your live result ready|Step [123] of 3: )", status), status
    assert "JavaScript" not in status


def test_counts_say_what_they_count(site_url: str, page: object) -> None:
    open_assessment(page, site_url, {"nation": "england", "profession": "nurse"})
    missing = page.locator("[data-result] .missing")
    listed = missing.locator("li").count()
    assert listed >= 2
    assert missing.locator("p").inner_text() == f"Questions still to answer: {listed}"
    tally = page.inner_text("[data-result] .outcome__tally")
    assert tally.startswith("Evidence items:"), tally


def test_each_option_row_is_a_target_of_at_least_44_px(site_url: str, page: object) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    rows = page.eval_on_selector_all(
        "#assessment-form fieldset:not([hidden]) .option",
        "(els) => els.map((el) => { const r = el.getBoundingClientRect();"
        " return [el.querySelector('input').id, r.width, r.height]; })",
    )
    assert len(rows) > 20
    small = [(id_, w, h) for id_, w, h in rows if w < 44 or h < 44]
    assert not small, small
    # A tap at the far end of a row, away from the box and its words, still chooses it.
    for control in ("q-nation-wales", "q-profession-physiotherapist"):
        row = page.locator(f".option:has(#{control})")
        row.scroll_into_view_if_needed()
        box = row.bounding_box()
        page.mouse.click(box["x"] + box["width"] - 3, box["y"] + box["height"] / 2)
        assert page.is_checked(f"#{control}"), control


def test_a_link_pasted_on_an_open_page_loads_its_answers(site_url: str, page: object) -> None:
    open_assessment(page, site_url)
    answer(page, "nation", "wales")
    answer(page, "profession", "pharmacist")
    own = checked(page)
    # Only the fragment changes, as when a link is pasted into the address bar.
    before = evaluations(page)
    page.evaluate("location.hash = 'nation=scotland&profession=paramedic&modalities=xray'")
    wait_for_update(page, before)
    assert checked(page) == {"nation": ["scotland"], "profession": ["paramedic"],
                             "modalities": ["xray"]}
    assert "from a link" in page.inner_text("[data-notes]")
    assert axe_violations(page) == []
    # The person's own answers are kept until they change one, and they can switch back.
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert saved["answers"] == {"nation": "wales", "profession": "pharmacist"}
    before = evaluations(page)
    page.click("text=Switch back to my saved answers")
    wait_for_update(page, before)
    assert checked(page) == own
    # An in-page anchor neither loads nor clears answers.
    page.evaluate("location.hash = 'result'")
    page.wait_for_timeout(300)
    assert checked(page) == own
    assert page.errors == []


def test_a_links_answers_are_not_saved_as_the_persons_own(site_url: str, page: object) -> None:
    page.goto(f"{site_url}assessment/#nation=wales&profession=nurse")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    answer(page, "practice_level", "advanced")  # a change makes them hers
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert saved["answers"]["practice_level"] == "advanced"


def test_a_complete_link_opens_at_its_result_on_a_phone(site_url: str, page: object) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}assessment/#{STATES['gaps']}")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    page.wait_for_selector("[data-lead-result]:not([hidden])")
    where = in_viewport(page, "#result-lead-heading")
    assert where["inside"], f"the result is not in the first view: {where}"
    summary = page.inner_text("[data-lead-result]")
    assert load_rules().outcome_labels["gaps"] in summary
    assert "Evidence items:" in summary
    assert page.locator("[data-lead] [data-outcome]").count() == 0  # one per page
    assert page.locator("[data-outcome]").count() == 1
    assert axe_violations(page) == []
    page.click("[data-lead] [data-go-to=card-service-need]")
    assert page.evaluate("document.activeElement.id") == "card-service-need"
    page.click("[data-lead] [data-change=nation]")
    assert page.evaluate("document.activeElement.closest('fieldset').id") == "q-nation"


def test_a_partial_link_leads_to_its_first_unanswered_question(
    site_url: str, page: object
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}assessment/#{STATES['partly answered']}")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    first = page.get_attribute("[data-result] .missing a", "data-focus-question")
    # The result's heading has the focus, and what to do next starts with that question.
    assert page.evaluate("document.activeElement.id") == "result-lead-heading"
    assert page.get_attribute("[data-next-steps] a", "data-go-to") == f"q-{first}"
    page.click("[data-next-steps] a")
    where = in_viewport(page, f"#q-{first}")
    assert 0 <= where["top"] < PHONE["height"] / 2, where
    assert page.evaluate("document.activeElement.name") == first
    assert axe_violations(page) == []


def test_el_sets_only_allowed_attributes_and_text(site_url: str, page: object) -> None:
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    found = page.evaluate(
        """async () => {
            // Through the page's import map, as the page script imports it.
            const url = new URL('../assets/js/nodes.js', document.baseURI);
            const { el } = await import(url);
            const refused = [];
            for (const name of ['onclick', 'style', 'src', 'srcdoc', 'formaction', 'xlink:href']) {
                try { el('a', { [name]: 'x' }); } catch { refused.push(name); }
            }
            const made = el('a', { href: '#x', class: 'c', text: '<img src=x onerror=alert(1)>' });
            return { refused, children: made.children.length, text: made.textContent };
        }"""
    )
    assert found["refused"] == ["onclick", "style", "src", "srcdoc", "formaction", "xlink:href"]
    assert found["children"] == 0 and found["text"].startswith("<img")
