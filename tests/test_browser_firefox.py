"""A smoke test in Debian's Firefox ESR (the other engine people use), driven over WebDriver
BiDi by puppeteer-core from tests/node/firefox_smoke.mjs: a complete share link shows the
command line's result, a changed answer updates it, the reviewer's checklist opens a link,
and the console stays free of errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_run import ENV_WITHOUT_SITE_URL
from tests.test_browser_assessment import fragment

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "node" / "firefox_smoke.mjs"
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
SCENARIO = "england-gp-practice-paramedic"  # complete: every question answered, outcome ready
CHANGE = ("audit_plan", "no")
LIMIT_S = 600


def command_line(answers: dict, tmp_path: Path) -> dict:
    """The command line's result for `answers`: the outcome and each evidence item's status."""
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "assessment", "--answers", str(path), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=True, env=ENV_WITHOUT_SITE_URL,
    )
    result = json.loads(done.stdout)
    return {
        "outcome": result["outcome"],
        "evidence": sorted([item["id"], item["status"]] for item in result["evidence"]),
        "review": sorted(entry["id"] for entry in [*result["evidence"], *result["local"]]),
    }


def run_in_firefox(site_url: str, answers: dict) -> dict:
    if not Path(FIREFOX).exists():
        pytest.fail(f"{FIREFOX} is missing: run `make test` (it installs Debian's firefox-esr).")
    node = shutil.which("node")
    assert node, "node is missing: run `make test` (it sets everything up)"
    question, option = CHANGE
    done = subprocess.run(
        [node, str(SCRIPT), FIREFOX, site_url, fragment(answers), question, option,
         fragment(answers)],
        cwd=ROOT, capture_output=True, text=True, timeout=LIMIT_S, check=False,
        env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
    )
    assert done.returncode == 0, f"Firefox run failed:\n{done.stderr[-4000:]}"
    return json.loads(done.stdout)


def test_the_self_assessment_and_the_review_page_work_in_firefox(
    site_url: str, tmp_path: Path
) -> None:
    answers = json.loads((ROOT / "tests" / "scenarios" / f"{SCENARIO}.json").read_text())[
        "answers"
    ]
    question, option = CHANGE
    assert answers[question] != option
    expected = command_line(answers, tmp_path)
    expected_after = command_line({**answers, question: option}, tmp_path)
    assert expected_after["outcome"] != expected["outcome"]  # the change shows

    shown = run_in_firefox(site_url, answers)

    assert shown["browser"].lower().startswith("firefox"), shown["browser"]
    link, changed = shown["link"], shown["changed"]
    assert link["outcome"] == expected["outcome"]
    assert sorted(link["evidence"]) == expected["evidence"]
    assert changed["outcome"] == expected_after["outcome"]
    assert sorted(changed["evidence"]) == expected_after["evidence"]
    assert sorted(shown["review"]["ids"]) == expected["review"]
    assert shown["errors"] == []
    assert shown["foreign"] == []
