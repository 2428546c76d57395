"""Accessibility gates on every built page: axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) in light
and dark palettes and on the self-assessment in each of its states, plus the structure axe
cannot judge: one h1, headings in order, landmarks, a skip link, the page language, and no
single-key shortcuts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.page_states import STATES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PYTHON_TIMEOUT = 60_000

def axe_violations(page: object) -> list[str]:
    """Run axe-core in the page; one line per violation and element."""
    # Evaluated, not added as an inline <script>: the pages' Content Security Policy refuses
    # inline scripts it has no hash for (Playwright's own evaluation is allowed).
    page.evaluate(AXE)
    found = page.evaluate(
        """(tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } })
            .then(r => r.violations.map(v => ({id: v.id, help: v.help,
                 nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))""",
        WCAG_TAGS,
    )
    return [f"{v['id']} ({v['help']}): {', '.join(v['nodes'])}" for v in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_axe_violations(
    browser: object, page_paths: list[str], site_url: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems = {}
    for path in page_paths:
        page.goto(site_url + path)
        if path.startswith("assessment/"):
            page.wait_for_selector("#assessment-app[data-python-ready]", timeout=PYTHON_TIMEOUT)
        palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert palette == ("slate" if scheme == "dark" else "default"), path
        if found := axe_violations(page):
            problems[path] = found
    context.close()
    assert not problems, f"axe found problems in {scheme} palette: {problems}"
    assert len(page_paths) >= 20


@pytest.mark.parametrize("state", list(STATES))
def test_the_self_assessment_has_no_axe_violations_in_each_state(
    site_url: str, page: object, state: str
) -> None:
    page.goto(f"{site_url}assessment/#{STATES[state]}")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    if state not in {"empty", "partly answered"}:
        assert page.get_attribute("[data-outcome]", "data-outcome") == state
    assert axe_violations(page) == []


def test_the_self_assessment_without_python_has_no_axe_violations(
    site_url: str, context: object, page: object
) -> None:
    context.route("**/*.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector("#assessment-app[data-python-failed]", timeout=PYTHON_TIMEOUT)
    assert axe_violations(page) == []


def test_every_page_has_one_h1_headings_in_order_landmarks_and_a_skip_link(
    page_paths: list[str], site_url: str, page: object
) -> None:
    for path in page_paths:
        page.goto(site_url + path)
        shape = page.evaluate(
            """() => ({
                lang: document.documentElement.lang,
                h1: document.querySelectorAll('h1').length,
                levels: [...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')]
                    .filter(h => h.closest('[hidden]') === null)
                    .map(h => Number(h.tagName[1])),
                main: document.querySelectorAll('main').length,
                banner: document.querySelectorAll('header').length > 0,
                contentinfo: document.querySelectorAll('footer').length > 0,
                skip: document.querySelector('a.md-skip')?.getAttribute('href') || null,
                title: document.title,
            })"""
        )
        assert shape["lang"] == "en", path
        assert shape["h1"] == 1, f"{path} has {shape['h1']} h1 elements"
        for before, after in zip(shape["levels"], shape["levels"][1:], strict=False):
            assert after <= before + 1, f"{path} jumps from h{before} to h{after}"
        assert shape["main"] == 1 and shape["banner"] and shape["contentinfo"], path
        # The theme gives the error page no skip link (it has no table of contents); its
        # main landmark still lets a keyboard or screen reader user bypass the header.
        if path != "404.html":
            assert shape["skip"], f"{path} has no skip link"
        assert shape["title"], path


def test_single_key_shortcuts_do_not_act_outside_the_search_field(
    site_url: str, page: object
) -> None:
    page.goto(site_url)
    start = page.url
    page.locator("body").click(position={"x": 5, "y": 300})
    for key in ["f", "s", "/", "n", "."]:
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url == start
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.name") != "query"
    # Typing in the search field still works.
    page.focus("input[name='query']")
    page.keyboard.type("scope")
    assert page.input_value("input[name='query']") == "scope"
