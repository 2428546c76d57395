"""The test tiers (tests/tiers.py): which programs need which tier, and that a test starting
one without the tier's marker fails, naming the marker to add."""

from __future__ import annotations

import sys

import pytest

from tests.tiers import PYODIDE_SCRIPTS, TIERS, TierGuard, tier_of

RUN_SCENARIOS = str(PYODIDE_SCRIPTS / "run_scenarios.mjs")


@pytest.mark.parametrize(("command", "tier"), [
    (["/usr/bin/soffice", "--headless", "--convert-to", "pdf", "a.docx"], "libreoffice"),
    ([sys.executable, "-m", "mkdocs", "build", "--strict"], "build"),
    (".venv/bin/mkdocs build -d out", "build"),
    (["/usr/bin/chromium", "--headless"], "browser"),
    (["/x/playwright/driver/node", "/x/playwright/driver/package/cli.js", "run-driver"],
     "browser"),
    (["/usr/bin/node", RUN_SCENARIOS, "/repo", "2025-01-20", ""], "node"),
    (["/usr/bin/node", str(PYODIDE_SCRIPTS / "firefox_smoke.mjs"), "/usr/bin/firefox-esr"],
     "browser"),
    (["node", "--input-type=module", "-e", "console.log(1)"], None),
    ([sys.executable, "-m", "assessment", "--answers", "a.json"], None),
    (["git", "status"], None),
])
def test_each_program_needs_its_tier(command: object, tier: str | None) -> None:
    assert tier_of(command) == tier
    assert tier is None or tier in TIERS


class Item:
    """What the guard reads of a test: its id and its markers."""

    def __init__(self, *markers: str) -> None:
        self.nodeid = "tests/test_x.py::test_y"
        self.markers = set(markers)

    def get_closest_marker(self, name: str) -> object:
        return name if name in self.markers else None


def test_a_test_starting_a_program_of_a_tier_it_is_not_marked_with_fails() -> None:
    guard = TierGuard()
    guard.item = Item("browser")
    with pytest.raises(pytest.fail.Exception, match=r"mark the test @pytest\.mark\.libreoffice"):
        guard.check(["soffice", "--headless"])
    guard.item = Item("libreoffice")
    guard.check(["soffice", "--headless"])  # marked: allowed
    guard.check(["git", "status"])  # needs no tier
    guard.item = None
    guard.check(["soffice", "--headless"])  # outside a test (collecting): not checked
