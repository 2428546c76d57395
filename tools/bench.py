"""Benchmark: how fast the self-assessment is for a person, beside a bare Pyodide page.

`make bench` (or `python -m tools.bench` after `make build`) opens the built site in headless
Debian Chromium, served on loopback by tools/serve.py's own handler, and measures, as the
median of several runs, on a first visit (cold: a fresh browser profile) and a second one
(warm: a new tab in the same profile, its HTTP cache and any service worker in place):

- the first question usable: navigation start to the first radio button of the form existing
  and enabled;
- the result from a share link (a full answer set in the URL): navigation start to the
  `[data-outcome]` element;
- an answer change to the updated result: a click to the increment of `data-evaluations`,
  five times half a second after the network went quiet, and five more two seconds later
  (just after a page loads, the browser is still optimising Python's WebAssembly in the
  background on the same cores; two seconds on, the same change is measured when it is done);
- bytes transferred, counted by the server as it sends them, so requests of the page, its
  workers and a service worker are all seen (headers not counted): to the result, and for the
  whole visit (until the network has been quiet for a second);
- main-thread long tasks (PerformanceObserver 'longtask'): how many, and the longest.

Times are taken inside the page (`performance.now()`, which counts from navigation start, at
the moment a MutationObserver installed before any page script sees the element), not by
polling from outside. The browser runs with the tests' flags, which stop headless Chromium
loading its address-bar pop-up (a second of CPU per new window, in a renderer of its own); the
bench waits by polling with plain evaluations, never with Playwright's selectors, which would
first inject Playwright's own large script into the page being measured. The cold figures are
measured again under an emulated network (Chromium's Network.emulateNetworkConditions:
10 Mbit/s, 40 ms latency); a probe checks that fetches made from a dedicated worker are
throttled too, and the output says whether they were.

The baseline page, written to a temporary folder served beside a link to the built site (never
into the site), does the usual thing: a bare main-thread `loadPyodide()` from the same
self-hosted files, then one `runPython("1+1")`. Each figure is shown beside the baseline's time
to Python answering, as a ratio. Guidance pages are measured for weight, and must not download
any part of Python: that is checked here (the exit status is 1 if one does) and by
tests/test_quality_privacy.py. Speed is reported, never asserted.

Results: bench-results/bench.json and bench-results/bench.md (the table, also printed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from hooks.pyodide_runtime import PACKAGE_DIR as PYODIDE_PACKAGE
from hooks.pyodide_runtime import WHOLE_STDLIB
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.states import STATES
from tools.serve import SiteHandler

ROOT = Path(__file__).resolve().parent.parent
SHARE_STATE = "ready"  # a full answer set: every question the rules ask is answered
CHANGE_QUESTION = "audit_plan"  # toggling it moves the result between "ready" and "gaps"
CHANGES_PER_VISIT = 5
LATER_S = 2.0  # the pause before the second set of answer changes
GUIDANCE_PAGES = ("", "entitlement/how-it-works/")
SLOW = {"latency_ms": 40, "mbit_s": 10}
QUIET_S = 0.5
TIMEOUT_MS = 120_000
# What no guidance page may download: the runtime, the engine, its worker and snapshot.
PYTHON_PATHS = re.compile(r"(^|/)pyodide/|(^|/)assets/py/|assessment-worker|\.wasm$|\.snapshot")

# Installed in every page before its own scripts: marks in-page times and long tasks.
INIT_SCRIPT = """(() => {
  const bench = (window.__bench = { marks: {}, longtasks: [] });
  try {
    bench.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push(e.duration);
    });
    bench.observer.observe({ type: "longtask", buffered: true });
  } catch (error) {
    bench.longtaskError = String(error);
  }
  const mark = (name) => {
    if (!(name in bench.marks)) bench.marks[name] = performance.now();
  };
  const check = () => {
    const radio = document.querySelector("#assessment-app input[type=radio]");
    if (radio && radio.matches(":enabled")) mark("firstQuestion");
    const app = document.getElementById("assessment-app");
    if (app && app.hasAttribute("data-python-ready")) mark("pythonReady");
    if (document.querySelector("[data-outcome]")) mark("result");
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ["disabled", "data-python-ready", "data-outcome", "data-evaluations"],
  });
  document.addEventListener("DOMContentLoaded", check);
})();"""

READ_MARKS = """() => {
  const bench = window.__bench;
  if (bench.observer) bench.longtasks.push(...bench.observer.takeRecords().map((e) => e.duration));
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    marks: bench.marks,
    longtasks: bench.longtasks,
    longtaskError: bench.longtaskError || null,
    timeOrigin: performance.timeOrigin,
    load: nav ? nav.loadEventEnd : null,
    baseline: window.__baselineDone ?? null,
  };
}"""

# Clicks options of one question in turn; each time, from just before the click to the moment
# the page has rendered the new result (its evaluation counter moves on).
CHANGE_ANSWERS = """async ({ question, times }) => {
  const app = document.getElementById("assessment-app");
  const inputs = [...app.querySelectorAll(`input[name="${question}"]`)];
  const out = [];
  for (let i = 0; i < times; i++) {
    const next = inputs.find((input) => !input.checked);
    const before = Number(app.dataset.evaluations || 0);
    const updated = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (Number(app.dataset.evaluations || 0) > before) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(app, { attributes: true, attributeFilter: ["data-evaluations"] });
      setTimeout(() => { observer.disconnect(); resolve(null); }, 10000);
    });
    const start = performance.now();
    next.click();
    const end = await updated;
    out.push(end === null ? null : end - start);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  return out;
}"""

BASELINE_HTML = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Baseline: a bare main-thread loadPyodide()</title></head>
<body>
<h1>Baseline</h1>
<p id="status">Starting Python…</p>
<script type="module">
  // The usual way: load Pyodide on the main thread from the self-hosted files, then one call.
  import { loadPyodide } from "../pyodide/VERSION/pyodide.mjs";
  const pyodide = await loadPyodide();
  const answer = pyodide.runPython("1+1");
  window.__baselineDone = performance.now();
  document.getElementById("status").textContent = `Python answered ${answer}.`;
</script>
</body>
</html>
"""

# Checks that fetches from a dedicated worker obey the page's emulated network conditions.
PROBE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Worker throttling probe</title></head>
<body><script>
  const code = `self.onmessage = async (event) => {
    const start = performance.now();
    const body = await (await fetch(event.data, { cache: "no-store" })).arrayBuffer();
    self.postMessage({ ms: performance.now() - start, bytes: body.byteLength });
  };`;
  const worker = new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
  window.probe = (url) => new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(new URL(url, location.href).href);
  });
</script></body></html>
"""


# ------------------------------------------------------------------ the server


class BenchHandler(SiteHandler):
    """The site's own handler, logging each request's path, initiator (Referer) and the
    bytes of body actually sent."""

    def do_GET(self) -> None:  # noqa: N802 (the standard library names it)
        entry = {
            "path": self.path,
            "referer": self.headers.get("Referer", ""),
            "start": time.time(),
            "bytes": 0,
        }
        self._entry = entry
        with self.server.lock:
            self.server.log.append(entry)
            self.server.active += 1
        try:
            super().do_GET()
        finally:
            with self.server.lock:
                self.server.active -= 1
                self.server.last = time.monotonic()
            entry["end"] = time.time()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        while chunk := source.read(64 * 1024):
            outputfile.write(chunk)
            self._entry["bytes"] += len(chunk)


class BenchServer(ThreadingHTTPServer):
    """A threaded server that keeps a request log and stays quiet about closed connections
    (an aborted download when a page is closed is normal here)."""

    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), functools.partial(BenchHandler, directory=str(root)))
        self.log: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.active = 0
        self.last = time.monotonic()

    def handle_error(self, request: object, client_address: object) -> None:
        """Say nothing: the browser closing a connection mid-download is expected."""

    def wait_quiet(self, quiet: float = QUIET_S, limit: float = 30.0) -> None:
        """Until no request has been open for `quiet` seconds (at most `limit`)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            with self.lock:
                idle = self.active == 0 and time.monotonic() - self.last >= quiet
            if idle:
                return
            time.sleep(0.05)


def bench_root(site: Path, work: Path, version: str) -> Path:
    """A folder served for the benchmark: links to the built site, plus the baseline and the
    probe pages (which never enter the site itself). The runtime folder is linked file by file
    with Pyodide's whole standard library beside it, which the baseline's plain `loadPyodide()`
    mounts (the site itself serves only the part the engine uses)."""
    root = work / "root"
    root.mkdir()
    for entry in site.iterdir():
        if entry.name != "pyodide":
            (root / entry.name).symlink_to(entry.resolve())
    runtime = root / "pyodide" / version
    runtime.mkdir(parents=True)
    for entry in (site / "pyodide" / version).iterdir():
        (runtime / entry.name).symlink_to(entry.resolve())
    whole = PYODIDE_PACKAGE / WHOLE_STDLIB
    (runtime / WHOLE_STDLIB).symlink_to(whole.resolve())
    for name, html in (
        ("bench-baseline", BASELINE_HTML.replace("VERSION", version)),
        ("bench-probe", PROBE_HTML),
    ):
        (root / name).mkdir()
        (root / name / "index.html").write_text(html, encoding="utf-8")
    return root


# ------------------------------------------------------------------ one visit


@contextmanager
def fresh_context(browser: Browser) -> Iterator[BrowserContext]:
    """A new browser profile (empty HTTP cache, storage and service workers)."""
    context = browser.new_context()
    context.add_init_script(INIT_SCRIPT)
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


def visit(
    server: BenchServer,
    context: BrowserContext,
    url: str,
    ready: Callable[[Page], None],
    *,
    slow: bool = False,
    changes: bool = False,
) -> tuple[Page, dict[str, Any]]:
    """Open `url` in a new tab of `context`, wait for `ready`, then for the network to be quiet;
    return the tab and what was measured."""
    page = context.new_page()
    if slow:
        throttle(context, page)
    first = len(server.log)
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    ready(page)
    page.wait_for_load_state("load", timeout=TIMEOUT_MS)
    server.wait_quiet()
    change = {"question": CHANGE_QUESTION, "times": CHANGES_PER_VISIT}
    changed = page.evaluate(CHANGE_ANSWERS, change) if changes else []
    if changes:
        time.sleep(LATER_S)
    changed_later = page.evaluate(CHANGE_ANSWERS, change) if changes else []
    seen = page.evaluate(READ_MARKS)
    requests = server.log[first:]
    origin = seen["timeOrigin"] / 1000
    end_mark = seen["marks"].get("result") or seen["baseline"] or seen["load"]
    to_result = origin + (end_mark or 0) / 1000
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
        "longtask_support": seen["longtaskError"] is None,
        "bytes_to_result": sum(r["bytes"] for r in requests if r["start"] <= to_result),
        "bytes_visit": sum(r["bytes"] for r in requests),
        "requests": len(requests),
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
) -> tuple[dict[str, Any], list[str]]:
    with fresh_context(browser) as context:
        _, slow = visit(server, context, url, ready, slow=True, changes=changes)
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


# ------------------------------------------------------------------ summaries


def median(values: list[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return statistics.median(present) if present else None


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over the runs (answer changes pooled over all runs)."""
    keys = (
        "first_question_ms",
        "python_ready_ms",
        "result_ms",
        "python_answer_ms",
        "load_ms",
        "longtasks",
        "longest_task_ms",
        "bytes_to_result",
        "bytes_visit",
        "requests",
    )
    out: dict[str, Any] = {key: median([run[key] for run in runs]) for key in keys}
    changes = [ms for run in runs for ms in run["change_ms"]]
    out["change_ms"] = median(changes)
    out["change_samples"] = len(changes)
    out["change_timeouts"] = sum(1 for ms in changes if ms is None)
    later = [ms for run in runs for ms in run["change_later_ms"]]
    out["change_later_ms"] = median(later)
    out["change_later_timeouts"] = sum(1 for ms in later if ms is None)
    out["worst_longest_task_ms"] = max((run["longest_task_ms"] for run in runs), default=None)
    out["python_requests"] = sorted({p for run in runs for p in run["python_requests"]})
    return out


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f} ms" if value >= 10 else f"{value:.1f} ms"


def size(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 100_000:
        return f"{value / 1_000_000:.2f} MB"
    return f"{value / 1000:.1f} kB" if value >= 1000 else f"{value:.0f} B"


def python_files(paths: list[str]) -> str:
    """'none', or how many files of Python were downloaded and who asked for them."""
    if not paths:
        return "none"
    askers = sorted({re.sub(r"^.*\(asked by (.*)\)$", r"\1", p).rsplit("/", 1)[-1] for p in paths})
    files = "file" if len(paths) == 1 else "files"
    return f"{len(paths)} {files} (asked by {', '.join(askers)})"


def ratio(value: float | None, base: float | None) -> str:
    if value is None or not base:
        return "–"
    return f"{value / base:.3f} ×" if value / base < 0.1 else f"{value / base:.2f} ×"


def tasks(summary: dict[str, Any]) -> str:
    return (
        f"{summary['longtasks']:.0f}, longest {ms(summary['longest_task_ms'])}"
        f" (worst run {ms(summary['worst_longest_task_ms'])})"
    )


CONDITIONS = (("cold", "cold"), ("warm", "warm"), ("slow", "cold, 10 Mbit/s 40 ms"))


def measured(found: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """The conditions (key, label) that `found` has figures for, in the table's order."""
    return ((condition, name) for condition, name in CONDITIONS if condition in found)


def markdown(results: dict[str, Any]) -> str:
    """The results as Markdown tables, the self-assessment beside the baseline."""
    app, base = results["assessment"], results["baseline"]
    meta = results["meta"]
    lines = [
        f"Headless Chromium {meta['chromium']}, loopback, {meta['cpus']} CPUs (load average"
        f" {meta['load_average_before']} before, {meta['load_average_after']} after), median"
        f" of {meta['runs']} runs ({meta['slow_runs']} on the emulated network). Baseline: a"
        " bare main-thread `loadPyodide()` from the same self-hosted files, then"
        ' `runPython("1+1")`; the ratio divides each self-assessment figure by the'
        " baseline's in the same condition (times by its time to Python answering).",
        "",
        "| Self-assessment | Condition | Self-assessment | Baseline: Python answering |"
        " × baseline |",
        "|---|---|---|---|---|",
    ]
    rows = (
        ("First question usable", "first_question_ms"),
        ("Result from a share link", "result_ms"),
        ("Python ready (for reference)", "python_ready_ms"),
        ("Answer change to updated result", "change_ms"),
        (f"… the same, {LATER_S:.0f} s later", "change_later_ms"),
    )
    for label, key in rows:
        for condition, name in measured(app):
            value, answer = app[condition][key], base[condition]["python_answer_ms"]
            lines.append(
                f"| {label} | {name} | {ms(value)} | {ms(answer)} | {ratio(value, answer)} |"
            )
    for condition, name in measured(app):
        mine, theirs = app[condition], base[condition]
        lines.append(
            f"| Main-thread long tasks | {name} | {tasks(mine)} | {tasks(theirs)} |"
            f" {ratio(mine['longest_task_ms'], theirs['longest_task_ms'])} (longest) |"
        )
    for condition, name in measured(app):
        mine, theirs = app[condition], base[condition]
        lines.append(
            f"| Bytes to the result (whole visit) | {name} | {size(mine['bytes_to_result'])}"
            f" ({size(mine['bytes_visit'])}) | {size(theirs['bytes_to_result'])}"
            f" ({size(theirs['bytes_visit'])}) |"
            f" {ratio(mine['bytes_to_result'], theirs['bytes_to_result'])} |"
        )
    lines += [
        "",
        "| Guidance page | Condition | Bytes to load (whole visit) | Requests | Load |"
        " Long tasks | Parts of Python downloaded |",
        "|---|---|---|---|---|---|---|",
    ]
    for page, by_condition in results["guidance"].items():
        for condition, name in measured(by_condition):
            found = by_condition[condition]
            python = python_files(found["python_requests"])
            lines.append(
                f"| {page or 'home'} | {name} | {size(found['bytes_to_result'])}"
                f" ({size(found['bytes_visit'])}) |"
                f" {found['requests']:.0f} | {ms(found['load_ms'])} | {tasks(found)} | {python} |"
            )
    probe = results["meta"].get("worker_throttling")
    lines.append("")
    if probe:
        verdict = "were" if probe["throttled"] else "were NOT"
        lines.append(
            f"Under the emulated network, fetches from a dedicated worker {verdict} throttled:"
            f" {size(probe['bytes'])} took {ms(probe['worker_ms'])} in a worker, against at least"
            f" {ms(probe['least_ms_at_emulated_rate'])} at {SLOW['mbit_s']} Mbit/s. A service"
            " worker's own fetches are not throttled (it runs outside the tab)."
        )
    lines.append(
        "Bytes are the response bodies the server sent (as sent: gzip where the browser took"
        " the gzip copy), from navigation until the result (or load), and, in brackets, until"
        f" the network was quiet for {QUIET_S} s (a service worker's background downloads"
        " included). Times are in-page, from navigation start; an answer change is timed from"
        " the click to the rendered result (DOM updated)."
    )
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ the run


def load_average() -> str:
    """The machine's 1-minute load average: other work on a small machine skews timings."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def run(site: Path, runs: int, slow_runs: int) -> dict[str, Any]:
    version_dirs = sorted(p.name for p in (site / "pyodide").iterdir() if p.is_dir())
    if len(version_dirs) != 1:
        raise SystemExit(f"expected one Pyodide version in {site}/pyodide, found {version_dirs}")
    version = version_dirs[0]
    share = f"assessment/#{STATES[SHARE_STATE]}"
    foreign: list[str] = []
    raw: dict[str, Any] = {"assessment": {}, "baseline": {}, "guidance": {}}
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        root = bench_root(site, Path(work), version)
        server = BenchServer(root)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
                chromium = browser.version
                targets = {
                    "assessment": (base + share, wait_result, True),
                    "baseline": (base + "bench-baseline/", wait_baseline, False),
                    **{
                        f"guidance:{page}": (base + page, wait_load, False)
                        for page in GUIDANCE_PAGES
                    },
                }
                for number in range(1, runs + 1):
                    for name, (url, ready, changes) in targets.items():
                        cold, warm, seen = cold_and_warm(
                            browser, server, url, ready, changes=changes
                        )
                        foreign += seen
                        for condition, found in (("cold", cold), ("warm", warm)):
                            raw_for(raw, name).setdefault(condition, []).append(found)
                    print(f"  run {number}/{runs} on loopback done", file=sys.stderr)
                probe = None
                if slow_runs:
                    probe = probe_worker_throttling(browser, server, base, version)
                    for number in range(1, slow_runs + 1):
                        for name, (url, ready, changes) in targets.items():
                            found, seen = cold_slow(browser, server, url, ready, changes=changes)
                            foreign += seen
                            raw_for(raw, name).setdefault("slow", []).append(found)
                        print(
                            f"  run {number}/{slow_runs} on the slow network done", file=sys.stderr
                        )
                browser.close()
        finally:
            server.shutdown()
    results: dict[str, Any] = {
        "meta": {
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "chromium": chromium,
            "chromium_flags": CHROMIUM_FLAGS,
            "cpus": os.cpu_count(),
            "runs": runs,
            "slow_runs": slow_runs,
            "pyodide": version,
            "share_link": share,
            "change_question": CHANGE_QUESTION,
            "slow_network": SLOW if slow_runs else None,
            "worker_throttling": probe,
            "foreign_requests": sorted(set(foreign)),
        },
        "assessment": {c: summarise(r) for c, r in raw["assessment"].items()},
        "baseline": {c: summarise(r) for c, r in raw["baseline"].items()},
        "guidance": {
            page: {c: summarise(r) for c, r in by.items()} for page, by in raw["guidance"].items()
        },
        "runs": raw,
    }
    return results


def raw_for(raw: dict[str, Any], name: str) -> dict[str, list]:
    if name.startswith("guidance:"):
        return raw["guidance"].setdefault(name.removeprefix("guidance:"), {})
    return raw[name]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results")
    parser.add_argument(
        "--slow-runs", type=int, help="runs on the emulated network (default: --runs; 0 skips)"
    )
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site}/index.html is missing: build the site first (make build).")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: run `make chromium`.")
    started = time.monotonic()
    load_before = load_average()
    runs = max(1, args.runs)
    slow_runs = runs if args.slow_runs is None else max(0, args.slow_runs)
    results = run(args.site, runs, slow_runs)
    results["meta"].update(
        seconds=round(time.monotonic() - started),
        load_average_before=load_before,
        load_average_after=load_average(),
    )
    table = markdown(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "bench.md").write_text(table, encoding="utf-8")
    print(table)
    print(f"Written to {args.out}/bench.json and bench.md in {results['meta']['seconds']} s.")
    problems = [
        f"guidance page {page or 'home'} downloaded {path}"
        for page, by in results["guidance"].items()
        for path in sorted({p for found in by.values() for p in found["python_requests"]})
    ]
    problems += [f"a request to another host: {url}" for url in results["meta"]["foreign_requests"]]
    if problems:
        print("FAILED:\n  " + "\n  ".join(sorted(set(problems))), file=sys.stderr)
        raise SystemExit(1)
    print("Guidance pages downloaded no part of Python; no request went to another host.")


if __name__ == "__main__":
    main()
