"""The result first (issue 21), in headless Chromium on a phone (390x844) and a laptop
(1280x800): a link's answers and a "being worked out" box before Python answers (with every
request for the Python runtime refused), then the outcome, what to do next and the actions
within the first two screens; focus on the result's heading and the Word pack a few Tabs
away; "Change" and back to the result with the answers still in the address; the review link
in a read-only field with Copy and share; no page wider than a 320 px screen; the layout
shift; 24 px targets; axe in each of these states."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_browser_assessment import (
    PYTHON_TIMEOUT,
    READY,
    answer,
    evaluations,
    fragment,
    wait_for_update,
)
from tests.test_quality_accessibility import axe_violations
from tools.page_states import STATES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
# Six scenarios whose links are complete (every question answered): two ready, three with
# gaps, one blocked; the paramedic's with an employer's own requirements as well.
SIX = {
    "england-consultant-radiographer": None,
    "england-gp-practice-paramedic": "dorset-county-hospital",
    "scotland-ed-advanced-nurse": None,
    "wales-childrens-anp": None,
    "ni-community-pharmacist": None,
    "wales-not-registered-with-stale-answers": None,
}
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
LEAD = "[data-lead]"
# Every request for the Python runtime: Pyodide's files, the package, snapshot and library.
RUNTIME = ("**/pyodide/**", "**/assets/py/**")
# The theme's search form, drawn off-screen until it opens: not part of the page's width.
OFF_SCREEN = ".md-search"
LAYOUT_SHIFT = """window.__shift = 0; new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({ type: "layout-shift", buffered: true });"""


def scenario_link(name: str) -> str:
    answers = json.loads((ROOT / "tests" / "scenarios" / f"{name}.json").read_text())["answers"]
    answers = {key: value for key, value in answers.items() if value not in (None, [], "")}
    employer = SIX.get(name)
    return fragment({**answers, **({"employer": employer} if employer else {})})


def open_link(page: object, site_url: str, link: str) -> None:
    page.goto(f"{site_url}assessment/#{link}")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    page.wait_for_selector("[data-lead-result]:not([hidden])", timeout=PYTHON_TIMEOUT)


def block_runtime(context: object, *, hang: bool = False) -> None:
    """Refuse every request for the Python runtime, or (`hang`) never answer it: Python then
    never starts, and the page stays as it is while it waits, deterministically."""
    for pattern in RUNTIME:
        context.route(pattern, (lambda route: None) if hang else (lambda route: route.abort()))


def needing_action(page: object) -> list[str]:
    """The titles of the full result's cards missing, partly in place or to check."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-evidence-id], [data-local-id]')]
            .filter((card) => ['gap', 'partial', 'check'].includes(card.dataset.status))
            .map((card) => card.querySelector('.evidence__title > span').textContent)"""
    )


SCREENS = """() => {
  // Where the page lands: the result's heading at the top, below the theme's header.
  const heading = document.getElementById('result-lead-heading');
  const top = heading.getBoundingClientRect().top + scrollY
    - parseFloat(getComputedStyle(heading).scrollMarginTop);
  const screens = (node) => (node.getBoundingClientRect().bottom + scrollY - top) / innerHeight;
  return {
    steps: [...document.querySelectorAll('[data-next-steps] > li')].map((item) => ({
      title: item.querySelector('a')?.textContent || null,
      target: item.querySelector('a')?.dataset.goTo || null,
      marked: item.querySelectorAll('[data-evidence-id], [data-status], [data-outcome]').length
        + (item.matches('[data-evidence-id], [data-status], [data-outcome]') ? 1 : 0),
      screens: screens(item),
    })),
    actions: [...document.querySelectorAll('[data-lead] [data-action]')].map((button) => ({
      action: button.dataset.action, text: button.textContent, screens: screens(button),
    })),
  };
}"""


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_action_list_and_the_actions_are_in_the_first_two_screens(
    site_url: str, browser: object, viewport: dict
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        for name in SIX:
            open_link(page, site_url, scenario_link(name))
            shown = page.evaluate(SCREENS)
            titles = [step["title"] for step in shown["steps"] if step["target"]]
            assert titles == needing_action(page), name
            for step in shown["steps"]:
                assert step["marked"] == 0, (name, step)  # a summary, not the live result
                assert step["screens"] <= 2, (name, step)
                if step["target"]:
                    assert page.locator(f"#{step['target']}").count() == 1, (name, step)
            actions = {action["action"]: action for action in shown["actions"]}
            assert set(actions) == {"download-docx", "print", "copy-link", "review-link"}
            assert "Word" in actions["download-docx"]["text"]
            for action in actions.values():
                assert action["screens"] <= 2, (name, action)
            page.goto("about:blank")
    finally:
        context.close()


def test_with_the_runtime_blocked_a_links_answers_and_the_box_show(
    site_url: str, context: object, page: object
) -> None:
    block_runtime(context, hang=True)
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}assessment/#{STATES['gaps']}")
    page.wait_for_selector("[data-lead-link-answers] dt")
    answers = page.locator("[data-lead-link-answers]")
    rows = dict(zip(answers.locator("dt").all_inner_texts(),
                    answers.locator("dd").all_inner_texts(), strict=True))
    assert rows["Where is the imaging service you will refer to?"] == "England"
    assert rows["What is your registered profession?"] == "Paramedic"
    assert len(rows) == len(STATES["gaps"].split("&"))
    box = page.locator("[data-lead-pending]")
    assert box.is_visible()
    assert "Working out the result" in box.inner_text()
    assert "Python" not in box.inner_text()
    assert page.locator("[data-lead-result]").is_hidden()
    assert page.locator("[data-outcome], [data-evidence-id]").count() == 0
    # The box is in view on arrival, with the first answers.
    view = page.evaluate("""() => {
      const box = document.querySelector('[data-lead-pending]').getBoundingClientRect();
      const first = document.querySelector('[data-lead-link-answers] dd').getBoundingClientRect();
      return { box: box.top < innerHeight && box.bottom > 0, first: first.bottom <= innerHeight };
    }""")
    assert view == {"box": True, "first": True}
    # The static checklist below is laid out only near the screen (content-visibility: auto),
    # where axe's target-size rule cannot measure it: laid out here first, as a reader's
    # scrolling would (its links are measured at 24 px in the test below, too).
    page.eval_on_selector("[data-static-checklist]",
                          "(list) => { list.style.contentVisibility = 'visible'; }")
    assert axe_violations(page) == []


# A link with several answers to one question, the organisation's choice, a value the
# question does not have and a key no question has: the parser keeps the first two only.
MIXED_LINK = (STATES["gaps"].replace("modalities=xray", "modalities=mri,xray")
              .replace("patients=adults", "patients=aliens")
              + "&colour=blue&employer=dorset-county-hospital")
# Each drawing of the link's answers, as it was drawn: the inline script's at the first paint,
# then lead.js's once the page script runs; counted on <html> for a selector to wait on.
RENDERS = """window.__renders = [];
new MutationObserver((records) => {
  for (const record of records) {
    if (!record.target.matches?.('[data-lead-link-answers]')) continue;
    window.__renders.push(record.target.innerHTML);
    document.documentElement.dataset.renders = String(window.__renders.length);
  }
}).observe(document, { childList: true, subtree: true });"""


def link_rows(page: object) -> dict[str, str]:
    answers = page.locator("[data-lead-link-answers]")
    return dict(zip(answers.locator("dt").all_text_contents(),
                    answers.locator("dd").all_text_contents(), strict=True))


def test_a_links_answers_show_with_every_script_module_refused(
    site_url: str, context: object, page: object
) -> None:
    refused: list[str] = []

    def refuse(route: object) -> None:
        refused.append(route.request.url)
        route.abort()

    # Every script of ours (the page script, its modules, the worker): none of them runs.
    context.route("**/assets/js/**", refuse)
    block_runtime(context, hang=True)
    page.add_init_script(RENDERS)
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}assessment/#{MIXED_LINK}", wait_until="load")
    assert any("/assets/js/assessment-" in url for url in refused), refused
    assert page.evaluate("window.__renders.length") == 1  # the inline script's, alone
    rows = link_rows(page)
    assert rows["Where is the imaging service you will refer to?"] == "England"
    assert rows["What is your registered profession?"] == "Paramedic"
    assert rows["What kinds of imaging do you want to request?"] == "X-ray, MRI"  # options' order
    assert "Who are your patients?" not in rows  # "aliens" is not one of its options
    assert rows[
        "The organisation that runs the imaging service you are applying to (optional)"
    ].startswith("Dorset County Hospital")
    assert len(rows) == len(STATES["gaps"].split("&"))  # one question dropped, the organisation
    assert page.locator("[data-lead-pending]").is_visible()
    assert page.locator("[data-lead-link-answers] dt").first.is_visible()
    page.errors.clear()  # the refused scripts are logged by the browser; that is expected


def test_the_first_paints_answers_are_those_the_page_script_draws(
    site_url: str, context: object, page: object
) -> None:
    block_runtime(context, hang=True)
    page.add_init_script(RENDERS)
    for link in (MIXED_LINK, STATES["blocked"], STATES["partly answered"]):
        page.goto(f"{site_url}assessment/#{link}")
        page.wait_for_selector("html[data-renders='2']", state="attached")
        first, second = page.evaluate("window.__renders")
        assert "<dt>" in first, link
        assert first == second, link
        page.goto("about:blank")


def test_when_the_runtime_is_refused_the_links_answers_stay_and_the_box_says_why(
    site_url: str, context: object, page: object
) -> None:
    block_runtime(context)
    page.goto(f"{site_url}assessment/#{STATES['gaps']}")
    page.wait_for_selector("#assessment-app[data-python-failed]", timeout=PYTHON_TIMEOUT)
    box = page.locator("[data-lead-pending]")
    assert "England" in box.inner_text()
    assert "could not start in this browser" in box.inner_text()
    assert "Working out the result" not in box.inner_text()
    page.errors.clear()  # the refused downloads are logged by the browser; that is expected


def test_focus_lands_on_the_result_heading_and_word_is_a_few_tabs_away(
    site_url: str, page: object
) -> None:
    page.set_viewport_size(PHONE)
    open_link(page, site_url, scenario_link("england-gp-practice-paramedic"))
    assert page.evaluate("document.activeElement.id") == "result-lead-heading"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.action") == "download-docx":
            break
    else:
        pytest.fail("the Word download is more than 10 Tabs from the result's heading")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".docx")
    assert Path(download.value.path()).read_bytes()[:2] == b"PK"
    assert axe_violations(page) == []


def test_change_goes_to_the_question_and_back_to_the_result_keeping_the_address(
    site_url: str, page: object
) -> None:
    page.set_viewport_size(PHONE)
    open_link(page, site_url, STATES["gaps"])
    page.click("[data-lead-answers] [data-change=scope_written]")
    assert page.evaluate("document.activeElement.id") == "q-scope_written-draft"
    assert "scope_written=draft" in page.evaluate("location.hash")
    before = evaluations(page)
    page.click("label[for='q-scope_written-yes']")
    wait_for_update(page, before)
    back = page.locator("#q-scope_written .assessment__back button")
    assert back.is_visible()
    assert axe_violations(page) == []
    back.click()
    assert page.evaluate("document.activeElement.id") == "result-lead-heading"
    page.wait_for_timeout(200)  # the address follows the result in a task of its own
    address = page.evaluate("location.hash")
    assert "scope_written=yes" in address and "nation=england" in address
    assert "Written scope of practice" not in page.locator("[data-next-steps]").inner_text()
    # A skip link moves the focus too, and leaves the address alone.
    page.focus("[data-skip-to=lead-actions]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "lead-actions"
    assert page.evaluate("location.hash") == address
    # The live region says only what changed, once the answers settle.
    page.wait_for_timeout(1000)
    said = page.inner_text("[data-result-announcer]")
    assert said and "answered every question" not in said
    assert len(said) < 80, said


# Each thing the live region says, with the time it was said, and the time of each result
# drawn (the app's evaluation count), on the page's own clock.
HEARD = """() => {
  window.__heard = [];
  window.__drawn = [];
  const announcer = document.querySelector('[data-result-announcer]');
  new MutationObserver(() => window.__heard.push([performance.now(), announcer.textContent]))
    .observe(announcer, { childList: true, characterData: true, subtree: true });
  new MutationObserver(() => window.__drawn.push(performance.now()))
    .observe(document.getElementById('assessment-app'), { attributeFilter: ['data-evaluations'] });
}"""
CHILDREN_QUESTION = "Does that sign-off cover assessing children?"


def test_the_live_region_names_a_question_that_appears_once_after_the_answers_settle(
    site_url: str, page: object
) -> None:
    page.set_viewport_size(PHONE)
    open_link(page, site_url, STATES["gaps"])
    page.wait_for_selector("[data-result-announcer]:not(:empty)", state="attached")
    page.evaluate(HEARD)
    # Children among the patients: the question on assessing children appears.
    answer(page, "patients", "children")
    assert page.locator("#q-paediatric_competence").is_visible()
    page.wait_for_selector("[data-result-announcer]:has-text('New question')", state="attached")
    # Then an answer that brings no question: its counts are said, the question is not again.
    said = len(page.evaluate("window.__heard"))
    answer(page, "scope_written", "yes")
    page.wait_for_timeout(1500)  # past the moment the answers count as settled (700 ms)
    heard = page.evaluate("window.__heard")
    drawn = page.evaluate("window.__drawn")
    assert len(heard) > said, heard  # the second change was said too
    naming = [text for _, text in heard if CHILDREN_QUESTION in text]
    assert naming == [text for _, text in heard[:said] if CHILDREN_QUESTION in text], heard
    assert len(naming) == 1, heard
    assert f"New question: {CHILDREN_QUESTION}" in naming[0]
    # Each time something is said, the last result before it was drawn at least 700 ms
    # earlier (less a few for the drawing between the timer's start and the count).
    for at, _ in heard:
        last = max((time for time in drawn if time <= at), default=None)
        assert last is not None and at - last >= 650, (heard, drawn)


def test_the_arrow_key_hint_says_what_the_keys_do(
    site_url: str, context: object, page: object
) -> None:
    block_runtime(context, hang=True)  # the form's keys are the browser's: no Python needed
    page.goto(f"{site_url}assessment/")
    hint = page.inner_text(".assessment__arrow-hint")
    marker = page.inner_text("#q-modalities .question__multi").strip("()")
    assert "arrow keys" in hint and "Tab" in hint and "Space" in hint
    assert marker in hint
    # The marker is on every question that takes several answers (checkboxes), and only there.
    marked = page.evaluate("""() => [...document.querySelectorAll('fieldset[data-question]')]
      .map((set) => [!!set.querySelector('.question__multi'),
                     !!set.querySelector('input[type=checkbox]')])""")
    assert marked and all(has_marker == multi for has_marker, multi in marked)
    # One answer (radios): an arrow key moves to the next option and chooses it.
    page.focus("#q-nation-england")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") == "q-nation-wales"
    assert page.is_checked("#q-nation-wales")
    # Several (checkboxes): the arrow keys stay put; Tab moves on, Space ticks.
    page.focus("#q-modalities-xray")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") == "q-modalities-xray"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q-modalities-ct"
    page.keyboard.press("Space")
    assert page.is_checked("#q-modalities-ct")
    page.errors.clear()


def test_the_review_link_is_a_read_only_field_with_copy_and_share(
    site_url: str, context: object, page: object
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    # Headless Chromium has no share sheet: a stub stands in for it, and records what it got.
    page.add_init_script(
        "navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };"
    )
    page.set_viewport_size(PHONE)
    open_link(page, site_url, f"{STATES['gaps']}&employer=dorset-county-hospital")
    page.click("[data-lead] [data-action=review-link]")
    field = page.locator("[data-review-address]")
    address = field.input_value()
    assert address.startswith(f"{site_url}review/#nation=england&")
    assert "employer=dorset-county-hospital" in address
    assert field.get_attribute("readonly") is not None
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.click("[data-review-copy]")
    assert page.evaluate("navigator.clipboard.readText()") == address
    page.click("[data-review-share]")
    assert page.evaluate("window.__shared.url") == address
    assert axe_violations(page) == []


def wider_than(page: object, width: int) -> list[str]:
    """Elements reaching past `width` (those inside a box that scrolls sideways excepted)."""
    return page.evaluate(
        """([width, off]) => [...document.querySelectorAll('body *')].filter((node) => {
          const inside = `.scope__scroll, .md-typeset__scrollwrap, .visually-hidden, [hidden],
            ${off}`;
          if (node.closest(inside)) return false;
          const box = node.getBoundingClientRect();
          return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
        }).slice(0, 5).map((node) => node.tagName + '.' + node.className)""",
        [width, OFF_SCREEN],
    )


def test_no_page_state_is_wider_than_a_320_px_screen(
    site_url: str, context: object, page: object
) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    for state in ("", STATES["gaps"], STATES["blocked"], STATES["partly answered"]):
        if state:
            open_link(page, site_url, state)
        else:
            page.goto(f"{site_url}assessment/")
        page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, state
        assert wider_than(page, 320) == [], state
        if state:
            page.click("[data-lead] [data-action=review-link]")
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, state
            assert wider_than(page, 320) == [], state
        page.goto("about:blank")
    block_runtime(context, hang=True)
    page.goto(f"{site_url}assessment/#{STATES['gaps']}")
    page.wait_for_selector("[data-lead-link-answers] dt")
    assert wider_than(page, 320) == []
    page.errors.clear()


def test_opening_a_link_shifts_the_layout_by_at_most_0_1(site_url: str, browser: object) -> None:
    for viewport in (PHONE, LAPTOP):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.add_init_script(LAYOUT_SHIFT)
        open_link(page, site_url, f"{STATES['gaps']}&employer=dorset-county-hospital")
        page.wait_for_timeout(1500)
        shift = page.evaluate("window.__shift")
        context.close()
        assert shift <= 0.1, (viewport, shift)


def test_links_and_controls_outside_running_text_are_at_least_24_px(
    site_url: str, context: object, page: object
) -> None:
    page.set_viewport_size(PHONE)
    small = """() => [...document.querySelectorAll([
        '[data-lead] a', '[data-lead] button', '.assessment__skip a', '.catalogue__item a',
        '.evidence a', '.employer-group a'].join(', '))]
      .filter((node) => node.getClientRects().length && !node.closest('[hidden]'))
      .map((node) => [node.textContent.trim().slice(0, 40), node.getBoundingClientRect().height])
      .filter(([, height]) => height < 24)"""
    open_link(page, site_url, f"{STATES['gaps']}&employer=dorset-county-hospital")
    assert page.evaluate(small) == []
    # The static checklist, shown while Python starts (here: never).
    page.goto("about:blank")
    block_runtime(context)
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector(".catalogue__item a")
    assert page.evaluate(small) == []
    page.errors.clear()
