"""The test tiers: what each slow kind of test needs, and the check that it is marked so.

`make test-fast` (`pytest --fast`) runs the tests that need none of these; `make test` runs
them all. A test's tiers are its markers:

- `browser`: headless Chromium (derived from the `browser` fixture, used by `page`, `crawl`...)
  or Firefox;
- `build`: a MkDocs build (derived from the `built_site` fixture; a test that builds a site
  of its own is marked by hand);
- `node`: Pyodide run under Node.js (tests/node/*.mjs);
- `libreoffice`: LibreOffice reading a Word document back.

So that none of them slips into the fast tier unmarked, every program a test starts (in its
setup, its body or its teardown) is looked at: one that needs a tier the test is not marked
with fails the test, naming the marker to add.
"""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

TIERS = {
    "browser": "runs in headless Chromium against the built site",
    "build": "needs a MkDocs build (the built site, or a site of its own)",
    "node": "runs Pyodide under Node.js",
    "libreoffice": "reads a Word document back with LibreOffice",
}
# Fixtures that make a test need a tier (pytest's fixture closure includes those they use).
FIXTURE_TIERS = {"browser": "browser", "built_site": "build"}
PYODIDE_SCRIPTS = Path(__file__).resolve().parent / "node"
# Scripts there that drive a browser rather than Pyodide.
BROWSER_SCRIPTS = {"firefox_smoke.mjs"}


def tier_of(command: str | bytes | Sequence[object]) -> str | None:
    """The tier a command needs, or None for one any test may run (the command line, git, a
    short Node script of the page's own JavaScript...)."""
    if isinstance(command, (str, bytes)):
        command = shlex.split(command.decode() if isinstance(command, bytes) else command)
    argv = [str(part) for part in command] or [""]
    program = Path(argv[0]).name
    scripts = {Path(part).name for part in argv[1:] if Path(part).parent == PYODIDE_SCRIPTS}
    needs = {
        "libreoffice": program in {"soffice", "soffice.bin", "libreoffice"},
        "browser": program in {"chromium", "chromium-browser", "chrome", "firefox", "firefox-esr"}
        or any("playwright/driver" in part for part in argv[:2])
        or (program == "node" and bool(scripts & BROWSER_SCRIPTS)),
        "build": program == "mkdocs" or ("-m" in argv[1:3] and "mkdocs" in argv[1:3]),
        "node": program == "node" and bool(scripts - BROWSER_SCRIPTS),
    }
    return next((tier for tier, needed in needs.items() if needed), None)


class TierGuard:
    """Wraps `subprocess.Popen` for the session; while a test runs, a program that needs a
    tier the test is not marked with fails it."""

    def __init__(self) -> None:
        self.item: pytest.Item | None = None
        self.original = subprocess.Popen.__init__
        guard = self

        def checked_init(popen: subprocess.Popen, args: object, *rest: object,
                         **options: object) -> None:
            guard.check(args)
            guard.original(popen, args, *rest, **options)

        self.checked_init = checked_init

    def install(self) -> None:
        subprocess.Popen.__init__ = self.checked_init  # type: ignore[method-assign]

    def uninstall(self) -> None:
        subprocess.Popen.__init__ = self.original  # type: ignore[method-assign]

    def check(self, args: object) -> None:
        item = self.item
        if item is None:
            return
        tier = tier_of(args)  # type: ignore[arg-type]
        if tier is not None and item.get_closest_marker(tier) is None:
            pytest.fail(f"{item.nodeid} starts {args!r}, which needs the {tier} tier: mark the "
                        f"test @pytest.mark.{tier} (see tests/tiers.py)", pytrace=False)


def add_derived_markers(items: list[pytest.Item]) -> None:
    """Mark each test with the tiers its fixtures need."""
    for item in items:
        for fixture, tier in FIXTURE_TIERS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(tier)
