"""Faults and broken input the self-assessment must survive, each with what the page does.

Saved answers in every wrong shape (the corrupt-JSON case is in test_browser_assessment.py),
Python's files failing to download (the WebAssembly case is there too), and a rules data file
with a mistake, which must stop the build naming the file and the key.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assessment.reading.loader import load_rules
from tests.page_constants import STORAGE_KEY
from tests.page_reading import checked

ROOT = Path(__file__).resolve().parent.parent
PYTHON_TIMEOUT = 90_000
CLEARED = "could not be read, so they were cleared"
NO_MATCH = "no longer match the questions, so they were cleared"
OLDER = "older version of this page"
NEWER = "newer version of this page"

# (stored value, what the notes must say, whether the stored value is kept, answers shown)
SAVED = {
    "older schema": ({"schema": 0, "answers": {"nation": "england"}}, OLDER, False, {}),
    "no schema": ({"answers": {"nation": "england"}}, OLDER, False, {}),
    "newer schema": (
        {"schema": 2, "answers": {"nation": {"code": "eng"}}, "extra": [1, 2]},
        NEWER,
        True,
        {},
    ),
    "answers as a list": ({"schema": 1, "answers": ["england", "nurse"]}, CLEARED, False, {}),
    "answers missing": ({"schema": 1}, CLEARED, False, {}),
    "a bare number": (42, CLEARED, False, {}),
    "null": (None, CLEARED, False, {}),
    "a list": ([{"schema": 1}], CLEARED, False, {}),
    "values as numbers": ({"schema": 1, "answers": {"nation": 3, "profession": 7}},
                          NO_MATCH, False, {}),
    "markup as keys and values": (
        {"schema": 1, "answers": {"<img src=x onerror=alert(1)>": "<b>x</b>",
                                  "nation": "<script>alert(1)</script>"}},
        NO_MATCH,
        False,
        {},
    ),
    "unknown keys beside good ones": (
        {"schema": 1, "answers": {"nation": "wales", "colour": "blue",
                                  "modalities": ["mri", "pet", 5]}},
        "Some saved answers no longer match the questions and were left out",
        True,
        {"nation": ["wales"], "modalities": ["mri"]},
    ),
}



def assert_page_still_works(page: object) -> None:
    """Never a blank page: the heading, every question and the checklist are there."""
    assert page.locator("h1").is_visible()
    assert page.locator("#assessment-form fieldset").count() >= 15
    assert page.locator("#q-nation").is_visible()
    assert page.locator("[data-static-checklist], [data-outcome]").first.is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("case", list(SAVED), ids=list(SAVED))
def test_saved_answers_in_a_wrong_shape(case: str, site_url: str, page: object) -> None:
    stored, message, kept, shown = SAVED[case]
    raw = json.dumps(stored)
    page.goto(f"{site_url}help/privacy/")
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [STORAGE_KEY, raw])
    page.goto(f"{site_url}assessment/")
    page.wait_for_selector("[data-notes]:not([hidden])")
    assert message in page.inner_text("[data-notes]")
    assert page.locator("[data-notes] img, [data-notes] script, [data-notes] b").count() == 0
    assert checked(page) == shown
    after = page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY)
    assert (after == raw) if kept else (after is None), after
    assert_page_still_works(page)
    assert page.errors == []


@pytest.mark.browser
def test_newer_answers_survive_a_shared_link_and_give_way_only_to_a_change(
    site_url: str, page: object
) -> None:
    newer = json.dumps({"schema": 7, "answers": {"nation": "wales"}})
    page.goto(f"{site_url}help/privacy/")
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [STORAGE_KEY, newer])
    page.goto(f"{site_url}assessment/#nation=england&profession=nurse")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    assert NEWER in page.inner_text("[data-notes]")
    assert checked(page) == {"nation": ["england"], "profession": ["nurse"]}
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) == newer
    page.click("label[for='q-nation-scotland']")  # the person answers here: now it is theirs
    saved = json.loads(page.evaluate("(k) => localStorage.getItem(k)", STORAGE_KEY))
    assert saved["answers"]["nation"] == "scotland"  # saved as the change happens
    assert saved["schema"] == 1
    assert page.errors == []


# --- Python's files failing ----------------------------------------------------------------------

WORDS = load_rules().words
FAILING = {
    # A snapshot start needs no archive, so the snapshot fails too: the plain start needs both.
    # The reason is the worker's words (page words' worker.*) for the package's HTTP 404.
    "the package archive": ("**/assets/py/assessment-*", WORDS.text(
        "page", "worker.not_downloaded", what=WORDS.text("page", "worker.package"),
        status="404")),
    "Pyodide's JavaScript runtime": ("**/pyodide.asm.mjs", ""),
}


@pytest.mark.browser
@pytest.mark.parametrize("what", list(FAILING), ids=list(FAILING))
def test_when_a_python_file_cannot_be_downloaded(
    what: str, site_url: str, context: object, page: object
) -> None:
    pattern, reason = FAILING[what]
    context.route(pattern, lambda route: route.fulfill(status=404, body="missing"))
    page.goto(f"{site_url}assessment/#nation=england")
    page.wait_for_selector("#assessment-app[data-python-failed]", timeout=PYTHON_TIMEOUT)
    status = page.inner_text("[data-python-status]")
    assert "could not start in this browser" in status and reason in status, status
    assert "use them as a checklist" in status
    assert page.locator("[data-static-checklist]").is_visible()
    assert page.locator("[data-evidence-id], [data-outcome]").count() == 0
    assert checked(page) == {"nation": ["england"]}  # the link's answers are still shown
    page.check("#q-profession-nurse")  # and the form still works as a form
    assert checked(page) == {"nation": ["england"], "profession": ["nurse"]}
    assert_page_still_works(page)
    # The browser logs each failed download; anything else is a fault.
    assert [e for e in page.errors if "404" not in e and "Failed to load" not in e] == []
    page.errors.clear()


@pytest.mark.browser
def test_a_snapshot_start_needs_no_package_archive(
    site_url: str, context: object, page: object
) -> None:
    missing = {"status": 404, "body": "missing"}
    context.route("**/assets/py/assessment-*.zip", lambda route: route.fulfill(**missing))
    page.goto(f"{site_url}assessment/#nation=england&profession=nurse")
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    assert page.get_attribute("#assessment-app", "data-python-start") == "snapshot"
    assert page.errors == []


# --- a mistake in the rules stops the build ------------------------------------------------


@pytest.mark.build
def test_a_rules_mistake_fails_the_build_naming_file_and_key(tmp_path: Path) -> None:
    """Build a copy of the project whose rules refer to a question that does not exist."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("docs", "hooks", "overrides", "assessment"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    evidence = project / "assessment" / "rules" / "evidence.toml"
    text = evidence.read_text(encoding="utf-8")
    assert text.count('answer = "audit_plan"') == 1
    evidence.write_text(text.replace('answer = "audit_plan"', 'answer = "audit_plans"'))
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)},
        check=False,
    )
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert "assessment/rules/evidence.toml" in output, output[-2000:]
    assert "evidence.audit.held_when.answer" in output
    assert "unknown question 'audit_plans'" in output
    assert not (tmp_path / "out" / "index.html").exists()
