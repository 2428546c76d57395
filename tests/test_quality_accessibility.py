"""Accessibility gates on every built page: axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) in light
and dark palettes and on the self-assessment in each of its states, plus the structure axe
cannot judge: one h1, headings in order, landmarks, a skip link, the page language, and no
single-key shortcuts."""

from __future__ import annotations

import pytest

from tests.site_crawl import Crawl, axe_violations
from tools.page_states import STATES

pytestmark = pytest.mark.browser

PYTHON_TIMEOUT = 60_000


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_axe_violations(
    crawl: Crawl, dark_crawl: Crawl, page_paths: list[str], scheme: str
) -> None:
    # Light: the shared crawl (a default profile prefers light); dark: the same visits, once
    # the page was told the person prefers the dark palette (tests/site_crawl.py). Both are
    # named as arguments, not looked up inside the test, so that pytest-xdist keeps this test
    # with the crawl's other readers (tests/conftest.py): looked up, it ran on the other
    # worker, which crawled every page a second time (128 s of a CI run).
    visits = crawl if scheme == "light" else dark_crawl
    problems = {}
    for path in page_paths:
        visit = visits.pages[path]
        assert visit.palette == ("slate" if scheme == "dark" else "default"), path
        if found := visit.axe:
            problems[path] = found
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
    page_paths: list[str], crawl: Crawl
) -> None:
    for path in page_paths:
        shape = crawl.pages[path].shape  # as loaded, before any script of ours has answered
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
