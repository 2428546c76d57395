"""The whole benchmark: every target, cold and warm on loopback, then cold on the emulated
network and as a phone, in one headless Chromium over HTTPS (so that it takes the Brotli
copies, as from a real host); the raw figures and their medians."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from tools.bench.browser import (
    cold_and_warm,
    cold_slow,
    probe_cpu_throttling,
    probe_worker_throttling,
    wait_baseline,
    wait_load,
    wait_result,
)
from tools.bench.certificate import make_certificate
from tools.bench.server import BenchServer, bench_root
from tools.bench.settings import CHANGE_QUESTION, GUIDANCE_PAGES, PHONE, SHARE_STATE, SLOW
from tools.bench.summary import summarise
from tools.chromium import CHROMIUM, CHROMIUM_FLAGS
from tools.page_states import STATES


def load_average() -> str:
    """The machine's 1-minute load average: other work on a small machine skews timings."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


CONDITIONS = ("loopback", "slow", "phone")


def run(
    site: Path, runs: int, slow_runs: int, conditions: tuple[str, ...] = CONDITIONS
) -> dict[str, Any]:
    """Measure `conditions` (loopback: cold and warm, `runs` times; slow and phone: cold on
    the emulated link, `slow_runs` times)."""
    version_dirs = sorted(p.name for p in (site / "pyodide").iterdir() if p.is_dir())
    if len(version_dirs) != 1:
        raise SystemExit(f"expected one Pyodide version in {site}/pyodide, found {version_dirs}")
    version = version_dirs[0]
    share = f"assessment/#{STATES[SHARE_STATE]}"
    foreign: list[str] = []
    raw: dict[str, Any] = {"assessment": {}, "baseline": {}, "guidance": {}}
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        root = bench_root(site, Path(work), version)
        certificate = make_certificate(Path(work))
        server = BenchServer(root, certificate)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = server.base
        flags = [*CHROMIUM_FLAGS, certificate.chromium_flag()]
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=flags)
                chromium = browser.version
                targets = {
                    "assessment": (base + share, wait_result, True),
                    "baseline": (base + "bench-baseline/", wait_baseline, False),
                    **{
                        f"guidance:{page}": (base + page, wait_load, False)
                        for page in GUIDANCE_PAGES
                    },
                }
                for number in range(1, runs + 1 if "loopback" in conditions else 1):
                    for name, (url, ready, changes) in targets.items():
                        cold, warm, seen = cold_and_warm(
                            browser, server, url, ready, changes=changes
                        )
                        foreign += seen
                        for condition, found in (("cold", cold), ("warm", warm)):
                            raw_for(raw, name).setdefault(condition, []).append(found)
                    print(f"  run {number}/{runs} on loopback done", file=sys.stderr)
                probe = cpu_probe = None
                slow_runs = slow_runs if {"slow", "phone"} & set(conditions) else 0
                if slow_runs:
                    probe = probe_worker_throttling(browser, server, base, version)
                if slow_runs and "phone" in conditions:
                    cpu_probe = probe_cpu_throttling(browser, base)
                for number in range(1, slow_runs + 1 if "slow" in conditions else 1):
                    for name, (url, ready, changes) in targets.items():
                        found, seen = cold_slow(browser, server, url, ready, changes=changes)
                        foreign += seen
                        raw_for(raw, name).setdefault("slow", []).append(found)
                    print(f"  run {number}/{slow_runs} on the slow network done", file=sys.stderr)
                for number in range(1, slow_runs + 1 if "phone" in conditions else 1):
                    for name, (url, ready, changes) in targets.items():
                        found, seen = cold_slow(
                            browser, server, url, ready, changes=changes, phone=True
                        )
                        foreign += seen
                        raw_for(raw, name).setdefault("phone", []).append(found)
                    print(f"  run {number}/{slow_runs} as a phone done", file=sys.stderr)
                browser.close()
        finally:
            server.shutdown()
    results: dict[str, Any] = {
        "meta": {
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "chromium": chromium,
            "chromium_flags": flags,
            "protocol": "HTTPS (a certificate made for the run, trusted by its key's hash)",
            "conditions": list(conditions),
            "cpus": os.cpu_count(),
            "runs": runs,
            "slow_runs": slow_runs,
            "pyodide": version,
            "share_link": share,
            "change_question": CHANGE_QUESTION,
            "slow_network": SLOW if slow_runs else None,
            "phone": PHONE if slow_runs else None,
            "worker_throttling": probe,
            "cpu_throttling": cpu_probe,
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
