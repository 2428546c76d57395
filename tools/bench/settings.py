"""What the benchmark measures and how long it waits; the scripts it runs in the pages."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PAGE_DIR = Path(__file__).resolve().parent / "page"
SHARE_STATE = "ready"  # a full answer set: every question the rules ask is answered
CHANGE_QUESTION = "audit_plan"  # toggling it moves the result between "ready" and "gaps"
CHANGES_PER_VISIT = 5
LATER_S = 2.0  # the pause before the second set of answer changes
GUIDANCE_PAGES = ("", "entitlement/how-it-works/")
SLOW = {"latency_ms": 40, "mbit_s": 10}
# A phone: the same link, a phone's screen, and the CPU slowed down this many times.
PHONE = {"cpu_slowdown": 4, "width": 390, "height": 844}
QUIET_S = 0.5
TIMEOUT_MS = 120_000
# What no guidance page may download: the runtime, the engine, its worker and snapshot.
PYTHON_PATHS = re.compile(r"(^|/)pyodide/|(^|/)assets/py/|assessment-worker|\.wasm$|\.snapshot")


def page_script(name: str) -> str:
    """One of the scripts in page/, read as it is now (they are evaluated in the pages)."""
    return (PAGE_DIR / name).read_text(encoding="utf-8")
