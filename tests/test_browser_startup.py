"""How Python starts on the self-assessment, in real headless Chromium: from the build's
memory snapshot, and, when the snapshot cannot be used for any reason, the plain way, with
the same result either way. A snapshot read that is not the build's (cut short, altered)
is never restored: the worker checks its length and SHA-256 and starts plainly at once.

The faulty snapshots come from a loopback server of their own over a copy of the built site
(every file a link to the build's but the snapshot), as a host with a broken file would send
them: a 31.5 MB body through Playwright's routes took longer than a page load's time limit
on a busy machine."""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from assessment.reading.loader import load_rules
from tools.serve import SiteHandler

pytestmark = pytest.mark.browser

LINK = "assessment/#nation=wales&profession=physiotherapist&practice_level=advanced&modalities=xray"
PYTHON_TIMEOUT = 90_000
PYTHON_WORKER = re.compile(r"/assessment-worker[^/]*\.mjs$")


def snapshot_bytes(site: Path) -> bytes:
    (snapshot,) = (site / "assets" / "py").glob("assessment-*.snapshot")
    return snapshot.read_bytes()


WORDS = load_rules().words


def worker_said(key: str, reason: str | None) -> bool:
    """Whether `reason` is the worker's words `key` (the page words' worker.*), any
    {placeholder} standing for any text."""
    parts = re.split(r"\{\w+\}", WORDS.text("page", key))
    return reason is not None and re.fullmatch(".*".join(map(re.escape, parts)), reason) is not None


# The worker's reason when the snapshot arrives too slowly to be worth waiting for.
SLOW_LINK = WORDS.text("page", "worker.slow_link")


def open_link(page: Any, site_url: str) -> dict:
    """The link's result, how Python started and why, and how many Python workers ran."""
    workers: list[str] = []
    snapshots: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.on(
        "request",
        lambda request: request.url.endswith(".snapshot") and snapshots.append(request.url),
    )
    page.goto(site_url + LINK)
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    shown = page.evaluate(
        """() => ({
            start: document.getElementById('assessment-app').dataset.pythonStart,
            fallback: document.getElementById('assessment-app').dataset.pythonFallback || null,
            outcome: document.querySelector('[data-outcome]').dataset.outcome,
            items: [...document.querySelectorAll('[data-evidence-id]')]
                .map(el => el.dataset.evidenceId + '=' + el.dataset.status).sort(),
        })"""
    )
    shown["python_workers"] = len([url for url in workers if PYTHON_WORKER.search(url)])
    shown["snapshot_requests"] = snapshots
    return shown


def opened_again_if_slow(page: Any, site_url: str, site: Path, shown: dict) -> dict:
    """`shown`, or, if the worker dropped the snapshot as too slow, the same link opened again
    once the snapshot is whole in the browser's caches.

    A busy machine (another test's Chromium or LibreOffice on the other core) can make the
    loopback download look like a slow link, and the worker then rightly starts plainly and
    cancels it (issue 24's finding), so nothing of it is kept. Fetched whole by the page, the
    snapshot (an immutable, hashed name) is in the browser's caches, and the next visit reads
    it from there at once: that visit is the one returned. Any other fallback is returned as
    it is, for the caller to fail on."""
    if shown["fallback"] != SLOW_LINK:
        return shown
    assert shown["snapshot_requests"], "the worker never asked for the snapshot"
    cached = page.evaluate(
        "url => fetch(url).then(response => response.arrayBuffer()).then(body => body.byteLength)",
        shown["snapshot_requests"][0],
    )
    assert cached == len(snapshot_bytes(site))
    page.goto("about:blank")  # the same link again would only move to its fragment
    return open_link(page, site_url)


def throttle(context: Any, page: Any, bits_per_second: int) -> float:
    """Chromium's emulated link for this tab (its dedicated workers follow it), 20 ms away;
    returns its rate in bytes a second."""
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    rate = bits_per_second / 8
    session.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": rate, "uploadThroughput": rate},
    )
    return rate


def test_python_starts_from_the_snapshot(site_url: str, built_site: Path, page: object) -> None:
    shown = opened_again_if_slow(page, site_url, built_site, open_link(page, site_url))
    assert shown["start"] == "snapshot", shown
    assert shown["fallback"] is None
    assert shown["python_workers"] == 1
    assert shown["outcome"] == "incomplete"
    assert shown["snapshot_requests"]
    assert page.errors == []


def wrong_build(data: bytes) -> bytes:
    """The snapshot with another build id in its header (bytes 16 to 48)."""
    return data[:16] + bytes(32) + data[48:]


def altered(data: bytes) -> bytes:
    """The same length, 4 KiB in the middle of the heap changed (every bit flipped)."""
    middle = len(data) // 2
    flipped = bytes(byte ^ 0xFF for byte in data[middle : middle + 4096])
    return data[:middle] + flipped + data[middle + 4096 :]


# What the server sends for the snapshot: (status, body); for "cut off", the whole file's
# Content-Length and then only its first third before the connection closes.
FAULTS: dict[str, Callable[[bytes], tuple[int, bytes]]] = {
    "missing (404)": lambda data: (404, b""),
    "corrupt": lambda data: (200, b"\x00garbage" * 1000),
    "truncated": lambda data: (200, data[: len(data) // 3]),
    "ended early, as in Firefox": lambda data: (200, data[:1_500_000]),
    "cut off mid-download": lambda data: (200, data),
    "altered (same length)": lambda data: (200, altered(data)),
    "from another Pyodide build": lambda data: (200, wrong_build(data)),
}
# A read that is not the build's snapshot: never restored, a plain start in the same worker,
# for the reason the worker's words give.
BAD_READS = {
    "corrupt": "worker.incomplete",
    "truncated": "worker.incomplete",
    "ended early, as in Firefox": "worker.incomplete",
    "cut off mid-download": "worker.broke_off",
    "altered (same length)": "worker.altered",
    "from another Pyodide build": "worker.altered",
}


class FaultyHandler(SiteHandler):
    """The site's handler; the snapshot file is cut off after `server.cut_after` bytes."""

    def copyfile(self, source: Any, outputfile: Any) -> None:
        cut_after = self.server.cut_after  # type: ignore[attr-defined]
        if cut_after is None or not self.path.endswith(".snapshot"):
            super().copyfile(source, outputfile)
            return
        outputfile.write(source.read(cut_after))
        self.close_connection = True


class FaultySite:
    """A copy of the built site (links to its files) on a server of its own, whose snapshot
    file can be replaced with anything."""

    def __init__(self, built: Path, copy: Path) -> None:
        shutil.copytree(built, copy, copy_function=os.symlink)
        (self.snapshot,) = (copy / "assets" / "py").glob("assessment-*.snapshot")
        for suffix in (".gz", ".br"):  # the bytes as they are
            self.snapshot.with_name(self.snapshot.name + suffix).unlink()
        self.server = ThreadingHTTPServer(
            ("127.0.0.1", 0), partial(FaultyHandler, directory=str(copy))
        )
        self.server.cut_after = None  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def serve(self, fault: str, data: bytes) -> None:
        status, body = FAULTS[fault](data)
        self.snapshot.unlink(missing_ok=True)
        if status == 200:
            self.snapshot.write_bytes(body)
        cut = fault == "cut off mid-download"
        self.server.cut_after = len(body) // 3 if cut else None  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def faulty_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultySite]:
    site = FaultySite(built_site, tmp_path_factory.mktemp("faulty") / "site")
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture(scope="module")
def reference(browser: Any, site_url: str) -> dict:
    """What the link shows when Python starts from the snapshot, computed once for the module.
    It comes from a profile of its own: in a test's profile, the site's service worker would
    keep the real snapshot and answer for it."""
    elsewhere = browser.new_context(service_workers="block")
    try:
        shown = open_link(elsewhere.new_page(), site_url)
    finally:
        elsewhere.close()
    return shown


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_bad_snapshot_falls_back_to_a_plain_start(
    built_site: Path, faulty_site: FaultySite, page: Any, fault: str, reference: dict
) -> None:
    faulty_site.serve(fault, snapshot_bytes(built_site))
    shown = open_link(page, faulty_site.url)
    assert shown["start"] == "plain", fault
    assert shown["outcome"] == reference["outcome"]
    assert shown["items"] == reference["items"]
    if fault in BAD_READS:
        # Checked before any restore: the same worker goes straight to a plain start (a
        # restore that failed would have made the page start a second worker). On a machine
        # too busy to read even a local file quickly, the worker may drop the snapshot as
        # slow before its end arrives: a plain start too, with nothing restored.
        assert shown["python_workers"] == 1
        reason = shown["fallback"]
        assert worker_said(BAD_READS[fault], reason) or reason == SLOW_LINK, shown
    # Only the failed download may be logged (404 or the broken-off response), nothing else.
    assert [e for e in page.errors if "404" not in e and "Failed to load" not in e] == []


def test_on_a_slow_first_visit_python_starts_without_the_snapshot(
    site_url: str, built_site: Path, context: object, page: object, reference: dict
) -> None:
    """At 4 Mbit/s the snapshot would arrive long after a plain start had finished (they meet
    near 8 Mbit/s, measured; the page keeps it down to about 6.5): the page notices from the
    download's pace, drops it, and starts plainly, with the same result."""
    throttle(context, page, 4_000_000)
    shown = open_link(page, site_url)
    assert shown["start"] == "plain"
    assert shown["outcome"] == reference["outcome"]
    assert shown["items"] == reference["items"]
    assert page.errors == []
    # The same profile again, in a tab without the slow connection: the snapshot is used (the
    # slow link is not remembered). On a busy machine this tab's loopback download can itself
    # look slow, as in test_python_starts_from_the_snapshot: then the visit after it.
    again = context.new_page()
    shown = opened_again_if_slow(again, site_url, built_site, open_link(again, site_url))
    assert shown["start"] == "snapshot", shown


def test_the_amount_said_to_have_arrived_is_what_the_link_carried(
    site_url: str, context: object, page: object
) -> None:
    """While the snapshot downloads, the status line says how much has arrived: the share of
    the compressed download (from the build's profile), never the decompressed bytes, which
    run far ahead (15 MB "received" after 4 s of a 10 Mbit/s link, where at most 5 MB can
    have come). Every amount said is within what the link could carry by then. At 20 Mbit/s
    the snapshot is kept even on a busy machine (its estimated rest is far inside the limit),
    so the line goes on saying amounts until it has all come."""
    rate = throttle(context, page, 20_000_000)
    amount = re.compile(r"\(([0-9.]+) MB")
    said: list[tuple[float, float]] = []
    started = time.monotonic()
    page.goto(site_url + LINK)
    while not page.locator("[data-outcome]").count() and time.monotonic() - started < 90:
        found = amount.search(page.inner_text("[data-python-status]"))
        if found:
            said.append((time.monotonic() - started, float(found.group(1))))
        page.wait_for_timeout(150)
    assert page.locator("[data-outcome]").count(), "no result within 90 s"
    assert len(said) >= 3, said  # the download took seconds, and the line said so as it went
    for seconds, megabytes in said:
        assert megabytes * 1_000_000 <= rate * seconds, (seconds, megabytes, said)
    assert said[-1][1] > said[0][1]
    assert page.errors == []

