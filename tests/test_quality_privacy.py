"""Privacy gates in real headless Chromium: no page, in any state of the self-assessment, asks
another host for anything; nothing sets a cookie; the browser keeps nothing but the person's
own answers (with the name and imaging provider they typed for their documents, if any),
their display preferences and the site's own offline cache. And the guidance
pages never load Python: only the self-assessment does."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from tests.page_constants import STORAGE_KEY, WHO_KEY
from tests.page_reading import checked
from tests.site_crawl import STORAGE, Crawl
from tools.bench.settings import PYTHON_PATHS  # what no guidance page may download
from tools.page_states import STATES

pytestmark = pytest.mark.browser

PYTHON_TIMEOUT = 60_000
ANSWERS_KEY = STORAGE_KEY  # the self-assessment's saved answers
# WHO_KEY: the name and imaging provider a person typed for their documents (issue 17: kept on
# the device like the answers), and only once typed; never in a link.
# The site's own offline cache (Cache Storage, or IndexedDB should it ever need one) is named
# with this prefix; whether it exists is not this test's business.
OWN_CACHE_PREFIX = "imaging-referrer-"
# What mkdocs-material may keep in Web Storage, under "<site path>.<name>". Only display
# preferences are allowed, each for the reason given:
THEME_DISPLAY_PREFERENCES = {
    # the colour scheme the reader chose with the header's light/dark/system toggle;
    "__palette",
    # which of a set of linked content tabs the reader last chose (content.tabs.link; off);
    "__tabs",
    # that the reader dismissed the announcement bar (no announcement today).
    "__announce",
}
# Refused, should they ever appear: "__consent" (a cookie-consent record, which a site
# without cookies has no use for), "__source" (a cache of a code repository's facts, fetched
# from GitHub's API: another host) and "__outdated" (a versioned-docs warning).


def unexpected_storage(stored: dict, origin: str) -> list[str]:
    """Everything kept in the browser beyond what the module docstring allows."""
    problems = []
    for area in ("local", "session"):
        for key in stored[area]:
            name = key.rsplit(".", 1)[-1]
            if key not in {ANSWERS_KEY, WHO_KEY} and name not in THEME_DISPLAY_PREFERENCES:
                problems.append(f"{area}Storage key {key!r}")
    for name, urls in stored["caches"].items():
        if not name.startswith(OWN_CACHE_PREFIX):
            problems.append(f"cache {name!r}")
        problems.extend(f"cache {name!r} holds {url}" for url in urls if not url.startswith(origin))
    problems.extend(
        f"IndexedDB database {name!r}"
        for name in stored["databases"]
        if not name.startswith(OWN_CACHE_PREFIX)
    )
    if stored["cookie"]:
        problems.append(f"document.cookie = {stored['cookie']!r}")
    return problems


def record_requests(context: object) -> list[str]:
    """Every request the context makes (pages, their workers, a service worker if any)."""
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    return requested


def answers_as_lists(answers: dict) -> dict:
    return {key: value if isinstance(value, list) else [value] for key, value in answers.items()}


# ------------------------------------------------------------------ every page


def test_no_page_asks_another_host_sets_a_cookie_or_stores_anything_else(
    page_paths: list[str], crawl: Crawl, site_url: str, context: object, page: object
) -> None:
    stored_per_page = {}
    for path in page_paths:  # the shared crawl: on the self-assessment, once Python is ready
        assert crawl.pages[path].foreign == [], f"{path} asked another host"
        stored_per_page[path] = crawl.pages[path].storage
    assert crawl.foreign == []
    assert [url for url in crawl.requested if not url.startswith(site_url)] == []
    assert crawl.cookies == []
    # A reader who changes the colour scheme and searches: the theme keeps the scheme only.
    requested = record_requests(context)
    page.goto(site_url)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.focus("input[name='query']")
    page.keyboard.type("scope")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_load_state("networkidle")
    stored = page.evaluate(STORAGE, STORAGE_KEY)
    assert any(key.endswith(".__palette") for key in stored["local"]), stored
    stored_per_page["after the palette toggle and a search"] = stored

    assert context.foreign_requests == []
    assert [url for url in requested if not url.startswith(site_url)] == []
    assert context.cookies() == []
    origin = site_url.rstrip("/")
    problems = {
        where: found
        for where, snapshot in stored_per_page.items()
        if (found := unexpected_storage(snapshot, origin))
    }
    assert problems == {}
    assert len(page_paths) >= 20


# ------------------------------------------------------------------ each self-assessment state


@pytest.mark.parametrize("state", list(STATES))
def test_the_self_assessment_keeps_only_the_answers_in_each_state(
    site_url: str, context: object, page: object, state: str
) -> None:
    requested = record_requests(context)
    page.goto(f"{site_url}assessment/#{STATES[state]}")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    if state not in {"empty", "partly answered"}:
        assert page.get_attribute("[data-outcome]", "data-outcome") == state
    page.wait_for_load_state("networkidle")
    stored = page.evaluate(STORAGE, STORAGE_KEY)

    assert context.foreign_requests == []
    assert [url for url in requested if not url.startswith(site_url)] == []
    assert context.cookies() == []
    assert unexpected_storage(stored, site_url.rstrip("/")) == []
    # What is saved is the person's answers as the form shows them, and nothing about them.
    shown = checked(page)
    if stored["answers"] is None:
        # A link's answers are shown but not saved until the person changes one (the spec's
        # rule since issue 15): the form shows the link's answers and nothing else.
        link = dict(pair.split("=", 1) for pair in STATES[state].split("&") if pair)
        assert {key: sorted(values) for key, values in shown.items()} == {
            key: sorted(value.split(",")) for key, value in link.items()}
    else:
        saved = json.loads(stored["answers"])
        assert set(saved) <= {"schema", "saved_at", "answers"}, saved
        assert answers_as_lists(saved["answers"]) == shown
    assert ANSWERS_KEY not in stored["session"]


# ------------------------------------------------------------------ guidance pages stay light


def test_guidance_pages_never_load_python(page_paths: list[str], crawl: Crawl) -> None:
    # The shared crawl visits every guidance page first, waits until the network is quiet
    # (whatever the pages set going, a service worker installing, say, has time to ask), and
    # records every path its server was asked for until then, whoever asked.
    guidance = [path for path in page_paths if not path.startswith("assessment/")]
    paths = crawl.paths_for_guidance
    python = sorted({p for p in paths if PYTHON_PATHS.search(urlsplit(p).path.lstrip("/"))})
    assert python == [], (
        "visiting the guidance pages downloaded parts of Python or the self-assessment "
        "(not even a service worker may fetch them for a guidance page): " + ", ".join(python)
    )
    assert len(guidance) >= 19
    assert set(guidance) < set(crawl.pages)
    # The check can see Python being loaded: the self-assessment, visited next, does load it.
    assert crawl.pages["assessment/"].storage is not None
    assert any(PYTHON_PATHS.search(p) for p in crawl.paths)
