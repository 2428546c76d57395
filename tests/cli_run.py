"""The command line run in this process, for the browser tests that hold the page to it:
`assessment.cli.main`, the function `python -m assessment` calls (tests/test_cli.py runs that
real entry point), so that a comparison costs no Python start-up. SITE_URL is left out of
its environment, as the tests give the page's own address where they need one."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from assessment.cli import main

# The environment without SITE_URL (also for the tests that start the command line itself).
ENV_WITHOUT_SITE_URL = {key: value for key, value in os.environ.items() if key != "SITE_URL"}


def command_line(answers: dict, folder: Path, *options: str) -> str:
    """What the command line prints for these answers (written to `folder`/answers.json) and
    options; a failure, with what it said, unless it succeeds."""
    path = folder / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = main(["--answers", str(path), *options], stdout=out, stderr=err,
                  environ=dict(ENV_WITHOUT_SITE_URL))
    assert status == 0, err.getvalue()
    return out.getvalue()
