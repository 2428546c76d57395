"""How Python starts on the self-assessment, in real headless Chromium: from the build's
memory snapshot, and, when the snapshot cannot be used for any reason, the plain way in a
fresh worker, with the same result either way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browser_profile import guarded_context, watched_page

pytestmark = pytest.mark.browser

LINK = "assessment/#nation=wales&profession=physiotherapist&practice_level=advanced&modalities=xray"
PYTHON_TIMEOUT = 90_000


def snapshot_bytes(site: Path) -> bytes:
    (snapshot,) = (site / "assets" / "py").glob("assessment-*.snapshot")
    return snapshot.read_bytes()


def open_link(page: object, site_url: str) -> dict:
    page.goto(site_url + LINK)
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    return page.evaluate(
        """() => ({
            start: document.getElementById('assessment-app').dataset.pythonStart,
            outcome: document.querySelector('[data-outcome]').dataset.outcome,
            items: [...document.querySelectorAll('[data-evidence-id]')]
                .map(el => el.dataset.evidenceId + '=' + el.dataset.status).sort(),
        })"""
    )


def test_python_starts_from_the_snapshot(reference: dict) -> None:
    shown = reference  # a first visit, in a profile of its own (below)
    assert shown["start"] == "snapshot"
    assert shown["outcome"] == "incomplete"
    assert shown["snapshot_requests"]
    assert shown["errors"] == []
    assert shown["foreign"] == []


def wrong_build(data: bytes) -> bytes:
    """The snapshot with another build id in its header (bytes 16 to 48)."""
    return data[:16] + bytes(32) + data[48:]


FAULTS: dict[str, Callable[[bytes], tuple[int, bytes]]] = {
    "missing (404)": lambda data: (404, b"not found"),
    "corrupt": lambda data: (200, b"\x00garbage" * 1000),
    "truncated": lambda data: (200, data[: len(data) // 3]),
    "from another Pyodide build": lambda data: (200, wrong_build(data)),
}


@pytest.fixture(scope="module")
def reference(browser: object, site_url: str) -> dict:
    """What the link shows when Python starts from the snapshot, computed once for the module
    (with the snapshot's requests, the page's errors and any request to another host, which
    test_python_starts_from_the_snapshot checks). It comes from a profile of its own: in a
    test's profile, the site's service worker would keep the real snapshot and answer for it,
    unseen by the tests' routes."""
    elsewhere = guarded_context(browser, service_workers="block")
    try:
        page = watched_page(elsewhere)
        snapshot_requests: list[str] = []
        page.on(
            "request",
            lambda request: snapshot_requests.append(request.url)
            if request.url.endswith(".snapshot")
            else None,
        )
        shown = open_link(page, site_url)
        shown.update(snapshot_requests=snapshot_requests, errors=list(page.errors),
                     foreign=list(elsewhere.foreign_requests))
    finally:
        elsewhere.close()
    return shown


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_bad_snapshot_falls_back_to_a_plain_start(  # noqa: PLR0917 (pytest's fixtures)
    built_site: Path, site_url: str, context: object, page: object, fault: str, reference: dict
) -> None:
    status, body = FAULTS[fault](snapshot_bytes(built_site))
    context.route(
        "**/*.snapshot",
        lambda route: route.fulfill(
            status=status, body=body, headers={"Content-Type": "application/octet-stream"}
        ),
    )
    shown = open_link(page, site_url)
    assert shown["start"] == "plain", fault
    assert shown["outcome"] == reference["outcome"]
    assert shown["items"] == reference["items"]


def test_on_a_slow_first_visit_python_starts_without_the_snapshot(
    site_url: str, context: object, page: object, reference: dict
) -> None:
    """At 20 Mbit/s the 6 MB snapshot would arrive after a plain start had finished: the page
    notices from the download's pace, drops it, and starts plainly, with the same result."""
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    rate = 20_000_000 / 8
    session.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": rate, "uploadThroughput": rate},
    )
    shown = open_link(page, site_url)
    assert shown["start"] == "plain"
    assert shown["outcome"] == reference["outcome"]
    assert shown["items"] == reference["items"]
    assert page.errors == []
    # The same profile again, in a tab without the slow connection: the snapshot is used.
    assert open_link(context.new_page(), site_url)["start"] == "snapshot"
