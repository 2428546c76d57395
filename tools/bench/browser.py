"""One visit in Chromium: a fresh profile (cold) or a second tab of it (warm), optionally on an
emulated slow network, measured in the page by page/marks.js and on the server."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

from hooks.pyodide_runtime import WHOLE_STDLIB
from tools.bench.server import BenchServer
from tools.bench.settings import (
    CHANGE_QUESTION,
    CHANGES_PER_VISIT,
    LATER_S,
    PHONE,
    PYTHON_PATHS,
    SLOW,
    TIMEOUT_MS,
    page_script,
)


@contextmanager
def fresh_context(browser: Browser) -> Iterator[BrowserContext]:
    """A new browser profile (empty HTTP cache, storage and service workers)."""
    context = browser.new_context()
    context.add_init_script(page_script("marks.js"))
    context.foreign = []
    context.on(
        "request",
        lambda request: (
            context.foreign.append(request.url)
            if re.match(r"(?i)^(https?|wss?)://", request.url)
            and not re.match(r"(?i)^(https?|wss?)://(127\.0\.0\.1|localhost)[:/]", request.url)
            else None
        ),
    )
    try:
        yield context
    finally:
        context.close()


def throttle(context: BrowserContext, page: Page) -> None:
    """Chromium's own network emulation for this tab (its workers follow the tab's rules)."""
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    rate = SLOW["mbit_s"] * 1_000_000 / 8
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": SLOW["latency_ms"],
            "downloadThroughput": rate,
            "uploadThroughput": rate,
        },
    )


def as_phone(context: BrowserContext, page: Page) -> None:
    """A phone's screen and a CPU slowed down PHONE['cpu_slowdown'] times (Chromium's own
    emulation). It slows the tab's main thread only, not its dedicated workers (measured on
    3 December 2026 with `probe_cpu_throttling`'s loop: 480 -> 1,678 ms on the main thread at
    4x, 472 -> 634 ms in a worker), so Python, which both the site and the baseline run in a
    worker, runs at this machine's speed: the row shows what a slow main thread costs, not a
    phone's slow worker."""
    page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": PHONE["cpu_slowdown"]})


def visit(
    server: BenchServer,
    context: BrowserContext,
    url: str,
    ready: Callable[[Page], None],
    *,
    slow: bool = False,
    phone: bool = False,
    changes: bool = False,
) -> tuple[Page, dict[str, Any]]:
    """Open `url` in a new tab of `context`, wait for `ready`, then for the network to be quiet;
    return the tab and what was measured."""
    page = context.new_page()
    if slow or phone:
        throttle(context, page)
    if phone:
        as_phone(context, page)
    first = len(server.log)
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    ready(page)
    page.wait_for_load_state("load", timeout=TIMEOUT_MS)
    server.wait_quiet()
    change = {"question": CHANGE_QUESTION, "times": CHANGES_PER_VISIT}
    changed = page.evaluate(page_script("change-answers.js"), change) if changes else []
    if changes:
        time.sleep(LATER_S)
    changed_later = page.evaluate(page_script("change-answers.js"), change) if changes else []
    seen = page.evaluate(page_script("read-marks.js"))
    requests = server.log[first:]
    origin = seen["timeOrigin"] / 1000
    end_mark = seen["marks"].get("result") or seen["baseline"] or seen["load"]
    to_result = origin + (end_mark or 0) / 1000
    after_result = [
        duration
        for duration, start in zip(seen["longtasks"], seen["taskStarts"], strict=True)
        if end_mark is not None and start >= end_mark
    ]
    return page, {
        "first_question_ms": seen["marks"].get("firstQuestion"),
        "python_ready_ms": seen["marks"].get("pythonReady"),
        "result_ms": seen["marks"].get("result"),
        "python_answer_ms": seen["baseline"],
        "load_ms": seen["load"],
        "change_ms": changed,
        "change_later_ms": changed_later,
        "longtasks": len(seen["longtasks"]),
        "longest_task_ms": max(seen["longtasks"], default=0.0),
        "longest_task_after_result_ms": max(after_result, default=0.0),
        "first_contentful_paint_ms": seen["firstContentfulPaint"],
        "longtask_support": seen["longtaskError"] is None,
        "bytes_to_result": sum(r["bytes"] for r in requests if r["start"] <= to_result),
        "bytes_visit": sum(r["bytes"] for r in requests),
        "requests": len(requests),
        "encodings": sorted(
            {f"{r['path'].rsplit('/', 1)[-1]}: {r['encoding'] or 'none'}" for r in requests
             if r["path"].split("?", 1)[0].endswith((".wasm", ".snapshot"))}
        ),
        "python_requests": sorted(
            {
                f"{r['path']} (asked by {r['referer'] or 'no referer'})"
                for r in requests
                if PYTHON_PATHS.search(r["path"].split("?", 1)[0].lstrip("/"))
            }
        ),
    }


def wait_until(page: Page, expression: str) -> None:
    """Poll `expression` in the page until it is true. Playwright's own waiting (selectors,
    wait_for_function) first injects its large helper script into the page, about 30 ms of
    main-thread parsing in the middle of the visit being measured; a plain evaluate does not."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {TIMEOUT_MS} ms: {expression}")
        time.sleep(0.02)


def wait_result(page: Page) -> None:
    wait_until(page, "Boolean(document.querySelector('[data-outcome]'))")


def wait_baseline(page: Page) -> None:
    wait_until(page, "window.__baselineDone !== undefined")


def wait_load(page: Page) -> None:
    page.wait_for_load_state("load", timeout=TIMEOUT_MS)


def cold_and_warm(
    browser: Browser,
    server: BenchServer,
    url: str,
    ready: Callable[[Page], None],
    *,
    changes: bool = False,
) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """A first visit in a fresh profile, then a second one in a new tab of the same profile."""
    with fresh_context(browser) as context:
        cold_page, cold = visit(server, context, url, ready, changes=changes)
        cold_page.close()
        _, warm = visit(server, context, url, ready, changes=changes)
        return cold, warm, list(context.foreign)


def cold_slow(
    browser: Browser,
    server: BenchServer,
    url: str,
    ready: Callable[[Page], None],
    *,
    changes: bool = False,
    phone: bool = False,
) -> tuple[dict[str, Any], list[str]]:
    """A first visit on the emulated link (as a phone, if `phone`)."""
    with fresh_context(browser) as context:
        _, slow = visit(server, context, url, ready, slow=True, phone=phone, changes=changes)
        return slow, list(context.foreign)


def probe_worker_throttling(browser: Browser, server: BenchServer, base: str, version: str) -> dict:
    """Fetch a file from a dedicated worker under the emulated network; compare the time with
    the least the emulated bandwidth allows."""
    path = f"pyodide/{version}/{WHOLE_STDLIB}"
    with fresh_context(browser) as context:
        page = context.new_page()
        throttle(context, page)
        page.goto(base + "bench-probe/")
        got = page.evaluate("(url) => window.probe(url)", "../" + path)
    least_ms = got["bytes"] * 8 / (SLOW["mbit_s"] * 1_000_000) * 1000
    return {
        "file": path,
        "bytes": got["bytes"],
        "worker_ms": round(got["ms"]),
        "least_ms_at_emulated_rate": round(least_ms),
        "throttled": got["ms"] >= 0.8 * least_ms,
    }


SPIN_ROUNDS = 30_000_000


def probe_cpu_throttling(browser: Browser, base: str) -> dict:
    """Time the same loop on a tab's main thread and in its dedicated worker, without and with
    the phone's CPU slowdown: how much of the slowdown reaches each."""
    found: dict[str, dict[str, float]] = {}
    with fresh_context(browser) as context:
        for rate in (1, PHONE["cpu_slowdown"]):
            page = context.new_page()
            session = context.new_cdp_session(page)
            session.send("Emulation.setCPUThrottlingRate", {"rate": rate})
            page.goto(base + "bench-probe/")
            page.evaluate("(rounds) => window.spin(rounds)", SPIN_ROUNDS // 10)  # warm up the JIT
            got = page.evaluate("(rounds) => window.spin(rounds)", SPIN_ROUNDS)
            found[f"rate_{rate}"] = {
                "main_ms": round(got["main"]["ms"]),
                "worker_ms": round(got["worker"]["ms"]),
            }
            page.close()
    slowed, plain = found[f"rate_{PHONE['cpu_slowdown']}"], found["rate_1"]
    return {
        "rate": PHONE["cpu_slowdown"],
        **found,
        "main_slowdown": round(slowed["main_ms"] / max(plain["main_ms"], 1), 2),
        "worker_slowdown": round(slowed["worker_ms"] / max(plain["worker_ms"], 1), 2),
    }
